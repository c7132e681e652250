import { describe, expect, it } from 'vitest';
import { installationRequest } from '../helpers/configuration';
import { freePort, serverForFile, startServer, STOP_TIMEOUT_MS } from '../helpers/server';

/**
 * What an operator relies on: the health routes, the request id, and the JSON log (one line per
 * request with id, method, route, status and duration; nothing personal).
 */

const run = serverForFile();

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  method?: string;
  route?: string | null;
  status?: number;
  durationMs?: number;
  [key: string]: unknown;
}

function logLines(output: string): LogLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

async function requestLine(requestId: string): Promise<LogLine> {
  await run.server.waitForOutput(new RegExp(`"requestId":"${requestId}"`));
  const line = logLines(run.server.output()).find((l) => l.requestId === requestId && l.msg === 'request');
  if (!line) throw new Error(`No request line for ${requestId}`);
  return line;
}

describe('health routes', () => {
  it('/healthz answers 200 without caching', async () => {
    const response = await fetch(`${run.server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 once the database is open and migrated', async () => {
    const response = await fetch(`${run.server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ status: 'ready', checks: { database: 'ok' } });
  });

  it('are never rate limited', async () => {
    const answers = await Promise.all(Array.from({ length: 150 }, (_, i) => fetch(`${run.server.url}/${i % 2 ? 'healthz' : 'readyz'}`).then((r) => r.status)));
    expect(new Set(answers)).toEqual(new Set([200]));
  });

  it('/readyz answers 503 naming Redis when REDIS_URL is set and Redis does not answer', async () => {
    const server = await startServer({ env: { REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
    try {
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', checks: { database: 'ok', redis: 'failed' }, failed: ['redis'] });
      // The log says why, with the error's stack.
      await server.waitForOutput(/"msg":"readiness check failed"/);
      const failed = logLines(server.output()).find((l) => l.msg === 'readiness check failed')!;
      expect(failed).toMatchObject({ level: 'warn', dependency: 'redis' });
      expect((failed.err as { stack: string }).stack).toMatch(/\n\s+at /);
    } finally {
      await server.stop();
      server.cleanUp();
    }
  }, STOP_TIMEOUT_MS + 60_000);
});

describe('request ids', () => {
  it('keeps a short safe X-Request-Id and sends it back', async () => {
    const response = await fetch(`${run.server.url}/api/catalog`, { headers: { 'x-request-id': 'proxy-id.0042_ab' } });
    expect(response.headers.get('x-request-id')).toBe('proxy-id.0042_ab');
  });

  it('replaces one that is long or holds anything but letters, digits, dots, dashes and underscores', async () => {
    for (const hostile of ['a'.repeat(65), 'id with spaces', 'id"},"level":"fatal', '<script>']) {
      const response = await fetch(`${run.server.url}/healthz`, { headers: { 'x-request-id': hostile } });
      const id = response.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const answers = await Promise.all([fetch(`${run.server.url}/`), fetch(`${run.server.url}/`)]);
    const [a, b] = answers.map((r) => r.headers.get('x-request-id'));
    expect(a).not.toBe(b);
  });
});

describe('the request log', () => {
  it('has one JSON line per request: id, method, route pattern, status, duration', async () => {
    await fetch(`${run.server.url}/quote/Q-secret-quote-id?email=ada@example.com`, { headers: { 'x-request-id': 'log-test-quote-0001' } });
    const line = await requestLine('log-test-quote-0001');
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', route: '/quote/[id]', status: 404 });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    const raw = run.server.output();
    expect(raw).not.toContain('Q-secret-quote-id');
    expect(raw).not.toContain('email=');

    await fetch(`${run.server.url}/configure`, { headers: { 'x-request-id': 'log-test-static-0001' } });
    expect(await requestLine('log-test-static-0001')).toMatchObject({ method: 'GET', route: '/configure', status: 200 });
  });

  it('never holds what a customer sent', async () => {
    const body = installationRequest({ notes: 'Spare key under the blue flowerpot.' });
    const response = await fetch(`${run.server.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'log-test-submission-0001', 'x-request-id': 'log-test-submit-0001' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    const { reference } = (await response.json()) as { reference: string };
    expect(await requestLine('log-test-submit-0001')).toMatchObject({ method: 'POST', route: '/api/requests', status: 201 });
    // The outbox run (no SMTP_URL here) logs each message by id and kind.
    await run.server.waitForOutput(/"kind":"installer-notification"/);
    const raw = run.server.output();
    for (const personal of ['Ada', 'Lovelace', 'ada@example.com', '010-2000', 'Analytical', 'Bayview', 'flowerpot', reference]) expect(raw, personal).not.toContain(personal);
  });
});
