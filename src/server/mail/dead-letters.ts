import { and, asc, count, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { outbox } from '../db/schema';
import { withoutAddresses } from './outbox';

/**
 * Dead letters: messages the outbox gave up on after the settings' `outbox.maxAttempts` tries. They
 * stay in the outbox, never tried again on their own, until staff send them again (`retry`) or the
 * retention purge deletes them `privacy.deadLetterRetentionDays` after their last try.
 */

export interface DeadLetter {
  id: number;
  kind: string;
  attempts: number;
  deadAt: Date | null;
  createdAt: Date;
  /** The mail server's last answer, without addresses: enough to see why, nothing of the customer. */
  lastError: string;
}

export async function countDeadLetters(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'dead'));
  return row?.n ?? 0;
}

export async function listDeadLetters(db: Database): Promise<DeadLetter[]> {
  const rows = await db
    .select({ id: outbox.id, kind: outbox.kind, attempts: outbox.attempts, deadAt: outbox.deadAt, createdAt: outbox.createdAt, lastError: outbox.lastError })
    .from(outbox)
    .where(eq(outbox.status, 'dead'))
    .orderBy(asc(outbox.id));
  return rows.map((row) => ({ ...row, lastError: withoutAddresses(row.lastError ?? '') }));
}

/**
 * Puts a dead letter back in the queue, due now, with a fresh count of tries; false when `id` is
 * not a dead letter (unknown, already retried, or sent). Only a dead row changes, so two staff
 * retrying the same message at once queue it once.
 */
export async function retryDeadLetter(db: Database, id: number, now = new Date()): Promise<boolean> {
  const updated = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, deadAt: null, lockedUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'dead')))
    .returning({ id: outbox.id });
  return updated.length === 1;
}
