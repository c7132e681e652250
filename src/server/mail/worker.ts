import { config } from '../config';
import { loadSettings } from '../content/collections';
import { getDb } from '../db/client';
import { logger } from '../ops/log';
import { deliverDue } from './outbox';
import { mailSetupFrom, type MailSetup } from './transport';

/**
 * Runs the outbox in this process: right after a request commits (`kickOutbox`), and every
 * OUTBOX_INTERVAL_SECONDS (default 30) for retries and for rows left by a restart. A failed message
 * is tried again after OUTBOX_RETRY_SECONDS (default 60), then twice as long each time, as the
 * settings' `outbox` section says, until it becomes a dead letter. Runs never
 * overlap in one process; across processes the row claims keep them apart.
 */

let setup: Promise<MailSetup> | undefined;
let running: Promise<void> | undefined;
let again = false;
let timer: NodeJS.Timeout | undefined;
let stopped = false;

export function mailSetup(): Promise<MailSetup> {
  setup ??= loadSettings().then((settings) => {
    const result = mailSetupFrom(settings, config());
    logger().info({ mail: result.description }, 'mail setup');
    return result;
  });
  return setup;
}

async function runUntilIdle(): Promise<void> {
  do {
    again = false;
    const [db, { transport, from }, settings] = await Promise.all([getDb(), mailSetup(), loadSettings()]);
    const report = await deliverDue(db, { transport, from, retryBaseMs: config().OUTBOX_RETRY_SECONDS * 1000, claimMs: config().OUTBOX_CLAIM_SECONDS * 1000, policy: settings.outbox });
    // A full batch means more may be waiting; once stopping, the rest waits for the next start.
    if (report.sent + report.logged + report.retrying + report.deadLettered >= 20) again = true;
  } while (again && !stopped);
}

/** Delivers what is due now; a call during a run makes the run go round once more. */
export function kickOutbox(): Promise<void> {
  if (stopped) return Promise.resolve();
  if (running) {
    again = true;
    return running;
  }
  running = runUntilIdle()
    .catch((error: unknown) => logger().error({ err: error }, 'outbox run failed'))
    .finally(() => {
      running = undefined;
    });
  ensureOutboxTimer();
  return running;
}

function ensureOutboxTimer(): void {
  if (timer) return;
  timer = setInterval(() => void kickOutbox(), config().OUTBOX_INTERVAL_SECONDS * 1000);
  // The timer alone must not keep the process alive.
  timer.unref();
}

/** Starts the periodic run (and delivers anything left over) on the first call; cheap afterwards. */
export function ensureOutboxWorker(): void {
  if (!timer) void kickOutbox();
}

/**
 * Stops the worker for the server's shutdown: no new runs, and the one under way (if any) finishes
 * its batch, so no message is left half recorded. Rows not yet due stay in the outbox for the next start.
 */
export async function stopOutboxWorker(): Promise<void> {
  stopped = true;
  again = false;
  if (timer) clearInterval(timer);
  timer = undefined;
  await running;
}
