import { and, eq } from 'drizzle-orm';
import type { Catalog } from '../domain/catalog/catalog';
import { configurationSchemaFor, type Configuration, type ConfigurationIssue } from '../domain/configuration/configuration';
import { addDays, dayInTimeZone } from '../domain/estimate/dates';
import type { Guidelines } from '../domain/guidelines/guidelines';
import type { Settings } from '../domain/settings/settings';
import type { Database } from './db/client';
import { quoteRevisions, quotes, type QuoteStatus } from './db/schema';
import { newQuotePublicId, newRowId, QUOTE_PUBLIC_ID_PATTERN } from './ids';
import { freezeEstimate, type QuoteSnapshot } from './snapshot';

/**
 * Saved quotes. A quote is created with revision 1 from a configuration the server validates and
 * prices itself; later revisions (a staff member's changes) add rows to quote_revisions and move
 * `current_revision`, so what a customer was shown is never overwritten.
 */

export interface PricingData {
  catalog: Catalog;
  settings: Settings;
  guidelines: Guidelines;
}

/** The installer's calendar day at `now` (settings.timeZone): the same answer on every server whatever its own zone. */
export function installerToday(settings: Settings, now = new Date()): string {
  return dayInTimeZone(now, settings.timeZone);
}

/** A configuration that does not match the catalog: carries every issue with its path. */
export class ConfigurationError extends Error {
  constructor(readonly issues: ConfigurationIssue[]) {
    super(`The configuration does not match the catalog: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
}

export function validateConfiguration(configuration: unknown, catalog: Catalog): Configuration {
  const result = configurationSchemaFor(catalog).safeParse(configuration);
  if (result.success) return result.data;
  throw new ConfigurationError(
    result.error.issues.map((issue) => ({ path: issue.path.filter((p) => typeof p !== 'symbol') as (string | number)[], message: issue.message })),
  );
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
  firstName?: string;
  status: QuoteStatus;
}

/** Builds the rows of a new quote; `createQuote` stores them, `requests.ts` stores them inside its own transaction. */
export function prepareQuote(input: NewQuote, data: PricingData, now: Date) {
  const configuration = validateConfiguration(input.configuration, data.catalog);
  const today = installerToday(data.settings, now);
  const snapshot = freezeEstimate(configuration, data, today);
  const quote = {
    id: newRowId(),
    publicId: newQuotePublicId(),
    status: input.status,
    audience: configuration.audience,
    firstName: input.firstName ?? null,
    currentRevision: 1,
    createdAt: now,
    updatedAt: now,
  } satisfies typeof quotes.$inferInsert;
  const revision = {
    id: newRowId(),
    quoteId: quote.id,
    number: 1,
    configuration,
    snapshot,
    oneTimeLowCents: snapshot.estimate.oneTime.low,
    oneTimeHighCents: snapshot.estimate.oneTime.high,
    monthlyCents: snapshot.estimate.monthlyCents,
    pricedAt: now,
    // Prices hold for the settings' number of days, the last one included.
    validUntil: addDays(today, data.settings.quoteValidityDays),
    createdBy: null,
    createdAt: now,
  } satisfies typeof quoteRevisions.$inferInsert;
  return { quote, revision };
}

export type PreparedQuote = ReturnType<typeof prepareQuote>;

type QuoteRow = Pick<typeof quotes.$inferSelect, 'id' | 'publicId' | 'status' | 'audience' | 'firstName'>;
type RevisionRow = Pick<typeof quoteRevisions.$inferSelect, 'number' | 'configuration' | 'snapshot' | 'pricedAt' | 'validUntil'>;

function savedQuote(quote: QuoteRow, revision: RevisionRow): SavedQuote {
  const { id, publicId, status, audience, firstName } = quote;
  const { number, configuration, snapshot, pricedAt, validUntil } = revision;
  return { id, publicId, status, audience, firstName, revision: { number, configuration, snapshot, pricedAt, validUntil } };
}

export function toSavedQuote(prepared: PreparedQuote): SavedQuote {
  return savedQuote(prepared.quote, prepared.revision);
}

/** Inserts a prepared quote and its first revision; call inside a transaction when other rows depend on it. */
export async function insertQuote(db: Database, prepared: PreparedQuote): Promise<void> {
  await db.insert(quotes).values(prepared.quote);
  await db.insert(quoteRevisions).values(prepared.revision);
}

/** Creates a quote with revision 1, priced by the server now. */
export async function createQuote(db: Database, input: NewQuote, data: PricingData, now = new Date()): Promise<SavedQuote> {
  const prepared = prepareQuote(input, data, now);
  await db.transaction(async (tx) => insertQuote(tx, prepared));
  return toSavedQuote(prepared);
}

async function loadQuote(db: Database, where: ReturnType<typeof eq>): Promise<SavedQuote | null> {
  const rows = await db
    .select({ quote: quotes, revision: quoteRevisions })
    .from(quotes)
    .innerJoin(quoteRevisions, and(eq(quoteRevisions.quoteId, quotes.id), eq(quoteRevisions.number, quotes.currentRevision)))
    .where(where)
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  return savedQuote(row.quote, row.revision);
}

/** The quote behind a link, with its current revision; null for an unknown or malformed id. */
export async function getQuoteByPublicId(db: Database, publicId: string): Promise<SavedQuote | null> {
  // Anything that cannot be an id is answered without a query.
  if (!QUOTE_PUBLIC_ID_PATTERN.test(publicId)) return null;
  return loadQuote(db, eq(quotes.publicId, publicId));
}

export async function getQuoteById(db: Database, id: string): Promise<SavedQuote | null> {
  return loadQuote(db, eq(quotes.id, id));
}

/** True once the last day the prices hold has passed. */
export function isExpired(quote: SavedQuote, today: string): boolean {
  return today > quote.revision.validUntil;
}
