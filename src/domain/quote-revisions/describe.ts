import { formatMoney, type Cents, type Range } from '../money';
import type { Settings } from '../settings/settings';
import { count } from '../units';
import { signedMoneyText } from '../wording';
import type { Discount } from './discounts';
import type { Change, RevisionDiff, SiteDiff } from './diff';

type Format = Pick<Settings, 'currency' | 'locale'>;

/** "10%" or "$50.00": a discount as it reads after "a discount of". */
function discountText(discount: Discount, f: Format): string {
  return discount.kind === 'percent' ? `${discount.percent}%` : formatMoney(discount.cents, f.currency, f.locale);
}

function discountChangeText(c: Change<Discount | null>, on: string, f: Format): string {
  if (!c.from) return `Added a discount of ${discountText(c.to!, f)} on ${on}`;
  if (!c.to) return `Removed the discount of ${discountText(c.from, f)} on ${on}`;
  return `Discount on ${on} changed from ${discountText(c.from, f)} to ${discountText(c.to, f)}`;
}

function siteSentences(site: SiteDiff, f: Format): string[] {
  const money = (cents: Cents) => formatMoney(cents, f.currency, f.locale);
  return [
    ...(site.renamed ? [`Site "${site.renamed.from}" renamed "${site.renamed.to}"`] : []),
    ...site.added.map((line) => `Added ${line.quantity} × ${line.description}`),
    ...site.removed.map((line) => `Removed ${line.quantity} × ${line.description}`),
    ...site.changed.flatMap(({ description, changes: c }) => [
      ...(c.description ? [`"${c.description.from}" renamed "${c.description.to}"`] : []),
      ...(c.quantity ? [`Quantity of ${description} changed from ${c.quantity.from} to ${c.quantity.to}`] : []),
      ...(c.unitCents ? [`Price of ${description} changed from ${money(c.unitCents.from)} to ${money(c.unitCents.to)} each`] : []),
      ...(c.discount ? [discountChangeText(c.discount, description, f)] : []),
    ]),
  ];
}

/** "by −$120.00", or "by −$100.00 to −$120.00" when the two ends of the range moved differently. */
function byText(d: Range, f: Format): string {
  return d.low === d.high ? `by ${signedMoneyText(d.high, f)}` : `by ${signedMoneyText(d.low, f)} to ${signedMoneyText(d.high, f)}`;
}

/**
 * The changes of a revision in the customer's words, one sentence each: "Added 2 × Outdoor turret
 * camera", "Quantity of Door contact changed from 3 to 4", "Total changed by −$120.00". With
 * `siteNames` (a quote of several sites) each line's sentence starts with its site's name.
 */
export function describeDiff(diff: RevisionDiff, f: Format & { siteNames?: boolean }): string[] {
  const { oneTime, monthlyCents } = diff.totals;
  return [
    ...diff.sitesAdded.map((site) => `Added the site "${site.name}" with ${count(site.lines.length, 'line')}`),
    ...diff.sitesRemoved.map((site) => `Removed the site "${site.name}"`),
    ...diff.sites.flatMap((site) => siteSentences(site, f).map((sentence) => (f.siteNames ? `${site.name}: ${sentence}` : sentence))),
    ...(diff.quoteDiscount ? [discountChangeText(diff.quoteDiscount, 'the whole quote', f)] : []),
    ...(oneTime.low !== 0 || oneTime.high !== 0 ? [`Total changed ${byText(oneTime, f)}`] : []),
    ...(monthlyCents !== 0 ? [`Monthly fees changed by ${signedMoneyText(monthlyCents, f)}`] : []),
  ];
}
