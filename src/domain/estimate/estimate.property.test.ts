import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import type { Configuration } from '../configuration/configuration';
import { fixtureData } from '../fixtures';
import { configurationArb, lineArb, lineProducts, siteArb } from '../fixtures/arbitraries';
import type { Range } from '../money';
import { capitalized, crewText } from '../wording';
import { estimate, type Estimate, type EstimateData } from './estimate';

const today = '2026-11-23';
const price = (config: Configuration, data: EstimateData) => estimate(config, data, { today });

function ranges(result: Estimate): Range[] {
  return [
    result.subtotal,
    result.tax,
    result.oneTime,
    result.totalOverTerm,
    ...result.sites.flatMap((s) => [s.subtotal, s.tax, s.oneTime, ...s.lines.map((l) => l.amount), ...(s.plan ? [s.plan.totalOverTerm] : [])]),
  ];
}

const notBelow = (after: Range, before: Range) => after.low >= before.low && after.high >= before.high;
const notAbove = (after: Range, before: Range) => after.low <= before.low && after.high <= before.high;

/** Tax rates with up to three decimals, applied to generated configurations. */
const taxRatesArb = fc.record({ equipment: fc.integer({ min: 0, max: 15_000 }), labor: fc.integer({ min: 0, max: 15_000 }) });

/** Half-up rounding of base × thousandths-of-a-percent, in BigInt, independent of money.ts. */
function exactTax(base: number, thousandthsOfPercent: number): number {
  const scaled = BigInt(base) * BigInt(thousandthsOfPercent);
  return Number((2n * scaled + 100_000n) / 200_000n);
}

describe.each([
  ['the test fixtures', fixtureData],
  ['the shipped catalog and settings', loadData()],
])('estimate invariants over %s', (_, data) => {
  const configs = configurationArb(data.catalog);

  it('never gives a negative, fractional or upside-down amount', () => {
    fc.assert(
      fc.property(configs, (config) => {
        for (const range of ranges(price(config, data))) {
          expect(Number.isInteger(range.low) && Number.isInteger(range.high)).toBe(true);
          expect(range.low).toBeGreaterThanOrEqual(0);
          expect(range.low).toBeLessThanOrEqual(range.high);
        }
      }),
    );
  });

  it('adds up: lines and top-up make the subtotal, plus tax the total, sites the roll-up', () => {
    fc.assert(
      fc.property(configs, (config) => {
        const result = price(config, data);
        for (const site of result.sites) {
          const lines = site.lines.reduce((s, l) => ({ low: s.low + l.amount.low, high: s.high + l.amount.high }), { low: 0, high: 0 });
          expect(site.subtotal).toEqual({ low: lines.low + site.minimumTopUp.atLow, high: lines.high + site.minimumTopUp.atHigh });
          expect(site.oneTime).toEqual({ low: site.subtotal.low + site.tax.low, high: site.subtotal.high + site.tax.high });
        }
        expect(result.oneTime.low).toBe(result.sites.reduce((s, x) => s + x.oneTime.low, 0));
        expect(result.oneTime.high).toBe(result.sites.reduce((s, x) => s + x.oneTime.high, 0));
      }),
    );
  });

  it('computes tax exactly to the cent for any rate with up to three decimals', () => {
    fc.assert(
      fc.property(configs, taxRatesArb, (config, rates) => {
        const settings = { ...data.settings, tax: { equipmentPercent: rates.equipment / 1000, laborPercent: rates.labor / 1000 } };
        const result = price(config, { ...data, settings });
        for (const site of result.sites) {
          for (const end of ['low', 'high'] as const) {
            const base = (taxClass: string) => site.lines.filter((l) => l.taxClass === taxClass).reduce((s, l) => s + l.amount[end], 0);
            const topUp = end === 'low' ? site.minimumTopUp.atLow : site.minimumTopUp.atHigh;
            expect(site.tax[end]).toBe(exactTax(base('equipment'), rates.equipment) + exactTax(base('labor') + topUp, rates.labor));
          }
        }
      }),
    );
  });

  it('never lowers either bound when an item is added', () => {
    const products = lineProducts(data.catalog);
    fc.assert(
      fc.property(configs, lineArb(products), fc.nat(), (config, extra, pick) => {
        const index = pick % config.sites.length;
        const bigger = structuredClone(config);
        bigger.sites[index]!.lines.push(extra);
        const before = price(config, data);
        const after = price(bigger, data);
        expect(notBelow(after.oneTime, before.oneTime)).toBe(true);
        expect(notBelow(after.totalOverTerm, before.totalOverTerm)).toBe(true);
      }),
    );
  });

  it.each(lineProducts(data.catalog).map((p) => [p.id, p] as const))('charges %s: one more on a site above the minimum raises both ends by at least its price', (_, product) => {
    fc.assert(
      fc.property(siteArb(data.catalog), fc.constantFrom('home' as const, 'business' as const), (site, audience) => {
        const config: Configuration = { audience, sites: [site], phases: [] };
        const before = price(config, data).sites[0]!;
        fc.pre(before.minimumTopUp.atLow === 0 && before.minimumTopUp.atHigh === 0);
        const bigger: Configuration = { ...config, sites: [{ ...site, lines: [...site.lines, { productId: product.id, quantity: 1, reused: 0 }] }] };
        const after = price(bigger, data).sites[0]!;
        expect(after.oneTime.low - before.oneTime.low).toBeGreaterThanOrEqual(product.priceCents);
        expect(after.oneTime.high - before.oneTime.high).toBeGreaterThanOrEqual(product.priceCents);
      }),
      { numRuns: 40 },
    );
  });

  it('bills travel for the crew plan it shows: technicians × days at both ends', () => {
    fc.assert(
      fc.property(configs, (config) => {
        for (const site of price(config, data).sites) {
          const travel = site.lines.find((l) => l.kind === 'travel');
          if (!travel) continue;
          const { technicians, days } = site.duration;
          const booked = { low: technicians.low * days.low, high: technicians.high * days.high };
          expect(travel.amount.low).toBe(booked.low * travel.unitCents!);
          if (!site.travelZone.assumed) expect(travel.amount.high).toBe(booked.high * travel.unitCents!);
          expect(travel.reason).toContain(capitalized(crewText(site.duration)));
          expect(travel.reason).toContain(booked.low === booked.high ? `${booked.high} technician-day` : `${booked.low} to ${booked.high} technician-days`);
        }
      }),
    );
  });

  it('never lowers either bound when a quantity goes up', () => {
    fc.assert(
      fc.property(configs, fc.nat(), (config, pick) => {
        const lines = config.sites.flatMap((s) => s.lines);
        fc.pre(lines.length > 0);
        const bigger = structuredClone(config);
        bigger.sites.flatMap((s) => s.lines)[pick % lines.length]!.quantity += 1;
        expect(notBelow(price(bigger, data).oneTime, price(config, data).oneTime)).toBe(true);
      }),
    );
  });

  it('never raises the price when the customer reuses equipment they own', () => {
    fc.assert(
      fc.property(configs, fc.nat(), (config, pick) => {
        const candidates = config.sites
          .flatMap((s) => s.lines)
          .filter((l) => l.reused < l.quantity && data.catalog.get(l.productId)?.type !== 'service');
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length]!;
        const reusing = structuredClone(config);
        const line = reusing.sites.flatMap((s) => s.lines).find((l) => l.productId === target.productId && l.reused === target.reused && l.quantity === target.quantity)!;
        line.reused += 1;
        expect(notAbove(price(reusing, data).oneTime, price(config, data).oneTime)).toBe(true);
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(configs, (config) => {
        expect(price(structuredClone(config), data)).toEqual(price(config, data));
      }),
    );
  });
});
