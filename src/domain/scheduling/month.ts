import { addDays } from '../estimate/dates';
import type { BookingSettings } from './booking-settings';
import { isWorkingDay } from './calendar';
import type { HalfDay } from './capacity';

/**
 * The staff calendar's month: its weeks (Sunday first, as US calendars are, padded with the days of the months around it)
 * and, for each day, which crew is booked when. A booking's units (crew half-days) are folded back
 * into one entry per booking and day: "morning", "afternoon" or the whole day.
 */

export const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface GridDay {
  date: string;
  inMonth: boolean;
  /** A working day that is not a closed date; otherwise why there is no work: "Closed: Thanksgiving" or null on a weekend. */
  working: boolean;
  closedReason: string | null;
}

/** The month `month` (YYYY-MM) as whole weeks, Sunday to Saturday. */
export function monthWeeks(month: string, booking: BookingSettings): GridDay[][] {
  const first = `${month}-01`;
  const sundayOffset = new Date(`${first}T00:00:00Z`).getUTCDay();
  const weeks: GridDay[][] = [];
  for (let start = addDays(first, -sundayOffset); start.slice(0, 7) <= month; start = addDays(start, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = addDays(start, i);
        return { date, inMonth: date.slice(0, 7) === month, working: isWorkingDay(date, booking), closedReason: booking.closedDates.find((closed) => closed.date === date)?.reason ?? null };
      }),
    );
  }
  return weeks;
}

/** The month before or after `month`. */
export function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export interface BookedUnit<B> {
  date: string;
  half: HalfDay;
  crewId: string;
  bookingId: string;
  /** What the calendar shows of the booking (its request, whether it is a hold). */
  booking: B;
}

export interface DayEntry<B> {
  crewId: string;
  part: HalfDay | 'day';
  booking: B;
}

/** Each day's entries, in the order of `crewOrder` and then morning before afternoon. */
export function entriesByDay<B>(units: readonly BookedUnit<B>[], crewOrder: readonly string[]): Map<string, DayEntry<B>[]> {
  const byKey = new Map<string, { unit: BookedUnit<B>; halves: Set<HalfDay> }>();
  for (const unit of units) {
    const key = `${unit.date}|${unit.bookingId}`;
    const found = byKey.get(key) ?? { unit, halves: new Set<HalfDay>() };
    found.halves.add(unit.half);
    byKey.set(key, found);
  }
  const days = new Map<string, DayEntry<B>[]>();
  for (const { unit, halves } of byKey.values()) {
    const part = halves.size === 2 ? 'day' : [...halves][0]!;
    days.set(unit.date, [...(days.get(unit.date) ?? []), { crewId: unit.crewId, part, booking: unit.booking }]);
  }
  const rank = (entry: DayEntry<B>) => {
    const crew = crewOrder.indexOf(entry.crewId);
    return (crew === -1 ? crewOrder.length : crew) * 3 + (entry.part === 'afternoon' ? 2 : entry.part === 'morning' ? 1 : 0);
  };
  for (const entries of days.values()) entries.sort((a, b) => rank(a) - rank(b));
  return days;
}
