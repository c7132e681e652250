import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '../fixtures';
import { estimate } from '../estimate/estimate';
import { validate } from '../issues';
import { describeDiff } from './describe';
import { applyDiff, diffRevisions, isEmptyDiff } from './diff';
import type { Discount } from './discounts';
import { discountableLines, revisionContent, revisionContentSchema, revisionDiscounts, type RevisionContent, type RevisionLine } from './revision';

const usd = { currency: 'USD', locale: 'en-US' };

const discountArb: fc.Arbitrary<Discount | null> = fc.option(
  fc.oneof(
    fc.integer({ min: 0, max: 10_000 }).map((h): Discount => ({ kind: 'percent', percent: h / 100 })),
    fc.integer({ min: 0, max: 50_000 }).map((cents): Discount => ({ kind: 'amount', cents })),
  ),
  { nil: null },
);

/** Keys from a small pool so that two revisions share lines; `swap-1` is a product in one and a custom line in the other. */
const lineArb: fc.Arbitrary<RevisionLine> = fc
  .record({
    key: fc.constantFrom('cam', 'cam~2', 'nvr', 'contact', 'handover', 'custom-1', 'swap-1'),
    custom: fc.boolean(),
    description: fc.constantFrom('Outdoor turret camera', 'Door contact', 'Cable tidy-up'),
    quantity: fc.integer({ min: 0, max: 12 }),
    unitCents: fc.integer({ min: 0, max: 100_000 }),
    discount: discountArb,
  })
  .map(({ key, custom, ...rest }): RevisionLine => {
    if (key.startsWith('custom-') || (key === 'swap-1' && custom)) return { key, kind: 'custom', ...rest };
    return { key, kind: key === 'handover' ? 'service' : 'equipment', productId: key.split('~')[0]!, ...rest };
  });

const rangeArb = fc.tuple(fc.nat(1_000_000), fc.nat(100_000)).map(([low, extra]) => ({ low, high: low + extra }));

const contentArb: fc.Arbitrary<RevisionContent> = fc.record({
  sites: fc.uniqueArray(
    fc.record({ siteId: fc.constantFrom('main', 'annex', 'depot'), name: fc.constantFrom('Main office', 'Annex', 'Depot'), lines: fc.uniqueArray(lineArb, { selector: (l) => l.key, maxLength: 6 }) }),
    { selector: (s) => s.siteId, maxLength: 3 },
  ),
  quoteDiscount: discountArb,
  totals: fc.record({ subtotal: rangeArb, tax: rangeArb, oneTime: rangeArb, monthlyCents: fc.nat(50_000) }),
});

describe('revision content', () => {
  it('projects a frozen estimate: equipment and service lines keyed by product, units charged, totals as priced', () => {
    const config = fixtureConfig([
      fixtureSite([
        { productId: 'cam', quantity: 3, reused: 1 },
        { productId: 'nvr', quantity: 1 },
        { productId: 'cam', quantity: 2 },
        { productId: 'handover', quantity: 1 },
      ]),
    ]);
    const priced = estimate(config, fixtureData, { today: '2026-12-01' });
    const content = revisionContent({ estimate: priced });
    expect(content.sites[0]!.lines.map(({ key, kind, quantity, unitCents }) => ({ key, kind, quantity, unitCents }))).toEqual([
      { key: 'cam', kind: 'equipment', quantity: 2, unitCents: 20_000 },
      { key: 'nvr', kind: 'equipment', quantity: 1, unitCents: 30_000 },
      { key: 'cam~2', kind: 'equipment', quantity: 2, unitCents: 20_000 },
      { key: 'handover', kind: 'service', quantity: 1, unitCents: 12_000 },
    ]);
    expect(content.totals).toEqual({ subtotal: priced.subtotal, tax: priced.tax, oneTime: priced.oneTime, monthlyCents: priced.monthlyCents });
    expect(validate(revisionContentSchema, content).ok).toBe(true);
    expect(discountableLines(content).map((l) => [l.key, l.listCents, l.equipment])).toEqual([
      ['cam', 40_000, true],
      ['nvr', 30_000, true],
      ['cam~2', 40_000, true],
      ['handover', 12_000, false],
    ]);
  });

  it('refuses two lines with one key on a site', () => {
    const line: RevisionLine = { key: 'cam', kind: 'equipment', productId: 'cam', description: 'Camera', quantity: 1, unitCents: 100, discount: null };
    const content = { sites: [{ siteId: 'main', name: 'Main', lines: [line, line] }], quoteDiscount: null, totals: { subtotal: { low: 0, high: 0 }, tax: { low: 0, high: 0 }, oneTime: { low: 0, high: 0 }, monthlyCents: 0 } };
    expect(validate(revisionContentSchema, content)).toEqual({ ok: false, issues: [{ path: ['sites', 0, 'lines'], message: 'two lines have the same key' }] });
  });

  it('lists the discounts a revision holds', () => {
    fc.assert(
      fc.property(contentArb, (content) => {
        const discounts = revisionDiscounts(content);
        expect(discounts.quote).toEqual(content.quoteDiscount);
        expect(discounts.lines.length).toBe(content.sites.flatMap((s) => s.lines).filter((l) => l.discount).length);
      }),
    );
  });
});

describe('revision diff', () => {
  it('generates valid content', () => {
    fc.assert(
      fc.property(contentArb, (content) => {
        expect(validate(revisionContentSchema, content).ok).toBe(true);
      }),
    );
  });

  it('finds nothing between a revision and itself', () => {
    fc.assert(
      fc.property(contentArb, (a) => {
        expect(isEmptyDiff(diffRevisions(a, structuredClone(a)))).toBe(true);
      }),
    );
  });

  it('rebuilds the later revision from the earlier one and the diff', () => {
    fc.assert(
      fc.property(contentArb, contentArb, (a, b) => {
        const diff = diffRevisions(a, b);
        expect(applyDiff(a, diff)).toEqual(b);
        expect(isEmptyDiff(diff)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
    );
  });

  it('keys lines by site and line key: reordering lines changes only the order', () => {
    fc.assert(
      fc.property(contentArb, contentArb, fc.infiniteStream(fc.nat()), (a, b, stream) => {
        const shuffled = { ...b, sites: b.sites.map((site) => ({ ...site, lines: [...site.lines].sort(() => (stream.next().value % 3) - 1) })) };
        const keyed = (content: RevisionContent) => {
          const { sitesAdded, sitesRemoved, sites } = diffRevisions(a, content);
          const set = <T>(items: T[], f: (t: T) => string) => items.map(f).sort();
          return {
            sitesAdded: set(sitesAdded, (s) => s.siteId),
            sitesRemoved: set(sitesRemoved, (s) => s.siteId),
            lines: set(
              sites.flatMap((s) => [...s.added.map((l) => `${s.siteId} + ${l.key}`), ...s.removed.map((l) => `${s.siteId} - ${l.key}`), ...s.changed.map((c) => `${s.siteId} ~ ${c.key} ${JSON.stringify(c.changes)}`)]),
              (x) => x,
            ),
          };
        };
        expect(keyed(shuffled)).toEqual(keyed(b));
      }),
    );
  });
});

describe('describeDiff', () => {
  const line = (key: string, description: string, quantity: number, unitCents: number, discount: Discount | null = null): RevisionLine => ({ key, kind: 'equipment', productId: key, description, quantity, unitCents, discount });
  const totals = (oneTime: number, monthlyCents = 3000) => ({ subtotal: { low: oneTime, high: oneTime }, tax: { low: 0, high: 0 }, oneTime: { low: oneTime, high: oneTime }, monthlyCents });
  const a: RevisionContent = {
    sites: [{ siteId: 'main', name: 'Main office', lines: [line('turret', 'Outdoor turret camera', 3, 20_000), line('contact', 'Door contact', 4, 4_000), line('nvr', 'Recorder', 1, 30_000)] }],
    quoteDiscount: null,
    totals: totals(100_000),
  };
  const b: RevisionContent = {
    sites: [
      { siteId: 'main', name: 'Main office', lines: [line('turret', 'Outdoor turret camera', 4, 18_000, { kind: 'percent', percent: 10 }), line('nvr', 'Recorder', 1, 30_000), line('dome', 'Indoor dome camera', 2, 15_000)] },
      { siteId: 'annex', name: 'Annex', lines: [line('contact', 'Door contact', 2, 4_000)] },
    ],
    quoteDiscount: { kind: 'amount', cents: 5_000 },
    totals: totals(88_000, 4000),
  };

  it('says each change in the customer’s words, with the totals’ difference', () => {
    expect(describeDiff(diffRevisions(a, b), usd)).toEqual([
      'Added the site "Annex" with 1 line',
      'Added 2 × Indoor dome camera',
      'Removed 4 × Door contact',
      'Quantity of Outdoor turret camera changed from 3 to 4',
      'Price of Outdoor turret camera changed from $200.00 to $180.00 each',
      'Added a discount of 10% on Outdoor turret camera',
      'Added a discount of $50.00 on the whole quote',
      'Total changed by −$120.00',
      'Monthly fees changed by +$10.00',
    ]);
  });

  it('names the site on a quote of several sites, and both ends of a range that moved differently', () => {
    const later = { ...b, totals: { ...b.totals, oneTime: { low: 90_000, high: 95_000 } } };
    const words = describeDiff(diffRevisions(b, { ...later, sites: [{ ...later.sites[0]!, lines: later.sites[0]!.lines.map((l) => ({ ...l, discount: null })) }, later.sites[1]!] }), { ...usd, siteNames: true });
    expect(words).toEqual(['Main office: Removed the discount of 10% on Outdoor turret camera', 'Total changed by +$20.00 to +$70.00']);
  });

  it('says nothing for no change', () => {
    expect(describeDiff(diffRevisions(a, a), usd)).toEqual([]);
  });
});
