import * as z from 'zod/mini';
import { validate, type Issue } from '../issues';
import { applyPpm, formatMoney, PPM, percentToPpm, type Cents } from '../money';
import { numberBetween, wholeNumber } from '../schema';
import type { Settings } from '../settings/settings';
import type { StaffRole } from '../staff/roles';

/**
 * Discounts staff give on a quote: on a line or on the whole quote, as a percent or an amount. Pure
 * integer-cent arithmetic, the same in the quote builder and on the server (which recomputes every
 * discount from the lines it prices itself, never from a client's totals).
 *
 * Rounding: a percent discount is rounded down to the cent, so it never takes more than the percent
 * given. A quote discount is shared among the lines in proportion to what each costs after its own
 * discount, by the largest-remainder method (ties go to the earlier line), so the shares add up to
 * the quote discount exactly.
 */

const hundredths = (percent: number) => Math.abs(percent * 100 - Math.round(percent * 100)) < 1e-9;

/** A discount: a percent of what it applies to (up to two decimals) or an amount in cents. */
export const discountSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('percent'),
    /** 0–100, at most two decimals: 12.5 is 12.5 % off. */
    percent: numberBetween(0, 100, 'cannot be negative', 'at most 100%').check(z.refine(hundredths, 'at most two decimals')),
  }),
  z.object({
    kind: z.literal('amount'),
    /** Cents off; no more than what it applies to. */
    cents: wholeNumber(0, 1_000_000_000, 'cannot be negative'),
  }),
]);
export type Discount = z.infer<typeof discountSchema>;

/** Site id and line key: how a line discount names its line. */
const slug = z.string().check(z.minLength(1, 'this is required'), z.maxLength(120));

/** The discounts asked for on one quote revision. */
export const discountsSchema = z.object({
  /** At most one discount per line. */
  lines: z.array(
    z.object({
      siteId: slug,
      /** The line's stable key in its site (see diff.ts). */
      lineKey: slug,
      discount: discountSchema,
    }),
  ),
  /** On the whole quote, after the line discounts; null for none. */
  quote: z._default(z.nullable(discountSchema), null),
});
export type Discounts = z.infer<typeof discountsSchema>;

/** A line that can be discounted, at its list price (units charged × unit price). */
export interface DiscountableLine {
  siteId: string;
  key: string;
  /** How staff and the approver know the line: "Outdoor turret camera". */
  description: string;
  listCents: Cents;
  /** Equipment is held to the margin floor; services and custom lines are not. */
  equipment: boolean;
}

export interface DiscountedLine extends DiscountableLine {
  lineDiscountCents: Cents;
  /** This line's share of the quote discount. */
  quoteShareCents: Cents;
  /** What the line comes to after both: list − line discount − quote share, never below zero. */
  netCents: Cents;
}

export interface DiscountedTotals {
  lines: DiscountedLine[];
  listCents: Cents;
  lineDiscountsCents: Cents;
  quoteDiscountCents: Cents;
  netCents: Cents;
}

const sameLine = (siteId: string, key: string) => (line: { siteId: string; key?: string; lineKey?: string }) =>
  line.siteId === siteId && (line.key ?? line.lineKey) === key;

/** Cents a discount takes from `base`, never more than `base`. */
export function discountCents(discount: Discount | null | undefined, base: Cents): Cents {
  if (!discount) return 0;
  const cents = discount.kind === 'amount' ? discount.cents : Math.floor((base * percentToPpm(discount.percent)) / PPM);
  return Math.min(cents, base);
}

/** Splits `total` over `weights` in proportion, in whole cents that add up to `total` (largest remainder). */
function shareOut(total: Cents, weights: Cents[]): Cents[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => BigInt(w) * BigInt(total));
  const floors = exact.map((e) => Number(e / BigInt(sum)));
  const left = total - floors.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => ({ i, remainder: e % BigInt(sum) })).sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  const roundedUp = new Set(byRemainder.slice(0, left).map(({ i }) => i));
  return floors.map((share, i) => share + (roundedUp.has(i) ? 1 : 0));
}

/**
 * Applies line and quote discounts to `lines`. Discounts naming no line are ignored and amounts are
 * capped at what they apply to: `evaluateDiscounts` is what refuses such input with field errors.
 */
export function applyDiscounts(lines: DiscountableLine[], discounts: Discounts): DiscountedTotals {
  const afterLine = lines.map((line) => {
    const asked = discounts.lines.find(sameLine(line.siteId, line.key));
    const lineDiscountCents = discountCents(asked?.discount, line.listCents);
    return { line, lineDiscountCents, rest: line.listCents - lineDiscountCents };
  });
  const subtotal = afterLine.reduce((sum, l) => sum + l.rest, 0);
  const quoteDiscountCents = discountCents(discounts.quote, subtotal);
  const shares = shareOut(quoteDiscountCents, afterLine.map((l) => l.rest));
  const discounted = afterLine.map(({ line, lineDiscountCents, rest }, i) => ({ ...line, lineDiscountCents, quoteShareCents: shares[i] ?? 0, netCents: rest - (shares[i] ?? 0) }));
  const listCents = lines.reduce((sum, l) => sum + l.listCents, 0);
  const lineDiscountsCents = afterLine.reduce((sum, l) => sum + l.lineDiscountCents, 0);
  return { lines: discounted, listCents, lineDiscountsCents, quoteDiscountCents, netCents: subtotal - quoteDiscountCents };
}

type DiscountSettings = Pick<Settings, 'discounts' | 'currency' | 'locale'>;

/** The least an equipment line may come to without approval: the floor percent of its list price, half up. */
export function marginFloorCents(listCents: Cents, settings: Pick<Settings, 'discounts'>): Cents {
  return applyPpm(listCents, percentToPpm(settings.discounts.equipmentFloorPercentOfList));
}

/** A line past the role's limit or the margin floor, with what an approver needs to see. */
export interface LineOverLimit {
  siteId: string;
  key: string;
  description: string;
  /** Its discount and its share of the quote's together, percent of list, to two decimals (rounded down). */
  percent: number;
  overPercent: boolean;
  /** Equipment only; null for lines the floor does not hold. */
  floorCents: Cents | null;
  belowFloor: boolean;
  netCents: Cents;
}

export type DiscountEvaluation =
  | { status: 'invalid'; issues: Issue[] }
  | { status: 'within_limit'; totals: DiscountedTotals }
  | { status: 'needs_approval'; totals: DiscountedTotals; over: { role: StaffRole; maxPercent: number; lines: LineOverLimit[] } };

/** Field errors for discounts that cannot be applied: unknown or repeated lines, amounts over what they apply to. */
function impossible(lines: DiscountableLine[], discounts: Discounts, settings: DiscountSettings): Issue[] {
  const money = (cents: Cents) => formatMoney(cents, settings.currency, settings.locale);
  const issues: Issue[] = [];
  discounts.lines.forEach(({ siteId, lineKey, discount }, i) => {
    const line = lines.find(sameLine(siteId, lineKey));
    if (!lines.some((l) => l.siteId === siteId)) issues.push({ path: ['lines', i, 'siteId'], message: `no site "${siteId}" in this quote` });
    else if (!line) issues.push({ path: ['lines', i, 'lineKey'], message: `no line "${lineKey}" on this site` });
    else if (discounts.lines.findIndex(sameLine(siteId, lineKey)) < i) issues.push({ path: ['lines', i], message: 'this line already has a discount' });
    else if (discount.kind === 'amount' && discount.cents > line.listCents) {
      issues.push({ path: ['lines', i, 'discount', 'cents'], message: `more than the line's ${money(line.listCents)}` });
    }
  });
  if (issues.length === 0 && discounts.quote?.kind === 'amount') {
    const { listCents, lineDiscountsCents } = applyDiscounts(lines, { ...discounts, quote: null });
    const subtotal = listCents - lineDiscountsCents;
    if (discounts.quote.cents > subtotal) issues.push({ path: ['quote', 'cents'], message: `more than the quote's ${money(subtotal)} after line discounts` });
  }
  return issues;
}

/**
 * Whether the combined discount on a line, `1 − (1 − d/list)(1 − q/subtotal)`, exceeds `maxPpm`:
 * worked on the discounts as given rather than on the rounded shares, in exact integers.
 */
function combinedPpm(line: DiscountedLine, quoteDiscount: Cents, subtotal: Cents): { over: (maxPpm: number) => boolean; percent: number } {
  const list = BigInt(line.listCents);
  // A zero subtotal carries no quote discount (it is capped at the subtotal); 1 keeps the fraction defined.
  const sub = BigInt(Math.max(subtotal, 1));
  const taken = list * sub - (list - BigInt(line.lineDiscountCents)) * (sub - BigInt(quoteDiscount));
  return {
    over: (maxPpm) => taken * BigInt(PPM) > BigInt(maxPpm) * list * sub,
    percent: Number((taken * 10_000n) / (list * sub)) / 100,
  };
}

/**
 * Checks the discounts `role` asks for: field errors for impossible input; otherwise the discounted
 * totals and whether they stay within the role's limit and above the margin floor, or which lines
 * need someone to approve them.
 */
export function evaluateDiscounts(lines: DiscountableLine[], input: unknown, role: StaffRole, settings: DiscountSettings): DiscountEvaluation {
  const read = validate(discountsSchema, input);
  if (!read.ok) return { status: 'invalid', issues: read.issues };
  const issues = impossible(lines, read.value, settings);
  if (issues.length > 0) return { status: 'invalid', issues };
  const totals = applyDiscounts(lines, read.value);
  const { maxPercent } = settings.discounts.limits[role];
  const subtotal = totals.listCents - totals.lineDiscountsCents;
  const over = totals.lines.flatMap((line): LineOverLimit[] => {
    if (line.listCents === 0) return [];
    const combined = combinedPpm(line, totals.quoteDiscountCents, subtotal);
    const floorCents = line.equipment ? marginFloorCents(line.listCents, settings) : null;
    const overPercent = combined.over(percentToPpm(maxPercent));
    const belowFloor = floorCents !== null && line.netCents < floorCents;
    if (!overPercent && !belowFloor) return [];
    return [{ siteId: line.siteId, key: line.key, description: line.description, percent: combined.percent, overPercent, floorCents, belowFloor, netCents: line.netCents }];
  });
  return over.length === 0 ? { status: 'within_limit', totals } : { status: 'needs_approval', totals, over: { role, maxPercent, lines: over } };
}
