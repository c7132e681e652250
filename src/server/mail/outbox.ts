import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/client';
import { outbox } from '../db/schema';

/**
 * Delivers the outbox: rows the request transaction wrote, sent after it committed. Each run claims a
 * batch of due rows by setting `locked_until` (FOR UPDATE SKIP LOCKED, so several server instances
 * never claim the same row), sends them, and records the outcome: sent, logged (no mail server set
 * up: the message is printed to the server log instead), or pending again with the error and a later
 * retry time; after MAX_ATTEMPTS it is left as failed, with its last error, for a person to look at.
 */

export const MAX_ATTEMPTS = 10;
/** A claim expires, so a row whose instance died mid-send is picked up again. */
const CLAIM_MS = 2 * 60_000;

/** 1, 2, 4 … times the base (a minute) between tries, at most 60 times the base. */
export function retryDelayMs(attempts: number, baseMs = 60_000): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * baseMs;
}

export interface DeliveryReport {
  sent: number;
  logged: number;
  retrying: number;
  failed: number;
}

export interface DeliveryOptions {
  transport: Transporter | null;
  from: string;
  now?: Date;
  batchSize?: number;
  /** Where logged messages go; the server log by default. */
  log?: (line: string) => void;
  /** The first retry's delay; later ones double. */
  retryBaseMs?: number;
}

type OutboxRow = typeof outbox.$inferSelect;

async function claimDue(db: Database, now: Date, batchSize: number): Promise<OutboxRow[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now))))
    .orderBy(asc(outbox.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ lockedUntil: new Date(now.getTime() + CLAIM_MS) })
    .where(inArray(outbox.id, due))
    .returning();
}

export function logLine(row: Pick<OutboxRow, 'id' | 'to' | 'replyTo' | 'subject' | 'text'>): string {
  const replyTo = row.replyTo ? `\nReply-To: ${row.replyTo}` : '';
  return `[mail] SMTP_URL is not set: message #${row.id} logged instead of sent\nTo: ${row.to}${replyTo}\nSubject: ${row.subject}\n\n${row.text}`;
}

/** Delivers every due row once; returns what happened. Safe to run from several instances at once. */
export async function deliverDue(db: Database, options: DeliveryOptions): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const log = options.log ?? ((line: string) => console.info(line));
  const report: DeliveryReport = { sent: 0, logged: 0, retrying: 0, failed: 0 };
  const rows = await claimDue(db, now, options.batchSize ?? 20);
  // The rows of a batch go out together: a pooled transport keeps a few connections open and queues the rest.
  const deliver = async (row: OutboxRow): Promise<void> => {
    const attempts = row.attempts + 1;
    if (!options.transport) {
      log(logLine(row));
      await db.update(outbox).set({ status: 'logged', attempts, lockedUntil: null, sentAt: now }).where(eq(outbox.id, row.id));
      report.logged++;
      return;
    }
    try {
      await options.transport.sendMail({
        from: options.from,
        to: row.to,
        replyTo: row.replyTo ?? undefined,
        subject: row.subject,
        text: row.text,
        html: row.html,
        attachments: row.attachments,
        // A stable Message-ID lets a receiving server drop a copy if a crash made us send twice.
        messageId: `<outbox-${row.id}-${row.createdAt.getTime()}@${options.from.replace(/^.*@|>.*$/g, '') || 'localhost'}>`,
      });
      await db.update(outbox).set({ status: 'sent', attempts, lockedUntil: null, sentAt: new Date(), lastError: null }).where(eq(outbox.id, row.id));
      report.sent++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const failed = attempts >= MAX_ATTEMPTS;
      await db
        .update(outbox)
        .set({
          status: failed ? 'failed' : 'pending',
          attempts,
          lastError: message.slice(0, 2000),
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, options.retryBaseMs)),
        })
        .where(eq(outbox.id, row.id));
      console.error(`[mail] message #${row.id} to ${row.to} not sent (attempt ${attempts} of ${MAX_ATTEMPTS}): ${message}`);
      if (failed) report.failed++;
      else report.retrying++;
    }
    };
  await Promise.all(rows.map(deliver));
  return report;
}

/** Counts rows by status: for the health of the outbox and for tests. */
export async function outboxCounts(db: Database): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: outbox.status, count: sql<number>`count(*)::int` })
    .from(outbox)
    .groupBy(outbox.status);
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.count)]));
}
