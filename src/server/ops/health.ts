import type { ServerResponse } from 'node:http';
import { config } from '../config';
import type { Readiness } from '../http/responses';
import { logger } from './log';

/**
 * GET /healthz: the process answers (nothing else is touched, so it is cheap enough to poll every
 * second). GET /readyz: the process should get traffic: it has warmed up (modules loaded, database
 * opened and migrated), the database answers, Redis answers when REDIS_URL is set, and it is not
 * shutting down. Both are answered by the server entry itself, before Astro and outside the rate
 * limits, and are never cached. A failed check names the dependency; its error goes to the log
 * only (an error message may hold a host or a user name).
 */

export interface Lifecycle {
  /** The warm-up finished (src/server/ops/warm-up.ts). */
  warmedUp: boolean;
  /** A SIGTERM or SIGINT arrived: the server is finishing requests in flight. */
  stopping: boolean;
}

/** How long one dependency may take to answer before it counts as down. */
const CHECK_TIMEOUT_MS = 2000;

type Dependency = NonNullable<Readiness['failed']>[number];
type CheckResult = 'ok' | 'failed';

async function check(name: Dependency, probe: () => Promise<unknown>): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([probe(), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS)))]);
    return 'ok';
  } catch (error) {
    logger().warn({ err: error, dependency: name }, 'readiness check failed');
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}


export async function readiness(lifecycle: Lifecycle): Promise<Readiness> {
  if (lifecycle.stopping) return { status: 'stopping' };
  if (!lifecycle.warmedUp) return { status: 'starting' };
  const redisUrl = config().REDIS_URL;
  // Loaded here, not at start: the server listens before the database modules load (warm-up does that).
  const [{ checkDatabase }, { redisClient }] = await Promise.all([import('../db/client'), import('../http/rate-limit')]);
  const probes: [Dependency, () => Promise<unknown>][] = [['database', checkDatabase]];
  if (redisUrl) probes.push(['redis', () => redisClient(redisUrl).ping()]);
  const results = await Promise.all(probes.map(async ([name, probe]) => [name, await check(name, probe)] as const));
  const failed = results.filter(([, result]) => result === 'failed').map(([name]) => name);
  const checks = Object.fromEntries(results) as NonNullable<Readiness['checks']>;
  return { status: failed.length === 0 ? 'ready' : 'unavailable', checks, ...(failed.length > 0 ? { failed } : {}) };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  response.end(response.req.method === 'HEAD' ? undefined : text);
}

export const healthPaths = ['/healthz', '/readyz'] as const;

/** Answers /healthz and /readyz and returns true; false for any other path. */
export function answerHealth(path: string, response: ServerResponse, lifecycle: Lifecycle): boolean {
  if (path === '/healthz') {
    send(response, 200, { status: 'ok' });
    return true;
  }
  if (path !== '/readyz') return false;
  readiness(lifecycle).then(
    (result) => send(response, result.status === 'ready' ? 200 : 503, result),
    (error: unknown) => {
      logger().error({ err: error }, 'readiness failed');
      send(response, 503, { status: 'unavailable' });
    },
  );
  return true;
}
