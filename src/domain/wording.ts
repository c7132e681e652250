import { addMonths, formatDate, termEndDate } from './estimate/dates';
import type { Driver } from './estimate/conditions';
import type { ViewPurpose } from './guidelines/vocabulary';
import type { Duration } from './estimate/duration';
import { applyPpm, formatMoney, formatRange, percentToPpm, type Cents, type Range } from './money';
import type { Settings } from './settings/settings';
import type { SiteConditions } from './configuration/configuration';
import type { AssumableCondition } from './settings/vocabulary';
import { count, formatArea, formatLength, formatNumber, roughArea, roughLength } from './units';

/**
 * Customer wording said on more than one screen (product pages, the configurator, the assessment,
 * the quote, mail): one function per phrase, so every place words a thing the same way.
 */

type MoneyFormat = Pick<Settings, 'currency' | 'locale'>;

/** What a camera view asks of a camera, as it reads after "to" or "enough to". */
export const purposeText: Record<ViewPurpose, string> = {
  detect: 'detect a person',
  observe: 'see what people are doing',
  recognize: 'recognize someone you know',
  identify: 'identify a stranger',
  'read-plate': 'read license plates',
};

/** "Recommended: 3; you changed it to 4." when the customer changed a recommended quantity, else empty. */
export function quantityChangeText(quantity: number, recommended: number | undefined): string {
  return recommended === undefined || recommended === quantity ? '' : `Recommended: ${recommended}; you changed it to ${quantity}.`;
}

/** "2 of 4 already on site and reused." for units the customer owns, else empty. */
export function reusedText(quantity: number, reused: number): string {
  return reused > 0 ? `${reused} of ${quantity} already on site and reused.` : '';
}

/** What the wording of a monitoring plan needs: a catalog plan's specs and a quote's plan terms both fit. */
export interface PlanWording {
  monthlyCents: Cents;
  /** Contract months; 0 = month to month. */
  termMonths: number;
  earlyTerminationPercent: number;
  cancellation: string;
}

/** "Month to month, no contract" from "month to month, no contract", for a phrase that starts a value. */
export function capitalized(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** "36-month contract" or "month to month, no contract", as it reads mid-sentence. */
export function contractText(termMonths: number): string {
  return termMonths === 0 ? 'month to month, no contract' : `${termMonths}-month contract`;
}

/** "36-month contract from the day monitoring starts" or "Month to month, no contract": a plan's term as a value. */
export function contractTermText(termMonths: number): string {
  const contract = capitalized(contractText(termMonths));
  return termMonths > 0 ? `${contract} from the day monitoring starts` : contract;
}

/** "$1,080.00 (36 × $30.00)": what the monthly fees come to over a contract. */
export function feesOverTermText(plan: Pick<PlanWording, 'monthlyCents' | 'termMonths'>, f: MoneyFormat): string {
  const money = (cents: Cents) => formatMoney(cents, f.currency, f.locale);
  return `${money(plan.monthlyCents * plan.termMonths)} (${plan.termMonths} × ${money(plan.monthlyCents)})`;
}

/** "$30.00 a month". */
export function monthlyFeeText(monthlyCents: Cents, f: MoneyFormat): string {
  return `${formatMoney(monthlyCents, f.currency, f.locale)} a month`;
}

/** "$30.00 a month, 36-month contract": a plan's price as it is chosen. */
export function planPriceText(plan: Pick<PlanWording, 'monthlyCents' | 'termMonths'>, f: MoneyFormat): string {
  return `${monthlyFeeText(plan.monthlyCents, f)}, ${contractText(plan.termMonths)}`;
}

/** "1 hour", "4.25 hours": exact to the quarter hour labor is billed in. */
export function hoursText(hours: number, locale: string): string {
  return `${formatNumber(hours, locale, 2)} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** "4.25 to 5.5 hours", or "2 hours" when both ends agree. */
export function hoursRangeText(hours: { low: number; high: number }, locale: string): string {
  return hours.low === hours.high ? hoursText(hours.high, locale) : `${formatNumber(hours.low, locale, 2)} to ${hoursText(hours.high, locale)}`;
}

const span = (r: { low: number; high: number }, one: string, many = `${one}s`) =>
  r.low === r.high ? count(r.high, one, many) : `${r.low} to ${r.high} ${many}`;

const crewWords = ({ technicians: t }: Duration) =>
  t.high <= 1 ? 'one technician' : t.low === t.high ? `a crew of ${t.high}` : `a crew of ${t.low} to ${t.high}`;

/** "a crew of 2 for 1 to 2 days", "one technician for 1 day": the crew plan at both ends of the range. */
export function crewText(d: Duration): string {
  return `${crewWords(d)} for ${span(d.days, 'day')}`;
}

/**
 * "4.5 to 5.25 hours of work, done in a day by one technician" or "3 to 4 working days on site with a
 * crew of 2 (…)": the crew plan's words, with the same days and crew the travel line is billed for.
 */
export function durationText(d: Duration, locale: string): string {
  if (d.hours.high <= 0) return 'No installation work';
  const crew = crewWords(d);
  const hours = hoursRangeText(d.hours, locale);
  if (d.days.high <= 1) return `${capitalized(hours)} of work, done in a day by ${crew}`;
  return `${span(d.days, 'working day')} on site with ${crew} (${hours} of work)`;
}

/**
 * Why a line is a range, one driver: on labor lines with its own share of the hours ("Finished walls
 * (12% more time; up to 0.5 hours more)"), elsewhere how far it can reach ("(up to 30% more)").
 */
export function driverText(d: Driver, locale: string): string {
  const hours = (h: number) => hoursText(h, locale);
  const parts = d.hours
    ? [
        d.laborPercent > 0 && `${d.laborPercent}% more time`,
        d.hours.lower > 0 && `as little as ${hours(d.hours.lower)} less`,
        d.hours.higher > 0 && `up to ${hours(d.hours.higher)} more`,
      ]
    : [d.highPercent > 0 && `up to ${d.highPercent}% more`];
  const said = parts.filter(Boolean);
  return said.length ? `${d.label} (${said.join('; ')})` : d.label;
}

/** "2–3 d": working days in a table cell. */
export function daysCell(d: Duration): string {
  return `${d.days.low === d.days.high ? d.days.high : `${d.days.low}–${d.days.high}`} d`;
}

/**
 * What ending a contract early costs, worked out for stopping halfway: on a date when the start is
 * known, else after so many months.
 */
export function earlyTerminationText(plan: PlanWording, startDate: string | null, f: MoneyFormat): string {
  const { monthlyCents, termMonths, earlyTerminationPercent } = plan;
  if (termMonths === 0 || earlyTerminationPercent === 0) return 'No fee for ending early.';
  const half = Math.floor(termMonths / 2);
  const fee = applyPpm(monthlyCents * (termMonths - half), percentToPpm(earlyTerminationPercent));
  const when = startDate ? `on ${formatDate(addMonths(startDate, half), f.locale)}` : `after ${count(half, 'month')}`;
  return `Ending early costs ${earlyTerminationPercent}% of the monthly fees left: stopping halfway, ${when}, would cost ${formatMoney(fee, f.currency, f.locale)}.`;
}

/**
 * A plan's terms in plain words from a start date: when it ends and what it costs over the term, what
 * ending early costs and the cancellation terms.
 */
export function planTermsText(plan: PlanWording, startDate: string, f: MoneyFormat): string {
  const { monthlyCents, termMonths, cancellation } = plan;
  const money = (cents: Cents) => formatMoney(cents, f.currency, f.locale);
  const date = (iso: string) => formatDate(iso, f.locale);
  const term =
    termMonths > 0
      ? `Runs from ${date(startDate)} to ${date(termEndDate(startDate, termMonths))}: ${money(monthlyCents * termMonths)} over the term.`
      : `No end date; the estimate counts the first 12 months (${money(monthlyCents * 12)}), to ${date(termEndDate(startDate, 12))}.`;
  return `${term} ${earlyTerminationText(plan, startDate, f)} ${cancellation}`;
}

/**
 * Phases against one visit: each phase is a separate visit priced as its own job, with its own travel
 * and minimum charge, while the estimate's total is for doing everything in one visit. Says both, so
 * the customer sees what phasing costs rather than a total that seems not to change.
 */
export function phasingText(phased: Range, oneVisit: Range, visits: number, f: MoneyFormat): string {
  const money = (r: Range) => formatRange(r, f.currency, f.locale);
  if (phased.low === oneVisit.low && phased.high === oneVisit.high) return `In ${count(visits, 'visit')} or in one, the one-time cost is the same: ${money(oneVisit)}.`;
  return `In ${count(visits, 'separate visit')} the one-time cost comes to ${money(phased)}, against ${money(oneVisit)} for everything in one visit (the estimate's total): each visit carries its own travel and minimum charge.`;
}

/** "+$40.00" or "−$120.00" (a true minus sign): a change in an amount, signed either way. */
export function signedMoneyText(cents: Cents, f: MoneyFormat): string {
  return `${cents < 0 ? '−' : '+'}${formatMoney(Math.abs(cents), f.currency, f.locale)}`;
}

/** A price's change as words a customer reads: "+$120.00", "−$35.00 to +$10.00", "$0.00", "new", "no longer applies". */
export function priceChangeText(before: Range | null, after: Range | null, f: MoneyFormat): string {
  if (!before) return 'new';
  if (!after) return 'no longer applies';
  const signed = (cents: Cents) => (cents === 0 ? formatMoney(0, f.currency, f.locale) : signedMoneyText(cents, f));
  const low = after.low - before.low;
  const high = after.high - before.high;
  return low === high ? signed(low) : `${signed(low)} to ${signed(high)}`;
}

/**
 * A site's floor area or ceiling height as the customer reads it: what they typed, as typed; what the
 * site assumed, as a rough figure marked as an assumption to confirm or change.
 */
export function conditionValueText(conditions: Pick<SiteConditions, AssumableCondition | 'assumed'>, key: AssumableCondition, settings: Pick<Settings, 'units' | 'locale'>): string {
  const { units, locale } = settings;
  const value = conditions[key];
  if (!conditions.assumed?.includes(key)) return key === 'floorAreaM2' ? formatArea(value, units, locale) : formatLength(value, units, locale, 1);
  return `about ${key === 'floorAreaM2' ? roughArea(value, units, locale) : roughLength(value, units, locale)} (assumed; confirm or change it)`;
}

/**
 * The minimum charge's top-up as words. It is larger at the low end of the range than at the high end
 * (more work there is billed already), so it is never written as a low–high range.
 */
export function minimumTopUpText(topUp: { atLow: Cents; atHigh: Cents }, f: MoneyFormat): string {
  const money = (cents: Cents) => formatMoney(cents, f.currency, f.locale, true);
  if (topUp.atLow === topUp.atHigh) return formatMoney(topUp.atLow, f.currency, f.locale);
  if (topUp.atHigh === 0) return `${money(topUp.atLow)} at the low end only`;
  return `${money(topUp.atLow)} at the low end, ${money(topUp.atHigh)} at the high end`;
}
