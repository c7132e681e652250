import type { Catalog } from '~/domain/catalog/catalog';
import type { Product } from '~/domain/catalog/product';
import { runChecks, type Check } from '~/domain/checks';
import type { Configuration } from '~/domain/configuration/configuration';
import { estimate, type Estimate } from '~/domain/estimate/estimate';
import { phaseTotals, type PhaseTotal } from '~/domain/estimate/phases';
import type { StaffChanges } from '~/domain/quote-revisions/staff-changes';
import type { NextStep, PreferredWindow, SiteAddress } from '~/domain/requests/request';
import type { Range } from '~/domain/money';
import type { Settings } from '~/domain/settings/settings';
import type { SiteData } from '~/domain/site-data';

/** A site's address as the quote shows it: with the site contact's name, never their phone number. */
export type QuoteAddress = Omit<SiteAddress, 'contact'> & { contactName?: string };

/** What the customer gave with a request, shown back on the quote. */
export interface QuoteCustomer {
  /** The request's reference, which the customer quotes when they call. */
  reference: string;
  company: string | null;
  /** One per site, in the order of the estimate's sites; a business site's with its contact's name and visit times. */
  addresses: QuoteAddress[];
  windows: PreferredWindow[];
  /** Business: the PO number, the billing contact's name (never an email address or phone number) and what was asked for. */
  purchaseOrder?: string | null;
  billingName?: string | null;
  nextStep?: NextStep | null;
}

/** A check that did not pass, as the quote states it (a frozen quote offers no one-click fixes). */
export type QuoteCheck = Pick<Check, 'id' | 'siteId' | 'system' | 'topic' | 'status' | 'title' | 'detail'>;

/**
 * What a quote revision freezes: the estimate as the server computed it, every catalog product it
 * used (with the price, name and model of that day), the settings it was priced with, the checks
 * that did not pass, the phases with their budgets and what the customer gave with the request.
 * The quote page renders from this alone, so a later change to the catalog or the settings never
 * changes a quote the customer already holds.
 *
 * Version 1 snapshots (before checks, phases and the customer were kept) are read with those absent.
 *
 * A revision may offer alternatives and add-ons (`options.ts`). The snapshot's own estimate is
 * always the first alternative, the one the quote was made for; the others and the add-ons are
 * added fields, absent on a revision with one option, so it reads, hashes and prices as before.
 */
export interface QuoteSnapshot {
  /** Bumped when the shape changes, so old revisions can still be read. */
  version: 1 | 2;
  /** The calendar day the estimate was priced on (YYYY-MM-DD, UTC). */
  pricedOn: string;
  estimate: Estimate;
  products: Product[];
  settings: Settings;
  /** Warnings and problems, problems first: the quote never promises what a check says cannot be done. */
  checks?: QuoteCheck[];
  /** Each phase's total against its budget; empty when the work is not phased. */
  phases?: PhaseTotal[];
  /** Null for a quote saved without a request. */
  customer?: QuoteCustomer | null;
  /**
   * A revision staff built: the custom lines and discounts already in `estimate` (kept to compare
   * revisions on), and the manager who approved discounts past the sender's limit. Absent on the
   * customer's own revisions.
   */
  staff?: StaffRevision | null;
  /** The name and id of the snapshot's own estimate as an alternative; absent: "This quote". */
  primary?: { id: string; name: string };
  /** Further alternatives, each priced and frozen like the snapshot's own estimate. */
  alternatives?: FrozenAlternative[];
  /** Optional add-ons, which add to whichever alternative is picked. */
  addOns?: FrozenAddOn[];
}

export interface StaffRevision extends StaffChanges {
  /** Staff account ids. */
  sentBy: string;
  approvedBy: string | null;
}

/** An alternative besides the snapshot's own estimate, with its configuration and what it was priced from. */
export interface FrozenAlternative {
  id: string;
  name: string;
  configuration: Configuration;
  estimate: Estimate;
  products: Product[];
  checks: QuoteCheck[];
}

/** An add-on: its own frozen price (tax included, and the tax in it) and the person-hours it adds. */
export interface FrozenAddOn {
  id: string;
  name: string;
  detail: string | null;
  oneTime: Range;
  tax: Range;
  hours: Range;
}

/** Products an estimate refers to: lines (equipment, services, cable, travel) and monitoring plans. */
export function productsUsed(result: Estimate, config: Configuration, catalog: Catalog): Product[] {
  const ids = new Set<string>();
  for (const site of result.sites) for (const line of site.lines) if (line.productId) ids.add(line.productId);
  for (const site of config.sites) if (site.planId) ids.add(site.planId);
  return [...ids].sort().flatMap((id) => {
    const product = catalog.get(id);
    return product ? [product] : [];
  });
}

/** The checks that did not pass, as a frozen quote states them. */
export function failedChecks(config: Configuration, data: SiteData): QuoteCheck[] {
  return runChecks(config, data)
    .filter((check) => check.status !== 'pass')
    .map(({ id, siteId, system, topic, status, title, detail }) => ({ id, siteId, system, topic, status, title, detail }));
}

/**
 * Prices a configuration (already validated against this catalog) and freezes the result. Whatever
 * prices or totals a client sent never get here: only the configuration does.
 */
export function freezeEstimate(config: Configuration, data: SiteData, today: string, customer: QuoteCustomer | null = null): QuoteSnapshot {
  const result = estimate(config, data, { today });
  return {
    version: 2,
    pricedOn: today,
    estimate: jsonCopy(result),
    products: productsUsed(result, config, data.catalog).map(frozenCopy),
    settings: frozenCopy(data.settings),
    checks: failedChecks(config, data),
    phases: jsonCopy(phaseTotals(config, data, { today })),
    customer: jsonCopy(customer),
  };
}

/**
 * A snapshot is stored as jsonb and must not share objects with the live catalog or the estimate
 * cache, so what it holds is copied through JSON, as the database will keep it.
 */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const frozenCopies = new WeakMap<object, unknown>();

/**
 * A product's or the settings' copy, made once per catalog object and frozen, so every snapshot may
 * hold the same one: copying them for each quote was half the time it takes to freeze one.
 */
function frozenCopy<T extends object>(live: T): T {
  let copy = frozenCopies.get(live) as T | undefined;
  if (!copy) {
    copy = deepFreeze(jsonCopy(live));
    frozenCopies.set(live, copy);
  }
  return copy;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
