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

/**
 * The comparable content of a frozen quote (the server's QuoteSnapshot fits `{ estimate }`): its
 * equipment and service lines, keyed by product id in the order they are listed, and its totals.
 * Snapshots carry no discounts yet, so every discount is none.
 */
export function revisionContent(snapshot: { estimate: Estimate }): RevisionContent {
  const { estimate } = snapshot;
  return {
    sites: estimate.sites.map((site) => {
      const seen = new Map<string, number>();
      const lines = site.lines.flatMap((line): RevisionLine[] => {
        if ((line.kind !== 'equipment' && line.kind !== 'service') || !line.productId || line.quantity === undefined || line.unitCents === undefined) return [];
        const occurrence = (seen.get(line.productId) ?? 0) + 1;
        seen.set(line.productId, occurrence);
        return [
          {
            key: occurrence === 1 ? line.productId : `${line.productId}~${occurrence}`,
            kind: line.kind,
            productId: line.productId,
            description: line.label,
            quantity: line.quantity - (line.reused ?? 0),
            unitCents: line.unitCents,
            discount: null,
          },
        ];
      });
      return { siteId: site.siteId, name: site.name, lines };
    }),
    quoteDiscount: null,
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
