import { vi } from 'vitest';
import type { SiteData } from '~/domain/site-data';
import { checkConfiguration } from '~/domain/configuration/open';
import { specRowsByProduct } from '~/server/content/client-data';
import { SPEC_ROWS_URL } from '~/stores/spec-rows';

const jsonResponse = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/**
 * Answers the browser's POST /api/configurations/check in store and island tests with the domain
 * function the endpoint runs, `checkConfiguration`, priced on `today` (the endpoint itself is tested
 * against the real server in tests/integration/api.test.ts), and the built comparison rows file
 * with what the build writes. Returns the check calls made, so tests can see the server was asked.
 */
export function answerCheckEndpoint(data: SiteData, today = '2026-11-23'): unknown[] {
  const calls: unknown[] = [];
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    if (url === SPEC_ROWS_URL) return jsonResponse(specRowsByProduct(data));
    if (url !== '/api/configurations/check') throw new Error(`unexpected fetch ${url}`);
    const body = JSON.parse(init.body) as { code: string } | { configuration: unknown };
    calls.push(body);
    return jsonResponse(await checkConfiguration(body, data, today));
  });
  return calls;
}
