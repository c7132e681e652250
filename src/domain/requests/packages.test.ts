import { describe, expect, it } from 'vitest';
import { sameContent } from '../configuration/content';
import { fixtureConfig, fixtureSite } from '../fixtures';
import { packageAlternatives, packagesIssues } from './packages';

const config = (quantity: number, planId?: string) => fixtureConfig([fixtureSite([{ productId: 'cam', quantity, reason: 'Covers the driveway.' }], planId ? { planId } : {})]);
const offered = { essential: config(1), recommended: config(2), complete: config(3, 'plan-monthly') };

describe('the packages sent with a request', () => {
  it('tells a changed package from one as offered: lines and plan count, key order does not', () => {
    const reordered = JSON.parse(JSON.stringify(config(2), (_, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    expect(sameContent(reordered, config(2))).toBe(true);
    expect(sameContent(config(3), config(2))).toBe(false);
    expect(sameContent(config(3, 'plan-monthly'), config(3))).toBe(false);
  });

  it('names the customer’s package first, saying when they changed it, then the other two as offered', () => {
    expect(packageAlternatives({ tier: 'recommended', offered }, config(2)).primary).toEqual({ id: 'recommended', name: 'Recommended' });
    const changed = packageAlternatives({ tier: 'recommended', offered }, config(4));
    expect(changed.primary).toEqual({ id: 'recommended', name: 'Recommended (as you changed it)' });
    expect(changed.alternatives).toEqual([
      { id: 'essential', name: 'Essential', configuration: offered.essential },
      { id: 'complete', name: 'Complete', configuration: offered.complete },
    ]);
  });

  it('asks each package to fit the configuration: its audience and its sites, and only for a home', () => {
    expect(packagesIssues({ tier: 'essential', offered }, { ...config(1), audience: 'business' }).map((i) => i.path.join('.'))).toEqual(['packages']);
    expect(packagesIssues({ tier: 'essential', offered }, config(1))).toEqual([]);
    const business = { ...offered.essential, audience: 'business' as const };
    const elsewhere = { ...offered.complete, sites: [{ ...offered.complete.sites[0]!, id: 'cabin' }] };
    expect(packagesIssues({ tier: 'essential', offered: { ...offered, essential: business, complete: elsewhere } }, config(1)).map((i) => i.path.join('.'))).toEqual([
      'packages.offered.essential.audience',
      'packages.offered.complete.sites',
    ]);
  });
});
