import { config } from '../config';
import { loadSettings } from '../content/collections';
import { getDatabase, getDb } from '../db/client';
import { logger } from '../ops/log';
import { describeReport, purgeExpired } from './retention';

/**
 * Runs the retention purge in this process: once at start and every RETENTION_INTERVAL_MINUTES
 * (default 60). Across instances an advisory lock lets one of them purge at a time (store.ts).
 */

let timer: NodeJS.Timeout | undefined;

/** One purge; logs what it deleted. Resolves to false when it failed (the next run tries again). */
export async function runRetention(): Promise<boolean> {
  try {
    const [db, settings] = await Promise.all([getDb(), loadSettings()]);
    const report = await purgeExpired(db, settings.privacy);
    logger().info({ retention: describeReport(report) }, 'retention purge');
    return true;
  } catch (error) {
    logger().error({ err: error }, 'retention purge failed');
    return false;
  }
}

export function startRetentionWorker(): void {
  if (timer) return;
  void runRetention();
  timer = setInterval(() => void runRetention(), config().RETENTION_INTERVAL_MINUTES * 60 * 1000);
  // The timer alone must not keep the process alive.
  timer.unref();
}

/** `npm run retention`: one purge, with the database closed after it (PGlite writes its files on close). */
export async function runRetentionOnce(): Promise<boolean> {
  const done = await runRetention();
  await (await getDatabase()).close();
  return done;
}
