import { describe, expect, it } from 'vitest';
import { estimate } from '~/domain/estimate/estimate';
import { fixtureData } from '~/domain/fixtures';
import { premisesSchema } from '~/domain/premises/premises';
import { MAIN_ITEMS, pricedRecommendation } from '~/domain/recommend/priced';
import { matchFirst, summarisePackages } from './packages';

const today = '2026-11-23';

describe('summarisePackages', () => {
  const premises = premisesSchema.parse({ kind: 'home', goals: ['deter', 'fire-co', 'monitoring'], budget: 'essential' });
  const summaries = summarisePackages(pricedRecommendation(premises, fixtureData, today));

  it('gives the three packages in order, highlighting the budget leaning', () => {
    expect(summaries.map((s) => [s.tier, s.title, s.highlighted])).toEqual([
      ['essential', 'Essential', true],
      ['recommended', 'Recommended', false],
      ['complete', 'Complete', false],
    ]);
  });

  it('shows the budget match first, then the others leanest first, for every leaning', () => {
    for (const budget of ['essential', 'recommended', 'complete'] as const) {
      const shown = matchFirst(summarisePackages(pricedRecommendation({ ...premises, budget }, fixtureData, today)));
      expect(shown[0]).toMatchObject({ tier: budget, highlighted: true });
      const rest = shown.slice(1).map((s) => s.tier);
      expect(rest).toEqual(['essential', 'recommended', 'complete'].filter((t) => t !== budget));
    }
  });

  it('shows the price, monthly fee and duration the estimate gives', () => {
    for (const s of summaries) {
      const result = estimate(s.configuration, fixtureData, { today });
      expect(s.oneTime).toEqual(result.oneTime);
      expect(s.monthlyCents).toBe(result.monthlyCents);
      expect(s.duration).toEqual(result.duration);
    }
  });

  it('counts installed devices and lists the biggest items by spend, in the catalog’s names', () => {
    for (const s of summaries) {
      const devices = s.configuration.sites.flatMap((site) => site.lines).filter((l) => 'install' in fixtureData.catalog.get(l.productId)!);
      expect(s.items).toBe(devices.reduce((n, l) => n + l.quantity, 0));
      expect(s.mainItems.length).toBeLessThanOrEqual(MAIN_ITEMS);
      expect(s.mainItems.length).toBe(Math.min(MAIN_ITEMS, new Set(devices.map((l) => fixtureData.catalog.get(l.productId)!.name)).size));
      const spend = (name: string) => {
        const product = fixtureData.catalog.products.find((p) => p.name === name)!;
        return s.mainItems.find((m) => m.name === name)!.quantity * product.priceCents;
      };
      for (let i = 1; i < s.mainItems.length; i++) expect(spend(s.mainItems[i - 1]!.name)).toBeGreaterThanOrEqual(spend(s.mainItems[i]!.name));
    }
  });

  it('reports the plan term, or null without monitoring', () => {
    for (const s of summaries) {
      const planned = s.configuration.sites.some((site) => site.planId);
      expect(s.termMonths === null).toBe(!planned);
    }
  });
});
