import { vi } from 'vitest';
import { runChecks } from '~/domain/checks';
import type { SiteData } from '~/domain/site-data';
import { openConfiguration, openShareCode } from '~/domain/configuration/open';

/**
 * Answers the browser's POST /api/configurations/check in store and island tests with the same
 * domain functions the endpoint runs (the endpoint itself is tested against the real server in
 * tests/integration/api.test.ts). Returns the calls made, so tests can see the server was asked.
 */
export function answerCheckEndpoint(data: SiteData): unknown[] {
  const calls: unknown[] = [];
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    if (url !== '/api/configurations/check') throw new Error(`unexpected fetch ${url}`);
    const body = JSON.parse(init.body) as { code?: string; configuration?: unknown };
    calls.push(body);
    const result = body.code !== undefined ? await openShareCode(body.code, data.catalog) : openConfiguration(body.configuration, data.catalog);
    const answer = result.ok ? { ...result, checks: runChecks(result.configuration, data) } : result;
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return calls;
}
