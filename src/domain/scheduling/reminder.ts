import { addDays } from '../estimate/dates';
import { zonedInstant } from './zoned-time';

/**
 * When the reminder before an installation goes out: `daysBefore` calendar days before its first day
 * in the installer's calendar, at the wall-clock time the crew arrives (settings.booking). Counted in
 * calendar days, not in 24-hour steps, so a change to or from daylight saving time in between never
 * moves it to another hour, and the day is the installer's, whatever the server's zone.
 */

export interface ReminderTerms {
  /** The booking's first day on site, YYYY-MM-DD in the installer's calendar. */
  firstDay: string;
  /** When the crew arrives that day, HH:MM. */
  arrival: string;
  daysBefore: number;
  timeZone: string;
}

export function reminderDueAt(terms: ReminderTerms): number {
  return zonedInstant(addDays(terms.firstDay, -terms.daysBefore), terms.arrival, terms.timeZone);
}

/**
 * Whether the reminder should go now: from its due time until the crew arrives. A booking made or
 * moved after the due time gets none: its confirmation, just sent, says the same.
 */
export function reminderDueNow(terms: ReminderTerms, bookedAt: Date, now: Date): boolean {
  const due = reminderDueAt(terms);
  const starts = zonedInstant(terms.firstDay, terms.arrival, terms.timeZone);
  return bookedAt.getTime() < due && due <= now.getTime() && now.getTime() < starts;
}
