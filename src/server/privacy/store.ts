import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { outbox, quotes, requests, shortLinks } from '../db/schema';

/** Deleting what is past its retention period, in one transaction. */

export interface RetentionCutoffs {
  /** Requests (their outbox rows go with them), quotes and short links made before this are deleted. */
  requestsBefore: Date;
  /** Mail copies sent (or logged) before this are deleted. */
  mailBefore: Date;
  /** Dead letters (mail given up on) that became one before this are deleted. */
  deadLettersBefore: Date;
}

export interface RetentionReport {
  requests: number;
  quotes: number;
  messages: number;
  shortLinks: number;
}

/** Any number like this one: instances ask PostgreSQL for the same lock, so one of them purges at a time. */
const RETENTION_LOCK = 7_404_211_002;

/**
 * Deletes every row past its period; null when another instance holds the lock (it is doing the
 * same work). The lock is the transaction's: it goes when the transaction ends, even on a crash.
 */
export async function deleteExpired(db: Database, cutoffs: RetentionCutoffs): Promise<RetentionReport | null> {
  return db.transaction(async (tx) => {
    // Both drivers answer with `rows`; their result types differ, so it is read as that shape.
    const result = (await tx.execute(sql`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as locked`)) as unknown as { rows: { locked: boolean }[] };
    if (!result.rows[0]?.locked) return null;
    // Requests first: their outbox rows cascade, and the quotes they point at are deleted next.
    const deletedRequests = await tx.delete(requests).where(lt(requests.createdAt, cutoffs.requestsBefore)).returning({ id: requests.id });
    const deletedQuotes = await tx.delete(quotes).where(lt(quotes.createdAt, cutoffs.requestsBefore)).returning({ id: quotes.id });
    const deletedMessages = await tx
      .delete(outbox)
      .where(
        or(
          and(inArray(outbox.status, ['sent', 'logged']), lt(outbox.sentAt, cutoffs.mailBefore)),
          and(eq(outbox.status, 'dead'), lt(outbox.deadAt, cutoffs.deadLettersBefore)),
        ),
      )
      .returning({ id: outbox.id });
    const deletedLinks = await tx.delete(shortLinks).where(lt(shortLinks.createdAt, cutoffs.requestsBefore)).returning({ id: shortLinks.id });
    return { requests: deletedRequests.length, quotes: deletedQuotes.length, messages: deletedMessages.length, shortLinks: deletedLinks.length };
  });
}
