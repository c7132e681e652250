import { and, asc, between, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { CrewHalfDay } from '~/domain/scheduling/capacity';
import type { Database } from '../db/client';
import { bookingUnits, bookings, requests } from '../db/schema';

/**
 * Bookings and the crew half-days they take; the only module of scheduling that talks to Drizzle.
 * A booking and all its units go in one transaction: the unique (crew, date, half) refuses the
 * second of two bookings that want the same half-day, whichever instance took it first.
 */

export type BookingRow = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

/** Releases every hold whose time passed: its units are freed and the booking is canceled. */
export async function releaseExpiredHolds(db: Database, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const expired = await tx
      .update(bookings)
      .set({ status: 'canceled', updatedAt: now })
      .where(and(eq(bookings.status, 'held'), lt(bookings.heldUntil, now)))
      .returning({ id: bookings.id });
    if (expired.length > 0) await tx.delete(bookingUnits).where(inArray(bookingUnits.bookingId, expired.map((b) => b.id)));
  });
}

export async function takenUnits(db: Database): Promise<CrewHalfDay[]> {
  return db.select({ crewId: bookingUnits.crewId, date: bookingUnits.date, half: bookingUnits.half }).from(bookingUnits);
}

/** The quote's booking that still stands (held or confirmed), if any. */
export async function activeBooking(db: Database, quoteId: string): Promise<BookingRow | null> {
  const rows = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.quoteId, quoteId), ne(bookings.status, 'canceled')))
    .orderBy(desc(bookings.createdAt))
    .limit(1);
  return rows[0] ?? null;
}

function isUnitTaken(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
}

/**
 * Takes the units for a new booking, or moves an existing one (`replaces`: its units are given up
 * and its sequence goes up) in one transaction; false when another booking holds one of the units.
 */
export async function storeBooking(db: Database, booking: NewBooking & { id: string }, units: CrewHalfDay[], replaces: string | null): Promise<boolean> {
  try {
    await db.transaction(async (tx) => {
      if (replaces) {
        await tx.delete(bookingUnits).where(eq(bookingUnits.bookingId, replaces));
        await tx.update(bookings).set({ crewId: booking.crewId, days: booking.days, window: booking.window, status: booking.status, heldUntil: booking.heldUntil, sequence: sql`${bookings.sequence} + 1`, updatedAt: sql`now()` }).where(eq(bookings.id, replaces));
      } else {
        await tx.insert(bookings).values(booking);
      }
      await tx.insert(bookingUnits).values(units.map((unit) => ({ ...unit, bookingId: replaces ?? booking.id })));
    });
    return true;
  } catch (error) {
    if (isUnitTaken(error)) return false;
    throw error;
  }
}

/** Confirms the quote's held booking (its deposit was paid); null when it had none held. */
export async function confirmHeld(db: Database, quoteId: string): Promise<BookingRow | null> {
  const [row] = await db
    .update(bookings)
    .set({ status: 'confirmed', heldUntil: null, updatedAt: sql`now()` })
    .where(and(eq(bookings.quoteId, quoteId), eq(bookings.status, 'held')))
    .returning();
  return row ?? null;
}

/** Cancels a booking and frees its units; the sequence goes up so calendars drop the invite. */
export async function cancelBookingRow(db: Database, id: string): Promise<BookingRow> {
  return db.transaction(async (tx) => {
    await tx.delete(bookingUnits).where(eq(bookingUnits.bookingId, id));
    const [row] = await tx.update(bookings).set({ status: 'canceled', heldUntil: null, sequence: sql`${bookings.sequence} + 1`, updatedAt: sql`now()` }).where(eq(bookings.id, id)).returning();
    return row!;
  });
}

export async function getBooking(db: Database, id: string): Promise<BookingRow | null> {
  const rows = await db.select().from(bookings).where(eq(bookings.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Confirmed bookings starting from `from` to `to` (YYYY-MM-DD) whose current date has had no reminder yet. */
export async function bookingsAwaitingReminder(db: Database, from: string, to: string): Promise<BookingRow[]> {
  const firstDay = sql`(${bookings.days}->>0)`;
  return db
    .select()
    .from(bookings)
    .where(and(eq(bookings.status, 'confirmed'), sql`${bookings.remindedSequence} is distinct from ${bookings.sequence}`, sql`${firstDay} >= ${from}`, sql`${firstDay} <= ${to}`));
}

/**
 * Claims the reminder of a booking as it was read (same sequence, still confirmed) for the caller's
 * transaction: the row is locked by the update, so of two instances claiming at once the second
 * finds it claimed once the first commits, and gets null; a rollback gives the claim back.
 */
export async function claimReminder(db: Database, booking: Pick<BookingRow, 'id' | 'sequence'>): Promise<BookingRow | null> {
  const [row] = await db
    .update(bookings)
    .set({ remindedSequence: booking.sequence })
    .where(and(eq(bookings.id, booking.id), eq(bookings.sequence, booking.sequence), eq(bookings.status, 'confirmed'), sql`${bookings.remindedSequence} is distinct from ${bookings.sequence}`))
    .returning();
  return row ?? null;
}

/** A crew half-day taken between two dates, with its booking and the request it is for (null for a quote without one). */
export interface CalendarUnit extends CrewHalfDay {
  bookingId: string;
  status: BookingRow['status'];
  heldUntil: Date | null;
  request: { reference: string; contactName: string; assignedTo: string | null } | null;
}

export async function bookedUnitsBetween(db: Database, from: string, to: string): Promise<CalendarUnit[]> {
  const rows = await db
    .select({
      crewId: bookingUnits.crewId,
      date: bookingUnits.date,
      half: bookingUnits.half,
      bookingId: bookings.id,
      status: bookings.status,
      heldUntil: bookings.heldUntil,
      reference: requests.reference,
      contactName: requests.contactName,
      assignedTo: requests.assignedTo,
    })
    .from(bookingUnits)
    .innerJoin(bookings, eq(bookings.id, bookingUnits.bookingId))
    .leftJoin(requests, eq(requests.quoteId, bookings.quoteId))
    .where(between(bookingUnits.date, from, to))
    .orderBy(asc(bookingUnits.date));
  return rows.map(({ reference, contactName, assignedTo, ...unit }) => ({ ...unit, request: reference && contactName ? { reference, contactName, assignedTo } : null }));
}
