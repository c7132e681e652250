import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Transporter } from 'nodemailer';
import type { Settings } from '~/domain/settings/settings';
import type { Database } from '../db/client';
import { outbox } from '../db/schema';
import { logger } from '../ops/log';

/**
 * Delivers the outbox: rows the request transaction wrote, sent after it committed. Each run claims a
 * batch of due rows by setting `locked_until` (FOR UPDATE SKIP LOCKED, so several server instances
 * never claim the same row), sends them, and records the outcome: sent, logged (no mail server set
 * up: the message stays in the outbox and the log says so, by id and kind), or pending again with the error and a later
 * retry time; after the settings' `outbox.maxAttempts` tries it becomes a dead letter (`dead`), kept
 * with its last error until staff retry it (dead-letters.ts) or the retention purge deletes it.
 */

export type RetryPolicy = Settings['outbox'];

/** 1, 2, 4 … times the base between tries, at most `maxDelayMultiple` times the base. */
function retryDelayMs(attempts: number, baseMs: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMultiple, 2 ** Math.max(0, attempts - 1)) * baseMs;
}

export interface DeliveryReport {
  sent: number;
  logged: number;
  retrying: number;
  deadLettered: number;
}

export interface DeliveryOptions {
  transport: Transporter | null;
  from: string;
  now?: Date;
  batchSize?: number;
  /** Told of each message kept in the outbox instead of sent (no mail server); the server log by default. */
  log?: (entry: { messageId: number; kind: string }) => void;
  /** The first retry's delay (OUTBOX_RETRY_SECONDS); later ones double. */
  retryBaseMs: number;
  /** How long a run holds the rows it claimed (OUTBOX_CLAIM_SECONDS): a row whose instance died mid-send is picked up again after it. */
  claimMs: number;
  policy: RetryPolicy;
}

type OutboxRow = typeof outbox.$inferSelect;

/** Due rows nobody holds, oldest first, locked so that another instance's run skips them. */
function dueRows(db: Database, now: Date, batchSize: number) {
  return db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now), or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now))))
    .orderBy(asc(outbox.id))
    .limit(batchSize)
    .for('update', { skipLocked: true });
}

/** RETURNING follows no order: the rows oldest first, as they were queued. */
const oldestFirst = <Row extends { id: number }>(rows: Row[]): Row[] => rows.sort((a, b) => a.id - b.id);

async function claimDue(db: Database, now: Date, batchSize: number, claimMs: number): Promise<OutboxRow[]> {
  return oldestFirst(
    await db
      .update(outbox)
      .set({ lockedUntil: new Date(now.getTime() + claimMs) })
      .where(inArray(outbox.id, dueRows(db, now, batchSize)))
      .returning(),
  );
}

/** With no mail server, due rows are recorded as kept in one statement, which answers only what the log may say of them. */
async function keepDue(db: Database, now: Date, batchSize: number): Promise<{ id: number; kind: OutboxRow['kind'] }[]> {
  return oldestFirst(
    await db
      .update(outbox)
      .set({ status: 'logged', attempts: sql`${outbox.attempts} + 1`, lockedUntil: null, sentAt: now })
      .where(inArray(outbox.id, dueRows(db, now, batchSize)))
      .returning({ id: outbox.id, kind: outbox.kind }),
  );
}

/**
 * What the log says of a message (kept instead of sent, refused, given up on): its id and kind only.
 * The outbox row keeps the message itself; the log must not copy names, addresses or what was asked.
 */
export function loggedMessage(row: Pick<OutboxRow, 'id' | 'kind'>): { messageId: number; kind: string } {
  return { messageId: row.id, kind: row.kind };
}

/** A mail server's refusal may quote the recipient ("550 <ada@example.com>: no such user"): not in logs or lists. */
export function withoutAddresses(message: string): string {
  return message.replace(/[^\s<>@"']+@[^\s<>@"']+/g, '[address]');
}

/** Delivers every due row once; returns what happened. Safe to run from several instances at once. */
export async function deliverDue(db: Database, options: DeliveryOptions): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const log = options.log ?? ((entry) => logger().info(entry, 'SMTP_URL is not set: message kept in the outbox, not sent'));
  const report: DeliveryReport = { sent: 0, logged: 0, retrying: 0, deadLettered: 0 };
  const { maxAttempts } = options.policy;
  const { transport } = options;
  if (!transport) {
    const kept = await keepDue(db, now, options.batchSize ?? 20);
    for (const row of kept) log(loggedMessage(row));
    report.logged = kept.length;
    return report;
  }
  const rows = await claimDue(db, now, options.batchSize ?? 20, options.claimMs);
  // One at a time over the pooled transport's open connection: a crash between the mail server's
  // answer and the row's update can then resend at most the one message in flight.
  const deliver = async (row: OutboxRow): Promise<void> => {
    const attempts = row.attempts + 1;
    try {
      await transport.sendMail({
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
      const dead = attempts >= maxAttempts;
      await db
        .update(outbox)
        .set({
          status: dead ? 'dead' : 'pending',
          attempts,
          lastError: message.slice(0, 2000),
          lockedUntil: null,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts, options.retryBaseMs, options.policy)),
          deadAt: dead ? now : null,
        })
        .where(eq(outbox.id, row.id));
      logger().error(loggedMessage(row), `message not sent (attempt ${attempts} of ${maxAttempts}): ${withoutAddresses(message)}`);
      if (dead) {
        logger().warn(loggedMessage(row), `message moved to the dead letters after ${attempts} attempts; \`npm run outbox -- retry ${row.id}\` sends it again`);
        report.deadLettered++;
      } else report.retrying++;
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
