import * as z from 'zod/mini';
import type { Estimate, EstimateLine, SiteEstimate } from '../estimate/estimate';
import { estimateTotals, siteTotals } from '../estimate/totals';
import type { Cents } from '../money';
import { trimmedText, wholeNumber } from '../schema';
import type { Settings } from '../settings/settings';
import { applyDiscounts, discountsSchema, type DiscountedTotals } from './discounts';
import { discountableLines, revisionContent, revisionLineKeys } from './revision';

/**
 * What staff add to a priced configuration: lines for work outside the catalog, each with its price
 * and the reason it is there, and discounts on lines or on the whole quote. The estimate of the
 * configuration comes first (the server prices it from the catalog); `adjustEstimate` then adds the
 * custom lines, takes the discounts off each line (a quote discount by each line's share) and works
 * the minimum charge, tax and totals out again, so every figure the customer reads adds up.
 */

/** A custom line's key: `custom-` and a short id, stable across revisions so the diff can follow it. */
export const customKey = z.string().check(z.regex(/^custom-[a-z0-9-]{1,40}$/, 'not a custom line of this quote'));

export const customLineSchema = z.object({
  key: customKey,
  siteId: z.string().check(z.minLength(1, 'choose the site')),
  /** As the customer reads it. */
  description: trimmedText(3, 200, 'describe the work in at least 3 characters', 'at most 200 characters'),
  /** Why the work is needed and priced so: shown to the customer beside the line. */
  reason: trimmedText(3, 400, 'say why in at least 3 characters', 'at most 400 characters'),
  /** The price for the work, before tax (taxed as labor). */
  cents: wholeNumber(1, 100_000_000, 'give a price above zero', 'at most $1,000,000.00'),
});
export type CustomLine = z.infer<typeof customLineSchema>;

export const staffChangesSchema = z.object({
  customLines: z.array(customLineSchema).check(z.maxLength(50, 'at most 50 custom lines')),
  discounts: discountsSchema,
});
export type StaffChanges = z.infer<typeof staffChangesSchema>;

export const noStaffChanges: StaffChanges = { customLines: [], discounts: { lines: [], quote: null } };

function customEstimateLine(line: CustomLine): EstimateLine {
  return {
    kind: 'service',
    taxClass: 'labor',
    label: line.description,
    reason: line.reason,
    amount: { low: line.cents, high: line.cents },
    drivers: [],
    quantity: 1,
    unitCents: line.cents,
    customKey: line.key,
  };
}

/** The estimate with the custom lines added (at the end of their site) and no discount yet. */
export function withCustomLines(base: Estimate, customLines: CustomLine[]): Estimate {
  return {
    ...base,
    sites: base.sites.map((site) => {
      const added = customLines.filter((line) => line.siteId === site.siteId).map(customEstimateLine);
      return added.length === 0 ? site : { ...site, lines: [...site.lines, ...added] };
    }),
  };
}

function discountSite(site: SiteEstimate, discounted: DiscountedTotals, settings: Settings): SiteEstimate {
  const keys = revisionLineKeys(site.lines);
  const lines = site.lines.map((line, i): EstimateLine => {
    const found = discounted.lines.find((d) => d.siteId === site.siteId && d.key === keys[i]);
    const off: Cents = found ? found.lineDiscountCents + found.quoteShareCents : 0;
    if (!found || off === 0) return line;
    return {
      ...line,
      amount: { low: Math.max(0, line.amount.low - off), high: Math.max(0, line.amount.high - off) },
      discount: { lineCents: found.lineDiscountCents, quoteShareCents: found.quoteShareCents },
    };
  });
  const totals = siteTotals(lines, settings);
  const plan = site.plan && { ...site.plan, totalOverTerm: { low: totals.oneTime.low + site.plan.monthlyCents * site.plan.monthsCounted, high: totals.oneTime.high + site.plan.monthlyCents * site.plan.monthsCounted } };
  return { ...site, lines, ...totals, plan };
}

/**
 * The estimate a customer is sent: `base` (the configuration priced by the server) with the staff's
 * custom lines and discounts. Discounts must have passed `evaluateDiscounts` for these lines.
 */
export function adjustEstimate(base: Estimate, changes: StaffChanges, settings: Settings): Estimate {
  const withCustom = withCustomLines(base, changes.customLines);
  const discounted = applyDiscounts(discountableLines(revisionContent({ estimate: withCustom })), changes.discounts);
  const sites = withCustom.sites.map((site) => discountSite(site, discounted, settings));
  return { currency: base.currency, locale: base.locale, sites, ...estimateTotals(sites) };
}
