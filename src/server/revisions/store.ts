import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { outbox, quoteDrafts, quotes, type DraftApproval } from '../db/schema';
import type { MailMessage } from '../mail/templates';
import type { SavedQuote } from '../quotes/quote';
import { insertRevision } from '../quotes/store';
import { recordTimelineEvent, type NewTimelineEvent } from '../timeline/store';

/** Drafts of the next revision in the database; the only module of revisions that talks to Drizzle. */

export type DraftRow = typeof quoteDrafts.$inferSelect;

export async function draftOf(db: Database, quoteId: string): Promise<DraftRow | null> {
  const rows = await db.select().from(quoteDrafts).where(eq(quoteDrafts.quoteId, quoteId)).limit(1);
  return rows[0] ?? null;
}

/** Writes the draft (a new one or over the last) with its timeline events. */
export async function writeDraft(tx: Database, row: DraftRow, events: NewTimelineEvent[]): Promise<void> {
  const { quoteId, ...rest } = row;
  await tx.insert(quoteDrafts).values(row).onConflictDoUpdate({ target: quoteDrafts.quoteId, set: rest });
  for (const event of events) await recordTimelineEvent(tx, event);
}

export async function setApproval(tx: Database, quoteId: string, decision: { approval: DraftApproval; decidedBy: string }, event: NewTimelineEvent): Promise<void> {
  await tx.update(quoteDrafts).set(decision).where(eq(quoteDrafts.quoteId, quoteId));
  await recordTimelineEvent(tx, event);
}

/**
 * The draft made the quote's next revision: the revision stored and shown, the quote marked sent,
 * the draft gone, the customer's mail queued and the events recorded, all in the caller's transaction.
 */
export async function storeSentRevision(
  tx: Database,
  sent: { quoteId: string; requestId: string; revision: SavedQuote['revision']; staffId: string; mail: MailMessage; events: NewTimelineEvent[] },
): Promise<void> {
  const { revision, mail } = sent;
  await insertRevision(tx, sent.quoteId, revision, sent.staffId);
  await tx.update(quotes).set({ status: 'sent', updatedAt: revision.pricedAt }).where(eq(quotes.id, sent.quoteId));
  await tx.delete(quoteDrafts).where(eq(quoteDrafts.quoteId, sent.quoteId));
  await tx.insert(outbox).values({ ...mail, replyTo: mail.replyTo ?? null, requestId: sent.requestId, createdAt: revision.pricedAt, nextAttemptAt: revision.pricedAt });
  for (const event of sent.events) await recordTimelineEvent(tx, event);
}
