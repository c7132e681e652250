import { addDays } from '../estimate/dates';
import { weekdays, type BookingSettings, type Weekday } from './booking-settings';

/** The installer's working calendar: which ISO dates (YYYY-MM-DD) a crew can work on. */

export function weekdayOf(iso: string): Weekday {
  return weekdays[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}

export function isWorkingDay(iso: string, booking: BookingSettings): boolean {
  return booking.workingDays.includes(weekdayOf(iso)) && !booking.closedDates.some((closed) => closed.date === iso);
}

/** The first day that may be booked: `minLeadWorkingDays` working days after today (today itself never counts). */
export function firstBookableDay(today: string, booking: BookingSettings): string {
  let day = addDays(today, 1);
  for (let lead = booking.minLeadWorkingDays; ; day = addDays(day, 1)) {
    if (!isWorkingDay(day, booking)) continue;
    if (lead === 0) return day;
    lead -= 1;
  }
}

/** The last day that may be booked. */
export function lastBookableDay(today: string, booking: BookingSettings): string {
  return addDays(today, booking.bookAheadDays);
}

/** `count` consecutive calendar days from `start`, all working days; null when a non-working day falls among them. */
export function consecutiveWorkingDays(start: string, count: number, booking: BookingSettings): string[] | null {
  const days = Array.from({ length: count }, (_, i) => addDays(start, i));
  return days.every((day) => isWorkingDay(day, booking)) ? days : null;
}

/** The longest run of consecutive working days the week allows: a longer job cannot be booked online. */
export function longestWorkingRun(booking: BookingSettings): number {
  if (booking.workingDays.length === weekdays.length) return Number.POSITIVE_INFINITY;
  let longest = 0;
  let run = 0;
  for (const day of [...weekdays, ...weekdays]) {
    run = booking.workingDays.includes(day) ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
