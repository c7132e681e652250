import { defaultChoice, priceChoice, type Choice, type ChoiceResult, type Offer, type OfferedAlternative, type PricedChoice } from '~/domain/acceptance/choice';
import type { Configuration, Line } from '~/domain/configuration/configuration';
import { estimate, type Estimate } from '~/domain/estimate/estimate';
import type { Range } from '~/domain/money';
import type { SiteData } from '~/domain/site-data';
import type { SavedQuote } from './quote';
import { failedChecks, jsonCopy, productsUsed, type FrozenAddOn, type FrozenAlternative, type QuoteSnapshot } from './snapshot';

/**
 * The alternatives and add-ons a revision offers, read from its frozen snapshot; and the one way to
 * add them to a snapshot (for the request's packages and the staff quote builder), each alternative
 * priced here by the server. A revision without them offers its own estimate as "This quote".
 */

/** The id and name of the snapshot's own estimate on a revision that never named it. */
export const SINGLE_OPTION = { id: 'quote', name: 'This quote' } as const;

const personHoursOf = (result: Estimate) => result.sites.reduce((sum, site) => sum + site.duration.hours.high, 0);

function offered(id: string, name: string, result: Estimate): OfferedAlternative {
  return { id, name, oneTime: result.oneTime, tax: result.tax, monthlyCents: result.monthlyCents, personHours: personHoursOf(result) };
}

export function offerOf(snapshot: QuoteSnapshot): Offer {
  const primary = snapshot.primary ?? SINGLE_OPTION;
  return {
    alternatives: [offered(primary.id, primary.name, snapshot.estimate), ...(snapshot.alternatives ?? []).map((a) => offered(a.id, a.name, a.estimate))],
    addOns: (snapshot.addOns ?? []).map((a) => ({ id: a.id, name: a.name, detail: a.detail, oneTime: a.oneTime, tax: a.tax, personHours: a.hours.high })),
  };
}

/** The estimate behind an alternative of the revision (its lines, sites and duration). */
export function estimateOf(snapshot: QuoteSnapshot, alternativeId: string): Estimate {
  return snapshot.alternatives?.find((a) => a.id === alternativeId)?.estimate ?? snapshot.estimate;
}

/** Prices what the customer picked against the quote's current revision. */
export function priceChoiceOn(quote: SavedQuote, choice: Choice): ChoiceResult {
  return priceChoice(offerOf(quote.revision.snapshot), choice);
}

/** The ids an acceptance records: the alternative (`option`) and the add-ons. */
export interface AcceptedIds {
  option: string;
  addOns: string[];
}

/**
 * The choice an acceptance recorded (option and add-on ids), priced from the revision; before
 * acceptance (null) the alternative the quote was made for, without add-ons.
 */
export function acceptedChoice(quote: SavedQuote, accepted: AcceptedIds | null): PricedChoice {
  const offer = offerOf(quote.revision.snapshot);
  const priced = priceChoice(offer, accepted ? { alternative: accepted.option, addOns: accepted.addOns } : defaultChoice(offer));
  // An acceptance is only stored for a choice the revision offered, and a revision never changes.
  if (!priced.ok) throw new Error(`Quote ${quote.id} revision ${quote.revision.number} does not offer the accepted choice`);
  return priced.choice;
}

/** An alternative to add to a revision: the server prices its configuration (validated against the catalog). */
export interface NewAlternative {
  id: string;
  name: string;
  configuration: Configuration;
}

export interface RevisionOptions {
  /** What the snapshot's own estimate is called among the alternatives. */
  primary: { id: string; name: string };
  alternatives: NewAlternative[];
  addOns: FrozenAddOn[];
}

/**
 * The snapshot with alternatives and add-ons, each alternative priced now from the catalog and
 * settings. Ids must differ: a choice names them.
 */
export function withOptions(snapshot: QuoteSnapshot, options: RevisionOptions, data: SiteData): QuoteSnapshot {
  const ids = [options.primary.id, ...options.alternatives.map((a) => a.id)];
  const addOnIds = options.addOns.map((a) => a.id);
  if (new Set(ids).size !== ids.length || new Set(addOnIds).size !== addOnIds.length) throw new Error('Each alternative and each add-on of a revision needs an id of its own');
  const alternatives: FrozenAlternative[] = options.alternatives.map(({ id, name, configuration }) => {
    const result = estimate(configuration, data, { today: snapshot.pricedOn });
    return { id, name, configuration, estimate: result, products: productsUsed(result, configuration, data.catalog), checks: failedChecks(configuration, data) };
  });
  const result: QuoteSnapshot = { ...snapshot, primary: options.primary };
  if (alternatives.length > 0) result.alternatives = alternatives;
  if (options.addOns.length > 0) result.addOns = options.addOns;
  return jsonCopy(result);
}

const hoursOf = (result: Estimate) => result.sites.reduce((sum, site) => ({ low: sum.low + site.duration.hours.low, high: sum.high + site.duration.hours.high }), { low: 0, high: 0 });
function difference(more: Range, less: Range): Range {
  const [a, b] = [Math.max(0, more.low - less.low), Math.max(0, more.high - less.high)];
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

/**
 * An add-on made of catalog lines on one site of the configuration, frozen at what they add to its
 * estimate (equipment, labor, materials, travel and tax; never below nothing) and the hours they add.
 */
export function addOnOfLines(addOn: { id: string; name: string; detail: string | null }, configuration: Configuration, siteId: string, lines: Line[], data: SiteData, today: string): FrozenAddOn {
  const without = estimate(configuration, data, { today });
  const withLines = estimate({ ...configuration, sites: configuration.sites.map((site) => (site.id === siteId ? { ...site, lines: [...site.lines, ...lines] } : site)) }, data, { today });
  return { ...addOn, oneTime: difference(withLines.oneTime, without.oneTime), tax: difference(withLines.tax, without.tax), hours: difference(hoursOf(withLines), hoursOf(without)) };
}
