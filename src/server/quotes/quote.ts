import type { Catalog } from '~/domain/catalog/catalog';
import type { SiteData } from '~/domain/site-data';
import { configurationSchemaFor, type Configuration } from '~/domain/configuration/configuration';
import { addDays } from '~/domain/estimate/dates';
import { validate, type Issue } from '~/domain/issues';
import { installerToday } from '~/domain/settings/today';
import type { Database } from '../db/client';
import type { QuoteStatus } from '../db/schema';
import { newRowId } from '../db/row-id';
import { newSecretId } from './public-id';
import { withOptions, type RevisionOptions } from './options';
import { freezeEstimate, type QuoteCustomer, type QuoteSnapshot } from './snapshot';
import { saveQuote } from './store';

/**
 * Quotes, the decisions: a quote is created with revision 1 from a configuration the server
 * validates and prices itself, and its prices hold until the revision's validity date. Storing is
 * store.ts's job; later revisions (a staff member's changes) will add revisions there, so what a
 * customer was shown is never overwritten.
 */

/** Pricing reads the catalog and settings; the checks frozen with a quote read the guidelines too. */
export type PricingData = SiteData;

/** A configuration that does not match the catalog: carries every issue with its path. */
export class ConfigurationError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`The configuration does not match the catalog: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

export function validateConfiguration(configuration: unknown, catalog: Catalog): Configuration {
  const result = validate(configurationSchemaFor(catalog), configuration);
  if (result.ok) return result.value;
  throw new ConfigurationError(result.issues);
}

export interface SavedQuote {
  id: string;
  publicId: string;
  status: QuoteStatus;
  audience: Configuration['audience'];
  firstName: string | null;
  revision: {
    number: number;
    configuration: Configuration;
    snapshot: QuoteSnapshot;
    pricedAt: Date;
    validUntil: string;
  };
}

export interface NewQuote {
  /** Anything: it is validated against the catalog here, and only the configuration is trusted. */
  configuration: unknown;
  /**
   * The catalog `configuration` already passed `configurationSchemaFor` with (a request's own
   * validation): when it is the one this quote is priced with, the configuration is not checked a
   * second time (the second check was 12 % of the memory a submission allocates).
   */
  validatedWith?: Catalog;
  firstName?: string;
  status: QuoteStatus;
  /** What the customer gave with the request, when the quote comes with one. */
  customer?: QuoteCustomer;
  /** Alternatives (each configuration validated and priced here, like the quote's own) and add-ons to offer beside it. */
  options?: RevisionOptions;
}

/** A new quote with revision 1, priced now and not yet stored: `createQuote` stores it, a request stores it with itself. */
export function prepareQuote(input: NewQuote, data: PricingData, now: Date): SavedQuote {
  const configuration = input.validatedWith === data.catalog ? (input.configuration as Configuration) : validateConfiguration(input.configuration, data.catalog);
  const today = installerToday(data.settings, now);
  const snapshot = freezeEstimate(configuration, data, today, input.customer ?? null);
  const { options } = input;
  return {
    id: newRowId(),
    publicId: newSecretId(),
    status: input.status,
    audience: configuration.audience,
    firstName: input.firstName ?? null,
    revision: {
      number: 1,
      configuration,
      snapshot: options
        ? withOptions(snapshot, { ...options, alternatives: options.alternatives.map((a) => ({ ...a, configuration: validateConfiguration(a.configuration, data.catalog) })) }, data)
        : snapshot,
      pricedAt: now,
      // Prices hold for the settings' number of days, the last one included.
      validUntil: addDays(today, data.settings.quoteValidityDays),
    },
  };
}

/** Creates a quote with revision 1, priced by the server now. */
export async function createQuote(db: Database, input: NewQuote, data: PricingData, now = new Date()): Promise<SavedQuote> {
  const quote = prepareQuote(input, data, now);
  await saveQuote(db, quote);
  return quote;
}

/** True once the last day the prices hold has passed. */
export function isExpired(quote: SavedQuote, today: string): boolean {
  return today > quote.revision.validUntil;
}
