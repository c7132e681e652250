import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf, type TableRows } from '../db/one-statement';
import { newRowId } from '../db/row-id';
import { quoteRevisions, quotes } from '../db/schema';
import { SECRET_ID_PATTERN } from './public-id';
import type { SavedQuote } from './quote';

/** Quotes in the database: a row in `quotes` and one per revision in `quote_revisions`, `current_revision` pointing at the one shown. */

/**
 * Inserts a new quote and its first revision; call inside a transaction when other rows depend on it.
 * `createdBy` is the staff account that started a quote for a customer (null: the customer's own).
 */
export async function insertQuote(db: Database, quote: SavedQuote, createdBy: string | null = null): Promise<void> {
  await db.insert(quotes).values(quoteRow(quote));
  await db.insert(quoteRevisions).values(revisionRow(quote.id, quote.revision, createdBy));
}

function quoteRow(quote: SavedQuote): typeof quotes.$inferInsert {
  return {
    id: quote.id,
    publicId: quote.publicId,
    status: quote.status,
    audience: quote.audience,
    firstName: quote.firstName,
    currentRevision: quote.revision.number,
    createdAt: quote.revision.pricedAt,
    updatedAt: quote.revision.pricedAt,
  };
}

/** The rows of customers' new quotes and their first revisions, for a caller that inserts them with others (one-statement.ts). */
export function quoteRows(saved: SavedQuote[]): TableRows[] {
  return [rowsOf(quotes, saved.map(quoteRow)), rowsOf(quoteRevisions, saved.map((quote) => revisionRow(quote.id, quote.revision, null)))];
}

function revisionRow(quoteId: string, revision: SavedQuote['revision'], createdBy: string | null): typeof quoteRevisions.$inferInsert {
  return {
    id: newRowId(),
    quoteId,
    number: revision.number,
    configuration: revision.configuration,
    snapshot: revision.snapshot,
    oneTimeLowCents: revision.snapshot.estimate.oneTime.low,
    oneTimeHighCents: revision.snapshot.estimate.oneTime.high,
    monthlyCents: revision.snapshot.estimate.monthlyCents,
    pricedAt: revision.pricedAt,
    validUntil: revision.validUntil,
    createdBy,
    createdAt: revision.pricedAt,
  };
}

/** Stores a new quote on its own, in one transaction. */
export async function saveQuote(db: Database, quote: SavedQuote): Promise<void> {
  await db.transaction(async (tx) => insertQuote(tx, quote));
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
  const { id, publicId, status, audience, firstName } = row.quote;
  const { number, configuration, snapshot, pricedAt, validUntil } = row.revision;
  return { id, publicId, status, audience, firstName, revision: { number, configuration, snapshot, pricedAt, validUntil } };
}

/** The quote behind a link, with its current revision; null for an unknown or malformed id. */
export async function getQuoteByPublicId(db: Database, publicId: string): Promise<SavedQuote | null> {
  // Anything that cannot be an id is answered without a query.
  if (!SECRET_ID_PATTERN.test(publicId)) return null;
  return loadQuote(db, eq(quotes.publicId, publicId));
}

export async function getQuoteById(db: Database, id: string): Promise<SavedQuote | null> {
  return loadQuote(db, eq(quotes.id, id));
}

/** One revision of a quote (an earlier one, to compare with the current); null when the quote has no such revision. */
export async function getRevision(db: Database, quoteId: string, number: number): Promise<SavedQuote['revision'] | null> {
  const rows = await db
    .select()
    .from(quoteRevisions)
    .where(and(eq(quoteRevisions.quoteId, quoteId), eq(quoteRevisions.number, number)))
    .limit(1);
  const row = rows[0];
  if (!row) return null;
  const { configuration, snapshot, pricedAt, validUntil } = row;
  return { number: row.number, configuration, snapshot, pricedAt, validUntil };
}

/**
 * The latest revision before `number` that the customer was shown: their own (made by no staff
 * account) or one staff sent. The revision staff start a quote from never reaches the customer, so
 * "what changed" is never told against it.
 */
export async function previousShownRevision(db: Database, quoteId: string, number: number): Promise<SavedQuote['revision'] | null> {
  const rows = await db
    .select({ number: quoteRevisions.number })
    .from(quoteRevisions)
    .where(and(eq(quoteRevisions.quoteId, quoteId), lt(quoteRevisions.number, number), or(isNull(quoteRevisions.createdBy), sql`${quoteRevisions.snapshot}->'staff'->>'sentBy' is not null`)))
    .orderBy(desc(quoteRevisions.number))
    .limit(1);
  return rows[0] ? getRevision(db, quoteId, rows[0].number) : null;
}

/** Adds the next revision of a quote and makes it the one shown, in one transaction. */
export async function insertRevision(db: Database, quoteId: string, revision: SavedQuote['revision'], createdBy: string | null = null): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(quoteRevisions).values(revisionRow(quoteId, revision, createdBy));
    await tx
      .update(quotes)
      .set({ currentRevision: sql`greatest(${quotes.currentRevision}, ${revision.number})`, updatedAt: revision.pricedAt })
      .where(eq(quotes.id, quoteId));
  });
}
