import * as z from 'zod';
import { entriesByDay, monthPattern, monthWeeks, shiftMonth, type DayEntry, type GridDay } from '~/domain/scheduling/month';
import type { Settings } from '~/domain/settings/settings';
import { installerToday } from '~/domain/settings/today';
import { can } from '~/domain/staff/roles';
import type { Database } from '../db/client';
import type { StaffUser } from '../staff/sessions';
import { bookedUnitsBetween, releaseExpiredHolds, type CalendarUnit } from './store';

/**
 * The staff calendar (/staff/calendar): a month of crew bookings, confirmed ones apart from holds
 * still waiting for their deposit, each linked to its request. The month and the crew come from the
 * address (GET, so a month can be bookmarked); a value that cannot be read falls back to this month
 * and every crew. A sales user sees that a crew is booked on another person's request, not whose.
 */

export const calendarQuerySchema = z.object({
  /** YYYY-MM; this month in the installer's time zone when absent. */
  month: z.string().regex(monthPattern).optional().catch(undefined),
  /** One crew's id; every crew when absent. */
  crew: z.string().max(60).optional().catch(undefined),
});

export interface CalendarBooking {
  held: boolean;
  heldUntil: Date | null;
  /** The request, when the person may open it; null for a quote without one or another person's request. */
  request: { reference: string; contactName: string } | null;
}

export interface CalendarMonth {
  month: string;
  previous: string;
  next: string;
  today: string;
  crew: string | undefined;
  weeks: GridDay[][];
  days: Map<string, DayEntry<CalendarBooking>[]>;
}

function shown(unit: CalendarUnit, user: StaffUser): CalendarBooking {
  const mine = unit.request && (can(user.role, 'viewAllRequests') || unit.request.assignedTo === null || unit.request.assignedTo === user.id);
  return { held: unit.status === 'held', heldUntil: unit.heldUntil, request: mine && unit.request ? { reference: unit.request.reference, contactName: unit.request.contactName } : null };
}

export async function calendarMonth(db: Database, settings: Settings, user: StaffUser, params: URLSearchParams, now = new Date()): Promise<CalendarMonth> {
  const query = calendarQuerySchema.parse(Object.fromEntries(params.entries()));
  const today = installerToday(settings, now);
  const month = query.month ?? today.slice(0, 7);
  const crew = settings.booking.crews.some((c) => c.id === query.crew) ? query.crew : undefined;
  const weeks = monthWeeks(month, settings.booking);
  // Reading the calendar releases holds whose time passed, as the customer's booking form does.
  await releaseExpiredHolds(db, now);
  const units = (await bookedUnitsBetween(db, weeks[0]![0]!.date, weeks.at(-1)!.at(-1)!.date)).filter((unit) => crew === undefined || unit.crewId === crew);
  const days = entriesByDay(
    units.map((unit) => ({ ...unit, booking: shown(unit, user) })),
    settings.booking.crews.map((c) => c.id),
  );
  return { month, previous: shiftMonth(month, -1), next: shiftMonth(month, 1), today, crew, weeks, days };
}

export function calendarHref(month: string, crew: string | undefined): string {
  const params = new URLSearchParams({ month, ...(crew ? { crew } : {}) });
  return `/staff/calendar?${params}`;
}
