import { vi } from 'vitest';
import type { Premises } from '~/domain/premises/premises';
import { pricedRecommendation } from '~/domain/recommend/priced';
import type { SiteData } from '~/domain/site-data';

/**
 * Answers the assessment's POST /api/estimate in island tests with the function the endpoint runs
 * (src/server/http/estimate-answer.ts), or with `status` when given (a failing server); returns
 * the premises asked about. Other requests go to the fetch there was.
 */
export function answerEstimateEndpoint(data: SiteData, today: string, options: { status?: () => number } = {}): Premises[] {
  const asked: Premises[] = [];
  const before = globalThis.fetch;
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    if (url !== '/api/estimate') return before(url, init as RequestInit);
    const { premises } = JSON.parse(init.body) as { premises: Premises };
    asked.push(premises);
    const status = options.status?.() ?? 200;
    if (status !== 200) return new Response('{}', { status, headers: { 'Content-Type': 'application/problem+json' } });
    const answer = { pricedOn: today, recommendation: pricedRecommendation(premises, data, today) };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return asked;
}
