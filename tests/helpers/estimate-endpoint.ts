import { vi } from 'vitest';
import { estimate } from '~/domain/estimate/estimate';
import type { Premises } from '~/domain/premises/premises';
import { recommend } from '~/domain/recommend/recommend';
import { packageTiers } from '~/domain/recommend/tiers';
import type { SiteData } from '~/domain/site-data';
import type { PricedPackages } from '~/stores/assessment-packages';

/**
 * The three packages as POST /api/estimate answers `{ premises }`, from the same domain functions
 * (src/server/http/estimate-answer.ts; the endpoint itself is tested against the real server).
 */
export function pricedPackages(premises: Premises, data: SiteData, today: string): PricedPackages {
  const { start, packages } = recommend(premises, data);
  return {
    start,
    packages: Object.fromEntries(packageTiers.map((tier) => [tier, { configuration: packages[tier], estimate: estimate(packages[tier], data, { today }) }])) as PricedPackages['packages'],
  };
}

/**
 * Answers the assessment's POST /api/estimate in island tests, or with `status` when given (a
 * failing server); returns the premises asked about. Other requests go to the fetch there was.
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
    const answer = { pricedOn: today, recommendation: pricedPackages(premises, data, today) };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'Content-Type': 'application/json' } });
  });
  return asked;
}
