import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { config, type Config } from '../config';
import { logger } from '../ops/log';

/**
 * Limits per client address, so one sender cannot flood the installer's inbox or the database.
 * Counters live in memory (one instance) or in Redis when REDIS_URL is set (several instances share
 * them); if Redis is unreachable the in-memory counters take over rather than letting everything
 * through or refusing everyone.
 *
 * Settings (src/server/config.ts):
 * - RATE_LIMIT_SUBMISSIONS (default 10) requests per RATE_LIMIT_WINDOW_SECONDS (default 600) per address;
 * - RATE_LIMIT_ESTIMATES (default 120) estimate calls per minute per address, and as many quote views;
 * - TRUST_PROXY: unset, the address is the TCP peer's. Set it to the number of proxies in front of the
 *   server (1 for a single reverse proxy) to take the client's address from X-Forwarded-For: the
 *   entry that many places from the right, i.e. the one our own proxy saw, which a client cannot forge.
 */

/** Views share the estimates' allowance per minute, counted apart: a page reports at most one per visit. */
export type Bucket = 'submissions' | 'estimates' | 'views';

export type LimitResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number; message: string };

type LimitSettings = Pick<Config, 'RATE_LIMIT_SUBMISSIONS' | 'RATE_LIMIT_WINDOW_SECONDS' | 'RATE_LIMIT_ESTIMATES' | 'REDIS_URL'>;

function bucketOptions(bucket: Bucket, settings: LimitSettings) {
  return bucket === 'submissions'
    ? { points: settings.RATE_LIMIT_SUBMISSIONS, duration: settings.RATE_LIMIT_WINDOW_SECONDS }
    : { points: settings.RATE_LIMIT_ESTIMATES, duration: 60 };
}

const redisClients = new Map<string, Redis>();

/** One connection per Redis URL for the process. */
export function redisClient(url: string): Redis {
  let client = redisClients.get(url);
  if (!client) {
    // No offline queue: while Redis is down a call fails at once and the in-memory limiter answers.
    client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2000 });
    let lastLogged = '';
    client.on('error', (error: Error) => {
      // A Redis that stays down reports the same error on every reconnect: log each new one once.
      if (error.message !== lastLogged) logger().error({ err: error }, 'rate limit: Redis failed');
      lastLogged = error.message;
    });
    client.on('ready', () => (lastLogged = ''));
    redisClients.set(url, client);
  }
  return client;
}

export function closeRedisClients(): void {
  for (const client of redisClients.values()) client.disconnect();
  redisClients.clear();
}

export function createLimiter(bucket: Bucket, settings: LimitSettings = config(), keyPrefix = `rl:${bucket}`): RateLimiterAbstract {
  return sharedLimiter({ ...bucketOptions(bucket, settings), keyPrefix }, settings);
}

/** `points` uses per `duration` seconds per key, counted in Redis when REDIS_URL is set (in memory if it is down). */
export function sharedLimiter(options: { points: number; duration: number; keyPrefix: string }, settings: Pick<Config, 'REDIS_URL'> = config()): RateLimiterAbstract {
  const memory = new RateLimiterMemory(options);
  const url = settings.REDIS_URL;
  if (!url) return memory;
  return new RateLimiterRedis({ ...options, storeClient: redisClient(url), rejectIfRedisNotReady: true, insuranceLimiter: memory });
}

const limiters = new Map<Bucket, RateLimiterAbstract>();

function limiterFor(bucket: Bucket): RateLimiterAbstract {
  let limiter = limiters.get(bucket);
  if (!limiter) {
    limiter = createLimiter(bucket);
    limiters.set(bucket, limiter);
  }
  return limiter;
}

export function friendlyWait(seconds: number): string {
  if (seconds < 90) return `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** Counts one use by `key`; says how long to wait once the limit is reached. */
export async function consume(limiter: RateLimiterAbstract, key: string): Promise<LimitResult> {
  try {
    const res = await limiter.consume(key);
    return { ok: true, remaining: res.remainingPoints };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      return {
        ok: false,
        retryAfterSeconds,
        message: `You have sent several requests in a short time, so we paused new ones from your connection. Please try again in ${friendlyWait(retryAfterSeconds)}, or call us if it is urgent.`,
      };
    }
    // The store failed and there was no fallback: let the request through rather than lose a customer.
    logger().error({ err: rejection }, 'rate limit: limiter failed, request let through');
    return { ok: true, remaining: 0 };
  }
}

export function limit(bucket: Bucket, clientKey: string): Promise<LimitResult> {
  return consume(limiterFor(bucket), clientKey);
}

/** The client's address, from X-Forwarded-For only when TRUST_PROXY says how many proxies to trust. */
export function clientAddress(request: Request, peerAddress: string | undefined, settings: Pick<Config, 'TRUST_PROXY'> = config()): string {
  return clientAddressFrom(request.headers.get('x-forwarded-for') ?? undefined, peerAddress, settings);
}

/** The same from the X-Forwarded-For header's value (duplicate headers joined with ", ", as both Node and the Fetch API do). */
export function clientAddressFrom(forwardedFor: string | undefined, peerAddress: string | undefined, settings: Pick<Config, 'TRUST_PROXY'> = config()): string {
  const hops = settings.TRUST_PROXY;
  if (hops > 0) {
    const forwarded = (forwardedFor ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const address = forwarded[forwarded.length - hops];
    if (address) return address;
  }
  return peerAddress || 'unknown';
}
