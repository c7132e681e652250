import { z } from 'zod';

/**
 * How the installer's crews can be booked online (settings.booking). Dates are the installer's
 * calendar days (settings.timeZone); times are its wall-clock times.
 */

const isoDate = z.iso.date();
const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 08:00');

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

const window = z
  .object({
    /** When the crew arrives at the earliest, e.g. 08:00. */
    start: clockTime,
    /** When the work of the window ends, e.g. 12:00. */
    end: clockTime,
  })
  .refine((w) => w.start < w.end, { message: 'a window must end after it starts', path: ['end'] });

export const bookingSettingsSchema = z
  .object({
    /** The installation crews; each can do one job at a time. */
    crews: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]+$/, 'Use lowercase letters, digits and hyphens'),
          name: z.string().min(2).max(60),
          technicians: z.number().int().positive().max(12),
        }),
      )
      .min(1),
    /** Days of the week the crews work. */
    workingDays: z.array(z.enum(weekdays)).min(1),
    /** A working day is a morning and an afternoon: a job under half a day takes one of them. */
    windows: z.object({ morning: window, afternoon: window }),
    /** Holidays and blackout dates: no crew works on them. */
    closedDates: z.array(z.object({ date: isoDate, reason: z.string().min(2).max(80) })),
    /** Working days between today and the first bookable day, so parts can be ordered. */
    minLeadWorkingDays: z.number().int().min(0).max(60),
    /** How far ahead a customer can book, in calendar days from today. */
    bookAheadDays: z.number().int().min(7).max(365),
    /** Minutes a picked window is held while the customer pays the deposit. */
    holdMinutes: z.number().int().min(5).max(240),
    /** Hours before the start of a booking after which it can no longer be moved or canceled online. */
    changeDeadlineHours: z.number().int().min(0).max(336),
    /** Days before the installation that the reminder goes out. */
    reminderDaysBefore: z.number().int().min(0).max(14),
  })
  .superRefine((s, ctx) => {
    if (s.windows.morning.end > s.windows.afternoon.start) {
      ctx.addIssue({ code: 'custom', path: ['windows', 'afternoon', 'start'], message: 'the afternoon must start when the morning ends or later' });
    }
    const ids = new Set<string>();
    s.crews.forEach((crew, i) => {
      if (ids.has(crew.id)) ctx.addIssue({ code: 'custom', path: ['crews', i, 'id'], message: `two crews have the id "${crew.id}"` });
      ids.add(crew.id);
    });
  });

export type BookingSettings = z.infer<typeof bookingSettingsSchema>;
export type Crew = BookingSettings['crews'][number];
