import { describe, expect, it } from 'vitest';
import type { MonitoringPlan } from './catalog/product';
import { fixtureData } from './fixtures';
import {
  capitalized,
  contractTermText,
  contractText,
  durationText,
  earlyTerminationText,
  feesOverTermText,
  monthlyFeeText,
  planPriceText,
  planTermsText,
  minimumTopUpText,
  priceChangeText,
  signedMoneyText,
} from './wording';
import fc from 'fast-check';
import { estimate } from './estimate/estimate';
import { fixtureConfig, fixtureSite } from './fixtures';

const f = { currency: 'USD', locale: 'en-US' };
const plan = (id: string) => (fixtureData.catalog.get(id) as MonitoringPlan).specs;

describe('durationText', () => {
  it('says hours for a one-day job and days with the crew for longer ones', () => {
    expect(durationText({ hours: { low: 0, high: 0 }, technicians: { low: 1, high: 1 }, days: { low: 0, high: 0 } }, 'en-US')).toBe('No installation work');
    expect(durationText({ hours: { low: 5, high: 6.25 }, technicians: { low: 1, high: 1 }, days: { low: 1, high: 1 } }, 'en-US')).toBe('5 to 6.25 hours of work, done in a day by one technician');
    expect(durationText({ hours: { low: 3, high: 3 }, technicians: { low: 1, high: 1 }, days: { low: 1, high: 1 } }, 'en-US')).toBe('3 hours of work, done in a day by one technician');
    expect(durationText({ hours: { low: 30, high: 41.5 }, technicians: { low: 2, high: 2 }, days: { low: 2, high: 3 } }, 'en-US')).toBe('2 to 3 working days on site with a crew of 2 (30 to 41.5 hours of work)');
    expect(durationText({ hours: { low: 16, high: 16.25 }, technicians: { low: 2, high: 2 }, days: { low: 1, high: 2 } }, 'en-US')).toContain('1 to 2 working days');
    expect(durationText({ hours: { low: 20, high: 22 }, technicians: { low: 2, high: 2 }, days: { low: 2, high: 2 } }, 'en-US')).toContain('2 working days on site');
    expect(durationText({ hours: { low: 14, high: 20 }, technicians: { low: 2, high: 3 }, days: { low: 1, high: 1 } }, 'en-US')).toBe('14 to 20 hours of work, done in a day by a crew of 2 to 3');
  });
});

describe('contract wording', () => {
  it('words the term mid-sentence and at the start of a value', () => {
    expect(contractText(0)).toBe('month to month, no contract');
    expect(contractText(36)).toBe('36-month contract');
    expect(capitalized(contractText(0))).toBe('Month to month, no contract');
  });

  it('words the term as a value and the fees over it', () => {
    expect(contractTermText(36)).toBe('36-month contract from the day monitoring starts');
    expect(contractTermText(0)).toBe('Month to month, no contract');
    expect(feesOverTermText(plan('plan-36'), f)).toBe('$1,080.00 (36 × $30.00)');
  });

  it('words a plan’s price with its term', () => {
    expect(monthlyFeeText(3000, f)).toBe('$30.00 a month');
    expect(planPriceText(plan('plan-36'), f)).toBe('$30.00 a month, 36-month contract');
    expect(planPriceText(plan('plan-monthly'), f)).toBe('$40.00 a month, month to month, no contract');
  });

  it('spells out plan terms from the start date', () => {
    const contract = planTermsText(plan('plan-36'), '2027-01-31', f);
    expect(contract).toContain('Runs from January 31, 2027 to January 30, 2030: $1,080.00 over the term.');
    expect(contract).toContain('stopping halfway, on July 31, 2028, would cost $270.00.');
    expect(contract).toContain('Cancel with 30 days notice');
    const monthly = planTermsText(plan('plan-monthly'), '2027-01-01', f);
    expect(monthly).toContain('No end date; the estimate counts the first 12 months ($480.00), to December 31, 2027.');
    expect(monthly).toContain('No fee for ending early.');
  });

  it('works out the early-termination example in months when there is no start date yet', () => {
    expect(earlyTerminationText(plan('plan-36'), null, f)).toBe('Ending early costs 50% of the monthly fees left: stopping halfway, after 18 months, would cost $270.00.');
    expect(earlyTerminationText(plan('plan-monthly'), null, f)).toBe('No fee for ending early.');
  });
});

describe('priceChangeText', () => {
  it('words a change between two prices, and prices that come or go', () => {
    const r = (low: number, high = low) => ({ low, high });
    expect(priceChangeText(r(10_000), r(22_000), f)).toBe('+$120.00');
    expect(priceChangeText(r(10_000, 20_000), r(6_500, 21_000), f)).toBe('−$35.00 to +$10.00');
    expect(priceChangeText(r(5_000), r(5_000), f)).toBe('$0.00');
    expect(priceChangeText(null, r(5_000), f)).toBe('new');
    expect(priceChangeText(r(5_000), null, f)).toBe('no longer applies');
  });
});

describe('signedMoneyText', () => {
  it('signs a change either way with a true minus sign', () => {
    const f = { currency: 'USD', locale: 'en-US' };
    expect([signedMoneyText(-12_000, f), signedMoneyText(4_000, f), signedMoneyText(0, f)]).toEqual(['−$120.00', '+$40.00', '+$0.00']);
  });
});

describe('minimumTopUpText', () => {
  it('says at which end of the range the minimum charge adds what, never as a low–high range', () => {
    expect(minimumTopUpText({ atLow: 8_200, atHigh: 8_200 }, f)).toBe('$82.00');
    expect(minimumTopUpText({ atLow: 7_700, atHigh: 0 }, f)).toBe('$77 at the low end only');
    expect(minimumTopUpText({ atLow: 7_700, atHigh: 1_000 }, f)).toBe('$77 at the low end, $10 at the high end');
  });

  it('is needed: the top-up is never smaller at the low end than at the high end, whatever the job', () => {
    const lineable = fixtureData.catalog.products.filter((p) => !['monitoring-plan', 'travel', 'cable'].includes(p.role));
    fc.assert(
      fc.property(fc.constantFrom(...lineable), fc.integer({ min: 1, max: 3 }), (product, quantity) => {
        const [site] = estimate(fixtureConfig([fixtureSite([{ productId: product.id, quantity }])]), fixtureData, { today: '2026-12-01' }).sites;
        expect(site!.minimumTopUp.atLow).toBeGreaterThanOrEqual(site!.minimumTopUp.atHigh);
      }),
    );
  });
});
