import { and, desc, eq, sql } from 'drizzle-orm';
import type { DepositStatus } from '~/domain/acceptance/deposit-status';
import type { Database } from '../db/client';
import { deposits, stripeEvents } from '../db/schema';

/** Deposits and the Stripe events that moved them; the only module of payments that talks to Drizzle. */

export type DepositRow = typeof deposits.$inferSelect;
export type NewDeposit = typeof deposits.$inferInsert;

export async function latestDeposit(db: Database, quoteId: string, revision: number): Promise<DepositRow | null> {
  const rows = await db
    .select()
    .from(deposits)
    .where(and(eq(deposits.quoteId, quoteId), eq(deposits.revision, revision)))
    .orderBy(desc(deposits.attempt))
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts a deposit; false when another request made the same attempt first (two tabs, a double click). */
export async function insertDeposit(db: Database, deposit: NewDeposit): Promise<boolean> {
  const inserted = await db.insert(deposits).values(deposit).onConflictDoNothing().returning({ id: deposits.id });
  return inserted.length > 0;
}

/** Inserts a deposit already paid (taken offline) and its follow-up in one transaction; null when the attempt was taken first. */
export async function insertPaidDeposit(db: Database, deposit: NewDeposit & { id: string }, onPaid: OnPaid = noFollowUp): Promise<DepositRow | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(deposits).values(deposit).onConflictDoNothing().returning();
    if (row) await onPaid(tx, row);
    return row ?? null;
  });
}

export interface DepositChange {
  before: DepositRow;
  after: DepositRow;
}

export interface EventEffect {
  sessionId: string;
  next: (current: DepositRow) => Partial<Pick<DepositRow, 'status' | 'paymentIntentId' | 'paidAt' | 'refundedCents'>>;
}

/** What else a deposit's becoming paid writes, in the same transaction (the customer's receipt). */
export type OnPaid = (tx: Database, deposit: DepositRow) => Promise<void>;
const noFollowUp: OnPaid = async () => {};

/**
 * Takes an event in once: its id is stored and the deposit it is about changed in one transaction,
 * so a replay finds the id and changes nothing, and a crash between the two loses neither (Stripe
 * sends the event again). Returns the deposit before and after, or null for a replay or an event
 * about no deposit of ours. `within` runs in the same transaction with the change (the pipeline's move).
 */
export async function applyEvent(
  db: Database,
  event: { id: string; type: string; objectId: string | null },
  effect: EventEffect | null,
  onPaid: OnPaid = noFollowUp,
): Promise<DepositChange | null> {
  return db.transaction(async (tx) => {
    const fresh = await tx.insert(stripeEvents).values(event).onConflictDoNothing().returning({ id: stripeEvents.id });
    if (fresh.length === 0 || !effect) return null;
    const [before] = await tx.select().from(deposits).where(eq(deposits.checkoutSessionId, effect.sessionId)).for('update');
    if (!before) return null;
    const [after] = await tx
      .update(deposits)
      .set({ ...effect.next(before), updatedAt: sql`now()` })
      .where(eq(deposits.id, before.id))
      .returning();
    if (before.status !== 'paid' && after!.status === 'paid') await onPaid(tx, after!);
    return { before, after: after! };
  });
}

export async function setDepositStatus(db: Database, id: string, status: DepositStatus): Promise<void> {
  await db.update(deposits).set({ status, updatedAt: sql`now()` }).where(eq(deposits.id, id));
}

/** Every deposit of a quote, newest first: the request page lists them. */
export async function depositsOf(db: Database, quoteId: string): Promise<DepositRow[]> {
  return db.select().from(deposits).where(eq(deposits.quoteId, quoteId)).orderBy(desc(deposits.createdAt), desc(deposits.attempt));
}

export async function getDeposit(db: Database, id: string): Promise<DepositRow | null> {
  const rows = await db.select().from(deposits).where(eq(deposits.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Adds a refund to a deposit; a refund of the whole amount marks it refunded. */
export async function addRefund(db: Database, id: string, amountCents: number, staffId: string | null): Promise<DepositRow> {
  const [row] = await db
    .update(deposits)
    .set({
      refundedCents: sql`${deposits.refundedCents} + ${amountCents}`,
      status: sql`case when ${deposits.refundedCents} + ${amountCents} >= ${deposits.amountCents} then 'refunded' else ${deposits.status} end`,
      recordedBy: staffId,
      updatedAt: sql`now()`,
    })
    .where(eq(deposits.id, id))
    .returning();
  return row!;
}
