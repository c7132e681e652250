import { addDays } from '../estimate/dates';
import type { BookingSettings, Crew } from './booking-settings';
import { consecutiveWorkingDays, firstBookableDay, isWorkingDay, lastBookableDay } from './calendar';

/**
 * Crew capacity. Each crew's working day is two halves, a morning and an afternoon; a job under
 * half a crew-day takes one half, a longer job takes whole consecutive working days. A half of one
 * crew's day is the unit the database keeps unique, so two bookings can never share it.
 */

export type HalfDay = 'morning' | 'afternoon';
export const halves: readonly HalfDay[] = ['morning', 'afternoon'];

/** One crew's morning or afternoon on one date. */
export interface CrewHalfDay {
  crewId: string;
  date: string;
  half: HalfDay;
}

export type JobLength = { kind: 'half-day' } | { kind: 'days'; days: number };

/** How long a crew needs for `personHours` of work (the high end of the accepted estimate). */
export function jobLength(personHours: number, crew: Crew, hoursPerDay: number): JobLength {
  const crewDays = personHours / (crew.technicians * hoursPerDay);
  if (crewDays <= 0.5) return { kind: 'half-day' };
  return { kind: 'days', days: Math.ceil(crewDays - 1e-9) };
}

/** A window a customer can pick: a morning or afternoon, or the first of several whole days. */
export interface Slot {
  crewId: string;
  /** The first day. */
  start: string;
  window: HalfDay | 'whole-days';
  /** Every day the crew is on site, in order. */
  days: string[];
}

export function unitsOf(slot: Slot): CrewHalfDay[] {
  const slotHalves = slot.window === 'whole-days' ? halves : [slot.window];
  return slot.days.flatMap((date) => slotHalves.map((half) => ({ crewId: slot.crewId, date, half })));
}

export const unitKey = (unit: CrewHalfDay): string => `${unit.crewId}|${unit.date}|${unit.half}`;

export interface OpenSlotsInput {
  /** The installer's today (settings.timeZone). */
  today: string;
  booking: BookingSettings;
  /** settings.crew.hoursPerDay: what a technician does in a day. */
  hoursPerDay: number;
  personHours: number;
  /** Halves already booked or held. */
  taken: Iterable<CrewHalfDay>;
}

function slotsFor(crew: Crew, start: string, input: OpenSlotsInput): Slot[] {
  const length = jobLength(input.personHours, crew, input.hoursPerDay);
  if (length.kind === 'half-day') {
    return isWorkingDay(start, input.booking) ? halves.map((half) => ({ crewId: crew.id, start, window: half, days: [start] })) : [];
  }
  const days = consecutiveWorkingDays(start, length.days, input.booking);
  if (!days || days.at(-1)! > lastBookableDay(input.today, input.booking)) return [];
  return [{ crewId: crew.id, start, window: 'whole-days', days }];
}

/**
 * Every window with room, from the first bookable day to the last, earliest first: for each day and
 * window the first crew (in settings order) that is free for the whole job.
 */
export function openSlots(input: OpenSlotsInput): Slot[] {
  const taken = new Set([...input.taken].map(unitKey));
  const free = (slot: Slot) => unitsOf(slot).every((unit) => !taken.has(unitKey(unit)));
  const open: Slot[] = [];
  const last = lastBookableDay(input.today, input.booking);
  for (let day = firstBookableDay(input.today, input.booking); day <= last; day = addDays(day, 1)) {
    const windowsFilled = new Set<Slot['window']>();
    for (const crew of input.booking.crews) {
      for (const slot of slotsFor(crew, day, input)) {
        if (windowsFilled.has(slot.window) || !free(slot)) continue;
        windowsFilled.add(slot.window);
        open.push(slot);
      }
    }
  }
  return open;
}

/** Whether a slot the customer picked (perhaps in another tab, minutes ago) is still open now. */
export function isOpen(slot: Pick<Slot, 'start' | 'window'>, input: OpenSlotsInput): Slot | null {
  return openSlots(input).find((open) => open.start === slot.start && open.window === slot.window) ?? null;
}
