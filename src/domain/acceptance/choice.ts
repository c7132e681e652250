import type { Issue } from '../issues';
import { addRanges, type Cents, type Range } from '../money';

/**
 * What a quote revision offers the customer to pick from when they accept: one or more
 * alternatives (the packages, or options staff made), each a priced configuration with its own
 * frozen estimate, and optional add-ons, lines with their own frozen price and labor that add to
 * whichever alternative is picked. Accepting one alternative lets the others lapse.
 *
 * Every figure of a choice comes from the stored revision: the browser only names ids.
 */

export interface OfferedAlternative {
  id: string;
  name: string;
  /** The alternative's one-time range, tax included, and the tax in it. */
  oneTime: Range;
  tax: Range;
  monthlyCents: Cents;
  /** The high end of the person-hours its sites take, which sizes the booking. */
  personHours: number;
}

export interface OfferedAddOn {
  id: string;
  name: string;
  detail: string | null;
  /** What it adds to the one-time range, tax included, and the tax in it. */
  oneTime: Range;
  tax: Range;
  /** The high end of the person-hours it adds. */
  personHours: number;
}

export interface Offer {
  /** At least one; the first is the one the quote was made for (pre-selected). */
  alternatives: OfferedAlternative[];
  addOns: OfferedAddOn[];
}

/** What the customer names: an alternative's id and the ids of the add-ons ticked. */
export interface Choice {
  alternative: string;
  addOns: readonly string[];
}

/** A choice with its figures, every one the sum of the alternative's and the add-ons'. */
export interface PricedChoice {
  alternative: OfferedAlternative;
  addOns: OfferedAddOn[];
  oneTime: Range;
  tax: Range;
  monthlyCents: Cents;
  personHours: number;
}

export type ChoiceResult = { ok: true; choice: PricedChoice } | { ok: false; issues: Issue[] };

/** The alternative the quote was made for, with no add-ons: what a revision with one option always comes to. */
export function defaultChoice(offer: Offer): Choice {
  return { alternative: offer.alternatives[0]!.id, addOns: [] };
}

/**
 * The same text for the same choice however its add-ons are ordered: the form carries the one its
 * total was worked out for, so a signature is refused for a pick whose total the customer never saw.
 */
export function choiceKey(choice: Choice): string {
  return JSON.stringify([choice.alternative, [...new Set(choice.addOns)].sort()]);
}

/**
 * Prices a choice against the offer. An id the offer does not hold is refused with a field error
 * (a tampered form, or a page older than the revision); an add-on ticked twice counts once.
 */
export function priceChoice(offer: Offer, choice: Choice): ChoiceResult {
  const issues: Issue[] = [];
  const alternative = offer.alternatives.find((a) => a.id === choice.alternative);
  if (!alternative) issues.push({ path: ['option'], message: 'Pick one of the options listed' });
  const picked = new Set(choice.addOns);
  if ([...picked].some((id) => !offer.addOns.some((addOn) => addOn.id === id))) {
    issues.push({ path: ['addOns'], message: 'Pick add-ons from the list: one you picked is not offered on this quote' });
  }
  if (!alternative || issues.length > 0) return { ok: false, issues };
  // In the offer's order, so the same choice always reads and sums the same.
  const addOns = offer.addOns.filter((addOn) => picked.has(addOn.id));
  return {
    ok: true,
    choice: {
      alternative,
      addOns,
      oneTime: addRanges(alternative.oneTime, ...addOns.map((addOn) => addOn.oneTime)),
      tax: addRanges(alternative.tax, ...addOns.map((addOn) => addOn.tax)),
      monthlyCents: alternative.monthlyCents,
      personHours: addOns.reduce((sum, addOn) => sum + addOn.personHours, alternative.personHours),
    },
  };
}
