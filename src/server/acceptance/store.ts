import { eq } from 'drizzle-orm';
import type { PipelineEvent } from '~/domain/pipeline/pipeline';
import type { Database } from '../db/client';
import { outbox, quoteAcceptances, quotes, requests, type QuoteStatus } from '../db/schema';
import type { MailMessage } from '../mail/templates';
import { recordPipelineEvent } from '../pipeline/record';
import { recordTimelineEvent, type NewTimelineEvent } from '../timeline/store';

/**
 * Acceptances, declines and change requests in the database; the only module of acceptance that
 * talks to Drizzle. Each change, its timeline event, its mail and its pipeline move are written in one
 * transaction.
 */

export type AcceptanceRow = typeof quoteAcceptances.$inferSelect;
export type NewAcceptance = typeof quoteAcceptances.$inferInsert;

export async function acceptanceOf(db: Database, quoteId: string): Promise<AcceptanceRow | null> {
  const rows = await db.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, quoteId)).limit(1);
  return rows[0] ?? null;
}

/** The request the quote came with: where its customer's email and name are. */
export async function requestOfQuote(db: Database, quoteId: string): Promise<{ id: string; contactName: string; contactEmail: string; reference: string } | null> {
  const rows = await db
    .select({ id: requests.id, contactName: requests.contactName, contactEmail: requests.contactEmail, reference: requests.reference })
    .from(requests)
    .where(eq(requests.quoteId, quoteId))
    .limit(1);
  return rows[0] ?? null;
}

export interface QuoteEvent {
  quoteId: string;
  requestId: string | null;
  event: Omit<NewTimelineEvent, 'quoteId' | 'requestId'>;
  messages: MailMessage[];
  now: Date;
  /** How the event moves the request through the pipeline, if it does. */
  pipelineEvent?: PipelineEvent;
}

async function writeChange(tx: Database, change: QuoteEvent, status?: QuoteStatus): Promise<void> {
  if (status) await tx.update(quotes).set({ status, updatedAt: change.now }).where(eq(quotes.id, change.quoteId));
  await recordTimelineEvent(tx, { ...change.event, quoteId: change.quoteId, requestId: change.requestId, at: change.now });
  await queueMessages(tx, change.requestId, change.messages, change.now);
  if (change.pipelineEvent && change.requestId) await recordPipelineEvent(tx, { requestId: change.requestId }, change.pipelineEvent, change.event);
}

/**
 * Stores the acceptance with the quote's new status, its timeline event and the signed copy's mail;
 * false when the quote was accepted already (the unique quote id: a second tab waits here for the
 * first to commit and then inserts nothing).
 */
export async function insertAcceptance(db: Database, acceptance: NewAcceptance, change: Omit<QuoteEvent, 'quoteId'>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(quoteAcceptances).values(acceptance).onConflictDoNothing({ target: quoteAcceptances.quoteId }).returning({ id: quoteAcceptances.id });
    if (inserted.length === 0) return false;
    await writeChange(tx, { ...change, quoteId: acceptance.quoteId }, 'accepted');
    return true;
  });
}

/** An event on the quote (a decline, a change request, a booking…) with its mail, and the quote's new status if it has one. */
export async function recordQuoteEvent(db: Database, change: QuoteEvent, status?: QuoteStatus): Promise<void> {
  await db.transaction(async (tx) => writeChange(tx, change, status));
}

/** Puts messages in the outbox (inside the caller's transaction when `db` is one), due at once. */
export async function queueMessages(db: Database, requestId: string | null, messages: MailMessage[], now: Date): Promise<void> {
  if (messages.length === 0) return;
  await db.insert(outbox).values(messages.map((m) => ({ ...m, replyTo: m.replyTo ?? null, requestId, createdAt: now, nextAttemptAt: now })));
}
