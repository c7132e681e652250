import type { Server } from 'node:http';
import type { Lifecycle } from './health';
import { logger } from './log';

/**
 * Graceful stop on SIGTERM (what process managers and orchestrators send) and SIGINT (Ctrl-C):
 * /readyz answers 503 at once so a load balancer stops sending traffic; the server stops accepting
 * connections; requests in flight finish, for at most SHUTDOWN_GRACE_SECONDS, after which their
 * connections are closed; then the outbox worker finishes its batch, the database is closed (PGlite
 * flushes its files) and the process exits 0. A second signal while stopping exits at once, with 1.
 */

/** How often idle keep-alive connections are closed while requests finish. */
const IDLE_SWEEP_MS = 100;

export interface ShutdownOptions {
  server: Server;
  lifecycle: Lifecycle;
  graceSeconds: number;
}

async function stop(signal: NodeJS.Signals, { server, lifecycle, graceSeconds }: ShutdownOptions): Promise<void> {
  lifecycle.stopping = true;
  logger().info({ signal, graceSeconds }, 'shutting down: finishing requests in flight');
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection between requests is closed as soon as it is idle; one mid-answer is left to finish.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let timedOut = false;
  const grace = setTimeout(() => {
    timedOut = true;
    logger().warn({ graceSeconds }, 'grace period over: closing the connections still open');
    server.closeAllConnections();
  }, graceSeconds * 1000);
  await closed;
  clearInterval(sweep);
  clearTimeout(grace);
  // Imported when needed, so the server entry listens without loading them first (they are loaded by now).
  const [{ stopOutboxWorker }, { closeDatabase }, { closeRedisClients }] = await Promise.all([import('../mail/worker'), import('../db/client'), import('../http/rate-limit')]);
  await stopOutboxWorker();
  await closeDatabase();
  closeRedisClients();
  logger().info({ timedOut }, 'stopped');
}

export function stopOnSignals(options: ShutdownOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger().warn({ signal }, 'second signal while stopping: exiting now');
      process.exit(1);
    }
    stopping = true;
    stop(signal, options).then(
      () => process.exit(0),
      (error: unknown) => {
        logger().error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
