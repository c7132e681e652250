import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import type { Product } from '../catalog/product';
import { canBeLine } from '../configuration/configuration';
import { fixtureData } from '../fixtures';
import { applyDiscounts, evaluateDiscounts, marginFloorCents, type Discount, type DiscountableLine } from './discounts';

const settings = fixtureData.settings; // limits: sales 10, manager 20, admin 40; floor 75% of list
const shipped = loadData();

const line = (key: string, listCents: number, equipment = true): DiscountableLine => ({ siteId: 'main', key, description: `Line ${key}`, listCents, equipment });
const percent = (p: number): Discount => ({ kind: 'percent', percent: p });
const amount = (cents: number): Discount => ({ kind: 'amount', cents });
const on = (key: string, discount: Discount) => ({ siteId: 'main', lineKey: key, discount });

describe('applyDiscounts', () => {
  it('rounds a percent down to the cent and shares a quote discount out in proportion, adding up exactly', () => {
    const lines = [line('a', 999), line('b', 1000), line('c', 1000)];
    const result = applyDiscounts(lines, { lines: [on('a', percent(10))], quote: amount(100) });
    expect(result.lines.map((l) => l.lineDiscountCents)).toEqual([99, 0, 0]); // 99.9 rounds down
    expect(result.lines.map((l) => l.quoteShareCents)).toEqual([31, 35, 34]); // 100 over 900 : 1000 : 1000 is 31.03, 34.48, 34.48; the tie goes to the earlier line
    expect(result).toMatchObject({ listCents: 2999, lineDiscountsCents: 99, quoteDiscountCents: 100, netCents: 2800 });
  });

  it('takes a quote percent of the total after line discounts', () => {
    const result = applyDiscounts([line('a', 10_000), line('b', 10_000)], { lines: [on('a', amount(2_000))], quote: percent(10) });
    expect(result.quoteDiscountCents).toBe(1_800);
    expect(result.netCents).toBe(16_200);
  });
});

describe('evaluateDiscounts', () => {
  const lines = [line('cam', 40_000), line('setup', 20_000, false)];

  it('is within the limit up to the role’s percent, counting a line’s share of the quote discount', () => {
    expect(evaluateDiscounts(lines, { lines: [on('cam', percent(10))] }, 'sales', settings).status).toBe('within_limit');
    const stacked = evaluateDiscounts(lines, { lines: [on('cam', percent(5))], quote: percent(6) }, 'sales', settings);
    expect(stacked).toMatchObject({ status: 'needs_approval', over: { role: 'sales', maxPercent: 10, lines: [{ key: 'cam', percent: 10.7, overPercent: true, belowFloor: false }] } });
    expect(evaluateDiscounts(lines, { lines: [on('cam', percent(5))], quote: percent(6) }, 'manager', settings).status).toBe('within_limit');
  });

  it('asks for approval below the margin floor even within the role’s percent', () => {
    const result = evaluateDiscounts(lines, { lines: [on('cam', percent(30)), on('setup', percent(30))] }, 'admin', settings);
    expect(result).toMatchObject({ status: 'needs_approval', over: { lines: [{ key: 'cam', overPercent: false, belowFloor: true, floorCents: 30_000, netCents: 28_000 }] } });
  });

  it('names the field of each discount that cannot be applied', () => {
    const issues = (input: unknown) => {
      const result = evaluateDiscounts(lines, input, 'admin', settings);
      return result.status === 'invalid' ? result.issues : [];
    };
    expect(issues({ lines: [on('cam', percent(-1))] })).toEqual([{ path: ['lines', 0, 'discount', 'percent'], message: 'cannot be negative' }]);
    expect(issues({ lines: [on('cam', percent(101))] })).toEqual([{ path: ['lines', 0, 'discount', 'percent'], message: 'at most 100%' }]);
    expect(issues({ lines: [on('cam', percent(10.125))] })).toEqual([{ path: ['lines', 0, 'discount', 'percent'], message: 'at most two decimals' }]);
    expect(issues({ lines: [on('cam', amount(-5))] })).toEqual([{ path: ['lines', 0, 'discount', 'cents'], message: 'cannot be negative' }]);
    expect(issues({ lines: [on('cam', amount(40_001))] })).toEqual([{ path: ['lines', 0, 'discount', 'cents'], message: "more than the line's $400.00" }]);
    expect(issues({ lines: [on('dome', amount(1))] })).toEqual([{ path: ['lines', 0, 'lineKey'], message: 'no line "dome" on this site' }]);
    expect(issues({ lines: [{ ...on('cam', amount(1)), siteId: 'annex' }] })).toEqual([{ path: ['lines', 0, 'siteId'], message: 'no site "annex" in this quote' }]);
    expect(issues({ lines: [on('cam', amount(1)), on('cam', amount(2))] })).toEqual([{ path: ['lines', 1], message: 'this line already has a discount' }]);
    expect(issues({ lines: [on('cam', amount(10_000))], quote: amount(50_001) })).toEqual([{ path: ['quote', 'cents'], message: "more than the quote's $500.00 after line discounts" }]);
  });
});

const discountArb = (listCents: number): fc.Arbitrary<Discount> =>
  fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((h) => percent(h / 100)), fc.integer({ min: 0, max: listCents }).map(amount));

/** Lines of catalog products (every kind a line can hold) with discounts that can be applied. */
function quoteArb(products: Product[]) {
  return fc
    .uniqueArray(fc.record({ product: fc.constantFrom(...products), quantity: fc.integer({ min: 1, max: 20 }) }), { selector: (l) => l.product.id, minLength: 1, maxLength: 8 })
    .chain((picked) => {
      const lines = picked.map(({ product, quantity }) => ({ siteId: 'main', key: product.id, description: product.name, listCents: quantity * product.priceCents, equipment: product.type !== 'service' }));
      return fc.record({
        lines: fc.constant(lines),
        discounts: fc.record({
          lines: fc.subarray(lines).chain((chosen) => fc.tuple(...chosen.map((l) => discountArb(l.listCents).map((d) => on(l.key, d))))),
          quote: fc.option(fc.oneof(fc.integer({ min: 0, max: 10_000 }).map((h) => percent(h / 100)), fc.integer({ min: 0, max: 1_000 }).map(amount)), { nil: null }),
        }),
      });
    })
    .filter(({ lines, discounts }) => discounts.quote?.kind !== 'amount' || discounts.quote.cents <= applyDiscounts(lines, { ...discounts, quote: null }).netCents);
}

describe('discount properties over the shipped catalog', () => {
  const products = shipped.catalog.products.filter(canBeLine);
  const roles = ['sales', 'manager', 'admin'] as const;

  it('never raises the total, never goes below zero, and within the limit never below the margin floor', () => {
    fc.assert(
      fc.property(quoteArb(products), fc.constantFrom(...roles), ({ lines, discounts }, role) => {
        const result = evaluateDiscounts(lines, discounts, role, shipped.settings);
        expect(result.status).not.toBe('invalid');
        if (result.status === 'invalid') return;
        const { totals } = result;
        expect(totals.netCents).toBeLessThanOrEqual(totals.listCents);
        expect(totals.netCents).toBeGreaterThanOrEqual(0);
        expect(totals.lines.reduce((sum, l) => sum + l.netCents, 0)).toBe(totals.netCents);
        for (const l of totals.lines) expect(l.netCents).toBeGreaterThanOrEqual(0);
        if (result.status === 'within_limit') {
          const { maxPercent } = shipped.settings.discounts.limits[role];
          for (const l of totals.lines) {
            if (l.equipment) expect(l.netCents).toBeGreaterThanOrEqual(marginFloorCents(l.listCents, shipped.settings));
            // The limit holds on the discounts as given; rounding the quote's shares moves a line by under a cent.
            expect((l.listCents - l.netCents) * 100).toBeLessThanOrEqual(maxPercent * l.listCents + 100);
          }
        }
      }),
    );
  });

  it('gives a percent and its equivalent amount the same total within a cent, on a line and on the quote', () => {
    fc.assert(
      fc.property(quoteArb(products), fc.integer({ min: 0, max: 10_000 }), ({ lines }, hundredths) => {
        const [first] = lines;
        const equivalent = (base: number) => amount(Math.round((base * hundredths) / 10_000));
        const byPercent = applyDiscounts(lines, { lines: [on(first!.key, percent(hundredths / 100))], quote: null });
        const byAmount = applyDiscounts(lines, { lines: [on(first!.key, equivalent(first!.listCents))], quote: null });
        expect(Math.abs(byPercent.netCents - byAmount.netCents)).toBeLessThanOrEqual(1);
        const list = applyDiscounts(lines, { lines: [], quote: null }).listCents;
        const quotePercent = applyDiscounts(lines, { lines: [], quote: percent(hundredths / 100) });
        const quoteAmount = applyDiscounts(lines, { lines: [], quote: equivalent(list) });
        expect(Math.abs(quotePercent.netCents - quoteAmount.netCents)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it.each(products.map((p) => [p.id, p] as const))('%s: a line of it takes the role’s full percent and no more', (_, product) => {
    const lines: DiscountableLine[] = [{ siteId: 'main', key: product.id, description: product.name, listCents: 3 * product.priceCents, equipment: product.type !== 'service' }];
    for (const role of roles) {
      const { maxPercent } = shipped.settings.discounts.limits[role];
      const at = evaluateDiscounts(lines, { lines: [on(product.id, percent(maxPercent))] }, role, shipped.settings);
      const floor = marginFloorCents(lines[0]!.listCents, shipped.settings);
      const net = lines[0]!.listCents - Math.floor((lines[0]!.listCents * maxPercent) / 100);
      expect(at.status).toBe(product.type !== 'service' && net < floor ? 'needs_approval' : 'within_limit');
      if (product.priceCents > 0 && maxPercent < 100) {
        expect(evaluateDiscounts(lines, { lines: [on(product.id, percent(maxPercent + 1))] }, role, shipped.settings).status).toBe('needs_approval');
      }
    }
  });
});
