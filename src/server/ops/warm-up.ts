import { config } from '../config';
import { loadData } from '../content/collections';
import { getDatabase } from '../db/client';
import { redisClient } from '../http/rate-limit';
import { ensureOutboxWorker } from '../mail/worker';
import { logger } from './log';

/**
 * What the first visitor would otherwise wait for (1–6 s): the database opened and migrated, the
 * catalog and settings loaded, the modules of the submission path and the API document loaded, and
 * Redis connected. /readyz says ready only after this; then the outbox worker starts, so messages a
 * previous run left behind go out without waiting for the next request.
 */
export async function warmUp(): Promise<void> {
  const started = performance.now();
  const redisUrl = config().REDIS_URL;
  const results = await Promise.allSettled([
    getDatabase(),
    loadData(),
    import('../requests/submissions'),
    import('../http/openapi'),
    redisUrl ? redisReady(redisUrl) : Promise.resolve(),
  ]);
  for (const result of results) if (result.status === 'rejected') logger().error({ err: result.reason }, 'warm-up step failed; /readyz checks again on each call');
  ensureOutboxWorker();
  logger().info({ durationMs: Math.round(performance.now() - started) }, 'warmed up');
}

/** Resolves once the Redis client is connected, or after 5 s (the rate limiter falls back to memory meanwhile). */
function redisReady(url: string): Promise<void> {
  const client = redisClient(url);
  if (client.status === 'ready') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    client.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
