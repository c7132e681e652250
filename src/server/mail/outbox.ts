import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Database } from '../db/client';
import { outbox } from '../db/schema';
import { logger } from '../ops/log';

/**
 * Delivers the outbox: rows the request transaction wrote, sent after it committed. Each run claims a
 * batch of due rows by setting `locked_until` (FOR UPDATE SKIP LOCKED, so several server instances
 * never claim the same row), sends them, and records the outcome: sent, logged (no mail server set
 * up: the message stays in the outbox and the log says so, by id and kind), or pending again with the error and a later
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
  /** Told of each message kept in the outbox instead of sent (no mail server); the server log by default. */
  log?: (entry: { messageId: number; kind: string }) => void;
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

/**
 * What the log says of a message kept instead of sent (SMTP_URL unset): its id and kind only. The
 * outbox row keeps the message itself; the log must not copy names, addresses or what was asked.
 */
export function loggedMessage(row: Pick<OutboxRow, 'id' | 'kind'>): { messageId: number; kind: string } {
  return { messageId: row.id, kind: row.kind };
}

/** Delivers every due row once; returns what happened. Safe to run from several instances at once. */
export async function deliverDue(db: Database, options: DeliveryOptions): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const log = options.log ?? ((entry) => logger().info(entry, 'SMTP_URL is not set: message kept in the outbox, not sent'));
  const report: DeliveryReport = { sent: 0, logged: 0, retrying: 0, failed: 0 };
  const rows = await claimDue(db, now, options.batchSize ?? 20);
  // One at a time over the pooled transport's open connection: a crash between the mail server's
  // answer and the row's update can then resend at most the one message in flight.
  const deliver = async (row: OutboxRow): Promise<void> => {
    const attempts = row.attempts + 1;
    if (!options.transport) {
      log(loggedMessage(row));
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
      // A mail server's refusal may quote the recipient ("550 <ada@example.com>: no such user"): not in the log.
      const logged = message.replace(/[^\s<>@"']+@[^\s<>@"']+/g, '[address]');
      logger().error({ messageId: row.id, kind: row.kind }, `message not sent (attempt ${attempts} of ${MAX_ATTEMPTS}): ${logged}`);
      if (failed) report.failed++;
      else report.retrying++;
    }
    };
  for (const row of rows) await deliver(row);
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
