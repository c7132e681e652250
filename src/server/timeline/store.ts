import { asc, eq, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rowsOf, type TableRows } from '../db/one-statement';
import { newRowId } from '../db/row-id';
import { timelineEvents } from '../db/schema';

/**
 * The timeline of a request and its quote: every context records what happened here (requests,
 * quotes, staff, payments, scheduling) and the staff portal reads it back. Record it in the same
 * transaction as the change it tells of, so the two never disagree.
 */

export const timelineKinds = [
  'request.submitted',
  'request.started',
  'request.assigned',
  'request.note',
  'request.contacted',
  'request.lost',
  'request.reopened',
  'request.moved',
  'quote.revised',
  'quote.approval_requested',
  'quote.approved',
  'quote.approval_refused',
  'quote.sent',
  'quote.viewed',
  'quote.changes_requested',
  'quote.accepted',
  'quote.declined',
  'quote.price_update_requested',
  'mail.sent',
  'deposit.checkout_started',
  'deposit.paid',
  'deposit.failed',
  'deposit.refunded',
  'deposit.recorded_offline',
  'booking.held',
  'booking.confirmed',
  'booking.rescheduled',
  'booking.canceled',
  'booking.reminded',
  'job.installed',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export type TimelineEvent = typeof timelineEvents.$inferSelect;

export interface NewTimelineEvent {
  kind: TimelineKind;
  actor: TimelineEvent['actor'];
  quoteId?: string | null;
  requestId?: string | null;
  staffId?: string | null;
  detail?: Record<string, unknown>;
  at?: Date;
}

export async function recordTimelineEvent(db: Database, event: NewTimelineEvent): Promise<void> {
  await db.insert(timelineEvents).values(timelineRow(event));
}

function timelineRow(event: NewTimelineEvent): typeof timelineEvents.$inferInsert {
  return {
    id: newRowId(),
    kind: event.kind,
    actor: event.actor,
    quoteId: event.quoteId ?? null,
    requestId: event.requestId ?? null,
    staffId: event.staffId ?? null,
    detail: event.detail ?? {},
    ...(event.at ? { createdAt: event.at } : {}),
  };
}

/** The rows of several events, for a caller that inserts them with others (one-statement.ts). */
export const timelineRows = (events: NewTimelineEvent[]): TableRows => rowsOf(timelineEvents, events.map(timelineRow));

/** A request's and its quote's events, oldest first. */
export async function timelineOf(db: Database, subject: { quoteId?: string | null; requestId?: string | null }): Promise<TimelineEvent[]> {
  const conditions = [subject.quoteId ? eq(timelineEvents.quoteId, subject.quoteId) : undefined, subject.requestId ? eq(timelineEvents.requestId, subject.requestId) : undefined].filter((c) => c !== undefined);
  if (conditions.length === 0) return [];
  return db.select().from(timelineEvents).where(or(...conditions)).orderBy(asc(timelineEvents.createdAt), asc(timelineEvents.id));
}
