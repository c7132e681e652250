import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../../tests/helpers/data-files';
import type { Configuration } from '../configuration/configuration';
import { estimate, type Estimate } from '../estimate/estimate';
import { configurationArb } from '../fixtures/arbitraries';
import { addRanges } from '../money';
import { applyDiscounts, type Discount } from './discounts';
import { diffRevisions } from './diff';
import { describeDiff } from './describe';
import { discountableLines, revisionContent, revisionDiscounts } from './revision';
import { adjustEstimate, noStaffChanges, withCustomLines, type CustomLine, type StaffChanges } from './staff-changes';

/**
 * Custom lines and discounts over the shipped catalog: whatever staff add or take off, every figure
 * the customer reads still adds up (lines to the subtotal, subtotal and tax to the total, sites to
 * the quote), exactly the discounts given come off, and the revision compares on what was given.
 */

const data = loadData();
const { settings } = data;
const today = '2026-03-02';

const discountArb: fc.Arbitrary<Discount> = fc.oneof(
  fc.integer({ min: 0, max: 10_000 }).map((hundredths) => ({ kind: 'percent' as const, percent: hundredths / 100 })),
  fc.integer({ min: 0, max: 50_000 }).map((cents) => ({ kind: 'amount' as const, cents })),
);

/** A configuration with custom lines on its sites and discounts on some of its lines and maybe the quote. */
const draftArb = configurationArb(data.catalog).chain((configuration) => {
  const siteIds = configuration.sites.map((site) => site.id);
  const customArb = fc.array(fc.record({ siteId: fc.constantFrom(...siteIds), cents: fc.integer({ min: 1, max: 500_000 }) }), { maxLength: 3 });
  return fc.record({ custom: customArb, picks: fc.array(fc.tuple(fc.nat(), discountArb), { maxLength: 6 }), quote: fc.option(discountArb, { nil: null }) }).map(({ custom, picks, quote }) => {
    const customLines: CustomLine[] = custom.map((line, n) => ({ key: `custom-${n}`, siteId: line.siteId, description: `Custom work ${n}`, reason: 'Outside the catalog', cents: line.cents }));
    const base = estimate(configuration, data, { today });
    const lines = discountableLines(revisionContent({ estimate: withCustomLines(base, customLines) }));
    const chosen = new Map<string, { siteId: string; lineKey: string; discount: Discount }>();
    for (const [index, discount] of picks) {
      const line = lines[index % Math.max(lines.length, 1)];
      if (!line) continue;
      // Amounts are capped at the line's list price, as evaluateDiscounts requires before any adjustment.
      const capped = discount.kind === 'amount' ? { kind: 'amount' as const, cents: Math.min(discount.cents, line.listCents) } : discount;
      chosen.set(`${line.siteId}|${line.key}`, { siteId: line.siteId, lineKey: line.key, discount: capped });
    }
    const lineDiscounts = [...chosen.values()];
    const subtotal = applyDiscounts(lines, { lines: lineDiscounts, quote: null }).netCents;
    const quoteDiscount = quote?.kind === 'amount' ? { kind: 'amount' as const, cents: Math.min(quote.cents, subtotal) } : quote;
    const changes: StaffChanges = { customLines, discounts: { lines: lineDiscounts, quote: quoteDiscount } };
    return { configuration, base, changes };
  });
});

const same = (a: { low: number; high: number }, b: { low: number; high: number }) => expect(a).toEqual(b);

function expectReconciles(result: Estimate) {
  for (const site of result.sites) {
    const lines = addRanges(...site.lines.map((line) => line.amount));
    same(site.subtotal, { low: lines.low + site.minimumTopUp.atLow, high: lines.high + site.minimumTopUp.atHigh });
    same(site.oneTime, addRanges(site.subtotal, site.tax));
    if (site.plan) same(site.plan.totalOverTerm, { low: site.oneTime.low + site.plan.monthlyCents * site.plan.monthsCounted, high: site.oneTime.high + site.plan.monthlyCents * site.plan.monthsCounted });
  }
  same(result.oneTime, addRanges(...result.sites.map((site) => site.oneTime)));
  same(result.subtotal, addRanges(...result.sites.map((site) => site.subtotal)));
}

describe('adjustEstimate', () => {
  it('changes nothing when staff changed nothing', () => {
    fc.assert(
      fc.property(configurationArb(data.catalog), (configuration: Configuration) => {
        const base = estimate(configuration, data, { today });
        const adjusted = adjustEstimate(base, noStaffChanges, settings);
        same(adjusted.oneTime, base.oneTime);
        same(adjusted.tax, base.tax);
        same(adjusted.totalOverTerm, base.totalOverTerm);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every figure reconciled, takes off exactly the discounts given, and compares on the discounts given', () => {
    fc.assert(
      fc.property(draftArb, ({ base, changes }) => {
        const adjusted = adjustEstimate(base, changes, settings);
        expectReconciles(adjusted);
        const expected = applyDiscounts(discountableLines(revisionContent({ estimate: withCustomLines(base, changes.customLines) })), changes.discounts);
        const taken = adjusted.sites.flatMap((site) => site.lines).reduce((sum, line) => sum + (line.discount ? line.discount.lineCents + line.discount.quoteShareCents : 0), 0);
        expect(taken).toBe(expected.lineDiscountsCents + expected.quoteDiscountCents);
        expect(adjusted.sites.flatMap((site) => site.lines).filter((line) => line.customKey)).toHaveLength(changes.customLines.length);
        const content = revisionContent({ estimate: adjusted, staff: changes });
        const given = (d: StaffChanges['discounts']) => d.lines.map((l) => `${l.siteId}|${l.lineKey}|${JSON.stringify(l.discount)}`).sort();
        expect(given(revisionDiscounts(content))).toEqual(given(changes.discounts));
        expect(content.quoteDiscount).toEqual(changes.discounts.quote);
        // The lines compared keep their list price: discounts are compared as given, not as cents off.
        expect(discountableLines(content).reduce((sum, l) => sum + l.listCents, 0)).toBe(expected.listCents);
      }),
      { numRuns: 80 },
    );
  });

  it('words the custom lines and discounts of a staff revision for the customer', () => {
    const configuration: Configuration = { audience: 'home', sites: [{ id: 'home', name: 'Home', conditions: { storeys: 1, floorAreaM2: 100, ceilingHeightM: 2.5, wiringAccess: 'open' }, lines: [{ productId: data.catalog.byRole('camera-outdoor')[0]!.id, quantity: 2, reused: 0 }] }], phases: [] };
    const base = estimate(configuration, data, { today });
    const camera = base.sites[0]!.lines[0]!;
    const changes: StaffChanges = {
      customLines: [{ key: 'custom-trench', siteId: 'home', description: 'Trench to the gate', reason: 'The cable crosses the lawn.', cents: 18_000 }],
      discounts: { lines: [{ siteId: 'home', lineKey: camera.productId!, discount: { kind: 'percent', percent: 10 } }], quote: { kind: 'amount', cents: 5_000 } },
    };
    const before = revisionContent({ estimate: base });
    const after = revisionContent({ estimate: adjustEstimate(base, changes, settings), staff: changes });
    const sentences = describeDiff(diffRevisions(before, after), settings);
    expect(sentences).toEqual(
      expect.arrayContaining(['Added 1 × Trench to the gate', `Added a discount of 10% on ${camera.label}`, 'Added a discount of $50.00 on the whole quote']),
    );
    expect(sentences.some((s) => s.startsWith('Total changed by'))).toBe(true);
  });
});
