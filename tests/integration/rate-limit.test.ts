import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '~/server/config';
import { closeRedisClients, clientAddress, consume, createLimiter, redisClient } from '~/server/http/rate-limit';

/** The limiter itself: address detection, the memory store, and Redis (when REDIS_URL is set) with its fallback. */

const request = (forwardedFor?: string) => new Request('http://localhost/', { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

describe('client address', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY says how many proxies to trust', () => {
    expect(clientAddress(request('203.0.113.9'), '10.0.0.2', readConfig({}))).toBe('10.0.0.2');
    expect(clientAddress(request('203.0.113.9'), '10.0.0.2', readConfig({ TRUST_PROXY: '0' }))).toBe('10.0.0.2');
    expect(clientAddress(request('203.0.113.9'), '10.0.0.2', readConfig({ TRUST_PROXY: '1' }))).toBe('203.0.113.9');
  });

  it('takes the entry the trusted proxy added, not one the client wrote', () => {
    expect(clientAddress(request('1.2.3.4, 203.0.113.9'), '10.0.0.2', readConfig({ TRUST_PROXY: '1' }))).toBe('203.0.113.9');
    expect(clientAddress(request('1.2.3.4, 203.0.113.9, 10.0.0.7'), '10.0.0.2', readConfig({ TRUST_PROXY: '2' }))).toBe('203.0.113.9');
    expect(clientAddress(request(), '10.0.0.2', readConfig({ TRUST_PROXY: '1' }))).toBe('10.0.0.2');
  });
});

describe('memory limiter', () => {
  it('allows the configured number of submissions, then says how long to wait', async () => {
    const limiter = createLimiter('submissions', readConfig({ RATE_LIMIT_SUBMISSIONS: '3', RATE_LIMIT_WINDOW_SECONDS: '600' }));
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consume(limiter, 'client-a'));
    expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
    const refused = results[3]!;
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.retryAfterSeconds).toBeGreaterThan(590);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
    expect(refused.message).toBe('You have sent several requests in a short time, so we paused new ones from your connection. Please try again in 10 minutes, or call us if it is urgent.');
    expect((await consume(limiter, 'client-b')).ok).toBe(true);
  });
});

describe('Redis limiter', () => {
  afterAll(() => closeRedisClients());

  it('falls back to memory when Redis cannot be reached, so limits still hold', async () => {
    const limiter = createLimiter('submissions', readConfig({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_SUBMISSIONS: '2' }), `rl:test:${Date.now()}`);
    const results = [];
    for (let i = 0; i < 3; i++) results.push((await consume(limiter, 'client-c')).ok);
    expect(results).toEqual([true, true, false]);
  });

  describe.runIf(Boolean(process.env.REDIS_URL))('with REDIS_URL', () => {
    it('shares counts between limiters, as between server instances', async () => {
      const client = redisClient(process.env.REDIS_URL!);
      if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve));
      const prefix = `rl:test:${process.pid}:${Date.now()}`;
      const settings = readConfig({ REDIS_URL: process.env.REDIS_URL, RATE_LIMIT_SUBMISSIONS: '2' });
      const first = createLimiter('submissions', settings, prefix);
      const second = createLimiter('submissions', settings, prefix);
      expect((await consume(first, 'client-d')).ok).toBe(true);
      expect((await consume(second, 'client-d')).ok).toBe(true);
      expect((await consume(first, 'client-d')).ok).toBe(false);
    });
  });
});
