import * as z from 'zod/mini';
import type { Estimate } from '../estimate/estimate';
import { wholeNumber } from '../schema';
import { discountSchema, type DiscountableLine, type Discounts } from './discounts';

/**
 * What two revisions of a quote are compared on: per site, the lines staff priced (products from the
 * catalog or custom lines) with their quantity, unit price and discount, plus the quote's discount
 * and totals. Labor, cable, travel and permits are worked out from the lines, so they show in the
 * totals rather than as lines of their own.
 */

const key = z.string().check(z.regex(/^[a-z0-9~-]{1,80}$/, 'use lowercase letters, digits, dashes and ~'));
const cents = wholeNumber(0, 10_000_000_000, 'cannot be negative');
const range = z.object({ low: cents, high: cents });

export const revisionLineSchema = z.object({
  /** Stable within its site across revisions: the product id (`cam~2` for its second line), or `custom-…`. */
  key,
  /** Equipment is held to the margin floor; services and custom lines are not. */
  kind: z.enum(['equipment', 'service', 'custom']),
  /** The catalog product; absent on custom lines. */
  productId: z.optional(z.string().check(z.minLength(1))),
  /** As the customer reads it: the product's name or the custom line's description. */
  description: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Units charged (units the customer owns and reuses are not priced, so not compared). */
  quantity: wholeNumber(0, 100_000),
  unitCents: cents,
  discount: z.nullable(discountSchema),
});
export type RevisionLine = z.infer<typeof revisionLineSchema>;

const distinct = (keys: string[]) => new Set(keys).size === keys.length;

export const revisionSiteSchema = z.object({
  siteId: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** Each key at most once. */
  lines: z.array(revisionLineSchema).check(z.refine((lines) => distinct(lines.map((l) => l.key)), 'two lines have the same key')),
});
export type RevisionSite = z.infer<typeof revisionSiteSchema>;

export const revisionTotalsSchema = z.object({
  subtotal: range,
  tax: range,
  oneTime: range,
  monthlyCents: cents,
});
export type RevisionTotals = z.infer<typeof revisionTotalsSchema>;

/** A revision's comparable content. */
export const revisionContentSchema = z.object({
  /** Each site id at most once. */
  sites: z.array(revisionSiteSchema).check(z.refine((sites) => distinct(sites.map((s) => s.siteId)), 'two sites have the same id')),
  /** On the whole quote, after the line discounts. */
  quoteDiscount: z.nullable(discountSchema),
  totals: revisionTotalsSchema,
});
export type RevisionContent = z.infer<typeof revisionContentSchema>;

/** What a snapshot holds of the staff's changes (the server's QuoteSnapshot `staff`), when staff made the revision. */
interface StaffDiscounts {
  discounts: Discounts;
}

/**
 * Each line's key in its site, null for lines not compared (labor, cable, travel, permits): the
 * product id in the order listed (`cam~2` for its second line), or a custom line's own key.
 */
export function revisionLineKeys(lines: Estimate['sites'][number]['lines']): (string | null)[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    if (line.customKey) return line.customKey;
    if ((line.kind !== 'equipment' && line.kind !== 'service') || !line.productId || line.quantity === undefined || line.unitCents === undefined) return null;
    const occurrence = (seen.get(line.productId) ?? 0) + 1;
    seen.set(line.productId, occurrence);
    return occurrence === 1 ? line.productId : `${line.productId}~${occurrence}`;
  });
}

/**
 * The comparable content of a frozen quote (the server's QuoteSnapshot fits `{ estimate, staff }`):
 * its equipment, service and custom lines with the discounts staff gave, and its totals. A snapshot
 * without staff changes has no discount anywhere.
 */
export function revisionContent(snapshot: { estimate: Estimate; staff?: StaffDiscounts | null }): RevisionContent {
  const { estimate } = snapshot;
  const discounts = snapshot.staff?.discounts ?? { lines: [], quote: null };
  return {
    sites: estimate.sites.map((site) => {
      const keys = revisionLineKeys(site.lines);
      const lines = site.lines.flatMap((line, i): RevisionLine[] => {
        const key = keys[i];
        if (!key || line.quantity === undefined || line.unitCents === undefined) return [];
        const discount = discounts.lines.find((d) => d.siteId === site.siteId && d.lineKey === key)?.discount ?? null;
        const common = { key, description: line.label, unitCents: line.unitCents, discount };
        if (line.customKey) return [{ ...common, kind: 'custom', quantity: line.quantity }];
        return [{ ...common, kind: line.kind as 'equipment' | 'service', productId: line.productId, quantity: line.quantity - (line.reused ?? 0) }];
      });
      return { siteId: site.siteId, name: site.name, lines };
    }),
    quoteDiscount: discounts.quote,
    totals: { subtotal: estimate.subtotal, tax: estimate.tax, oneTime: estimate.oneTime, monthlyCents: estimate.monthlyCents },
  };
}

/** A revision's lines as the discount rules read them, at list price (units × unit price). */
export function discountableLines(content: RevisionContent): DiscountableLine[] {
  return content.sites.flatMap((site) =>
    site.lines.map((line) => ({ siteId: site.siteId, key: line.key, description: line.description, listCents: line.quantity * line.unitCents, equipment: line.kind === 'equipment' })),
  );
}

/** The discounts a revision holds, as `applyDiscounts` and `evaluateDiscounts` take them. */
export function revisionDiscounts(content: RevisionContent): Discounts {
  return {
    lines: content.sites.flatMap((site) => site.lines.flatMap((line) => (line.discount ? [{ siteId: site.siteId, lineKey: line.key, discount: line.discount }] : []))),
    quote: content.quoteDiscount,
  };
}
