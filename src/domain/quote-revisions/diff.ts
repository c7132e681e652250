import type { Range } from '../money';
import type { Discount } from './discounts';
import type { RevisionContent, RevisionLine, RevisionSite, RevisionTotals } from './revision';

/**
 * What changed from one revision of a quote to the next, keyed by site id and each line's stable
 * key: lines added and removed, and per line kept the fields that changed. It holds enough to
 * rebuild the later revision from the earlier one (`applyDiff`), order included, and the words the
 * customer reads come from it (`describeDiff` in describe.ts).
 */

export interface Change<T> {
  from: T;
  to: T;
}

/** The fields of a kept line (same key, kind and product) that changed; absent fields did not. */
export interface LineChange {
  key: string;
  /** The line's description in the later revision. */
  description: string;
  changes: {
    description?: Change<string>;
    quantity?: Change<number>;
    unitCents?: Change<number>;
    discount?: Change<Discount | null>;
  };
}

export interface SiteDiff {
  siteId: string;
  /** The site's name in the later revision. */
  name: string;
  renamed?: Change<string>;
  added: RevisionLine[];
  removed: RevisionLine[];
  changed: LineChange[];
  /** The later revision's line keys, when applying the changes would not already list them in that order. */
  order?: string[];
}

/** Later minus earlier, for each total. */
export interface TotalsDifference {
  subtotal: Range;
  tax: Range;
  oneTime: Range;
  monthlyCents: number;
}

export interface RevisionDiff {
  sitesAdded: RevisionSite[];
  sitesRemoved: RevisionSite[];
  /** Sites in both revisions with something changed. */
  sites: SiteDiff[];
  /** The later revision's site ids, when applying the changes would not already list them in that order. */
  siteOrder?: string[];
  quoteDiscount?: Change<Discount | null>;
  totals: TotalsDifference;
}

const sameDiscount = (a: Discount | null, b: Discount | null) => JSON.stringify(a) === JSON.stringify(b);
const sameOrder = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
/** Two lines with one key are the same line only if they are still the same product (or both custom). */
const sameLine = (a: RevisionLine, b: RevisionLine) => a.kind === b.kind && a.productId === b.productId;

function change<T>(from: T, to: T, same: (a: T, b: T) => boolean = Object.is): Change<T> | undefined {
  return same(from, to) ? undefined : { from, to };
}

const difference = (a: Range, b: Range): Range => ({ low: b.low - a.low, high: b.high - a.high });
const shifted = (a: Range, d: Range): Range => ({ low: a.low + d.low, high: a.high + d.high });

/** Where a list ends up after removing and appending: kept items in the earlier order, then the added ones. */
function naturalOrder<T>(before: T[], removed: Set<string>, added: T[], keyOf: (item: T) => string): string[] {
  return [...before.map(keyOf).filter((k) => !removed.has(k)), ...added.map(keyOf)];
}

function diffSite(a: RevisionSite, b: RevisionSite): SiteDiff | null {
  const before = new Map(a.lines.map((line) => [line.key, line]));
  const after = new Map(b.lines.map((line) => [line.key, line]));
  const kept = (line: RevisionLine, other: Map<string, RevisionLine>) => {
    const match = other.get(line.key);
    return match !== undefined && sameLine(line, match);
  };
  const added = b.lines.filter((line) => !kept(line, before));
  const removed = a.lines.filter((line) => !kept(line, after));
  const changed = b.lines.flatMap((to): LineChange[] => {
    const from = before.get(to.key);
    if (!from || !sameLine(from, to)) return [];
    const changes = Object.fromEntries(
      Object.entries({
        description: change(from.description, to.description),
        quantity: change(from.quantity, to.quantity),
        unitCents: change(from.unitCents, to.unitCents),
        discount: change(from.discount, to.discount, sameDiscount),
      }).filter(([, c]) => c !== undefined),
    ) as LineChange['changes'];
    return Object.keys(changes).length > 0 ? [{ key: to.key, description: to.description, changes }] : [];
  });
  const order = b.lines.map((line) => line.key);
  const natural = naturalOrder(a.lines, new Set(removed.map((line) => line.key)), added, (line) => line.key);
  const renamed = change(a.name, b.name);
  if (!renamed && added.length === 0 && removed.length === 0 && changed.length === 0 && sameOrder(natural, order)) return null;
  return { siteId: b.siteId, name: b.name, ...(renamed ? { renamed } : {}), added, removed, changed, ...(sameOrder(natural, order) ? {} : { order }) };
}

function totalsDifference(a: RevisionTotals, b: RevisionTotals): TotalsDifference {
  return {
    subtotal: difference(a.subtotal, b.subtotal),
    tax: difference(a.tax, b.tax),
    oneTime: difference(a.oneTime, b.oneTime),
    monthlyCents: b.monthlyCents - a.monthlyCents,
  };
}

/** What changed from revision `a` to revision `b`. */
export function diffRevisions(a: RevisionContent, b: RevisionContent): RevisionDiff {
  const before = new Map(a.sites.map((site) => [site.siteId, site]));
  const afterIds = new Set(b.sites.map((site) => site.siteId));
  const sitesAdded = b.sites.filter((site) => !before.has(site.siteId));
  const sitesRemoved = a.sites.filter((site) => !afterIds.has(site.siteId));
  const sites = b.sites.flatMap((site) => {
    const earlier = before.get(site.siteId);
    const diff = earlier && diffSite(earlier, site);
    return diff ? [diff] : [];
  });
  const siteOrder = b.sites.map((site) => site.siteId);
  const natural = naturalOrder(a.sites, new Set(sitesRemoved.map((site) => site.siteId)), sitesAdded, (site) => site.siteId);
  const quoteDiscount = change(a.quoteDiscount, b.quoteDiscount, sameDiscount);
  return {
    sitesAdded,
    sitesRemoved,
    sites,
    ...(sameOrder(natural, siteOrder) ? {} : { siteOrder }),
    ...(quoteDiscount ? { quoteDiscount } : {}),
    totals: totalsDifference(a.totals, b.totals),
  };
}

/** True when nothing changed, totals included. */
export function isEmptyDiff(diff: RevisionDiff): boolean {
  const { subtotal, tax, oneTime, monthlyCents } = diff.totals;
  const zero = (r: Range) => r.low === 0 && r.high === 0;
  return (
    diff.sitesAdded.length === 0 &&
    diff.sitesRemoved.length === 0 &&
    diff.sites.length === 0 &&
    !diff.siteOrder &&
    !diff.quoteDiscount &&
    zero(subtotal) &&
    zero(tax) &&
    zero(oneTime) &&
    monthlyCents === 0
  );
}

function ordered<T>(items: T[], order: string[] | undefined, keyOf: (item: T) => string): T[] {
  if (!order) return items;
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  return order.flatMap((k) => byKey.get(k) ?? []);
}

function applySite(site: RevisionSite, diff: SiteDiff): RevisionSite {
  const removed = new Set(diff.removed.map((line) => line.key));
  const changes = new Map(diff.changed.map((c) => [c.key, c.changes]));
  const lines = [
    ...site.lines
      .filter((line) => !removed.has(line.key))
      .map((line) => {
        const c = changes.get(line.key);
        if (!c) return line;
        return {
          ...line,
          ...(c.description ? { description: c.description.to } : {}),
          ...(c.quantity ? { quantity: c.quantity.to } : {}),
          ...(c.unitCents ? { unitCents: c.unitCents.to } : {}),
          ...(c.discount ? { discount: c.discount.to } : {}),
        };
      }),
    ...diff.added,
  ];
  return { siteId: site.siteId, name: diff.renamed?.to ?? site.name, lines: ordered(lines, diff.order, (line) => line.key) };
}

/** Revision `a` with `diff` applied: `applyDiff(a, diffRevisions(a, b))` is `b`. */
export function applyDiff(a: RevisionContent, diff: RevisionDiff): RevisionContent {
  const removed = new Set(diff.sitesRemoved.map((site) => site.siteId));
  const siteDiffs = new Map(diff.sites.map((d) => [d.siteId, d]));
  const sites = [
    ...a.sites.filter((site) => !removed.has(site.siteId)).map((site) => {
      const d = siteDiffs.get(site.siteId);
      return d ? applySite(site, d) : site;
    }),
    ...diff.sitesAdded,
  ];
  const { totals } = a;
  return {
    sites: ordered(sites, diff.siteOrder, (site) => site.siteId),
    quoteDiscount: diff.quoteDiscount ? diff.quoteDiscount.to : a.quoteDiscount,
    totals: {
      subtotal: shifted(totals.subtotal, diff.totals.subtotal),
      tax: shifted(totals.tax, diff.totals.tax),
      oneTime: shifted(totals.oneTime, diff.totals.oneTime),
      monthlyCents: totals.monthlyCents + diff.totals.monthlyCents,
    },
  };
}
