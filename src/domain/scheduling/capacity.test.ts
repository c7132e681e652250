import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../estimate/dates';
import { fixtureBooking, fixtureSettings } from '../fixtures';
import type { BookingSettings } from './booking-settings';
import { consecutiveWorkingDays, firstBookableDay, isWorkingDay, lastBookableDay } from './calendar';
import { halves, jobLength, openSlots, unitKey, unitsOf, type CrewHalfDay, type OpenSlotsInput } from './capacity';

const hoursPerDay = fixtureSettings.crew.hoursPerDay;
const today = '2026-12-04'; // a Friday

function input(personHours: number, taken: CrewHalfDay[] = [], booking: BookingSettings = fixtureBooking): OpenSlotsInput {
  return { today, booking, hoursPerDay, personHours, taken };
}

const weeks = fc.subarray(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const, { minLength: 1 });
const bookingArbitrary = fc.record({ workingDays: weeks, lead: fc.integer({ min: 0, max: 5 }), ahead: fc.integer({ min: 14, max: 40 }) }).map(
  ({ workingDays, lead, ahead }): BookingSettings => ({ ...fixtureBooking, workingDays, minLeadWorkingDays: lead, bookAheadDays: ahead }),
);
const hours = fc.double({ min: 0.5, max: 80, noNaN: true });

describe('job length', () => {
  it('takes a morning or afternoon up to half a crew-day, then whole days', () => {
    const crew = fixtureBooking.crews[0]!; // 2 technicians: 16 person-hours a day
    expect(jobLength(8, crew, hoursPerDay)).toEqual({ kind: 'half-day' });
    expect(jobLength(8.25, crew, hoursPerDay)).toEqual({ kind: 'days', days: 1 });
    expect(jobLength(16, crew, hoursPerDay)).toEqual({ kind: 'days', days: 1 });
    expect(jobLength(17, crew, hoursPerDay)).toEqual({ kind: 'days', days: 2 });
  });
});

describe('the working calendar', () => {
  it('leaves the lead time in working days, skipping weekends and holidays', () => {
    // Friday: Monday and Tuesday are the two lead days, Wednesday the first bookable day.
    expect(firstBookableDay('2026-12-04', fixtureBooking)).toBe('2026-12-09');
    // Christmas Day is closed, so from Tuesday the 22nd the lead days are the 23rd and the 24th, then the 28th.
    expect(firstBookableDay('2026-12-22', { ...fixtureBooking, minLeadWorkingDays: 2 })).toBe('2026-12-28');
    expect(isWorkingDay('2026-12-25', fixtureBooking)).toBe(false);
  });
});

describe('open slots', () => {
  it('offers a morning and an afternoon for a short job and whole days for a long one', () => {
    const short = openSlots(input(4));
    expect(short.slice(0, 2).map((s) => [s.start, s.window, s.crewId])).toEqual([
      ['2026-12-09', 'morning', 'crew-a'],
      ['2026-12-09', 'afternoon', 'crew-a'],
    ]);
    const long = openSlots(input(40)); // crew A: 3 days, crew B (24 h a day): 2 days
    expect(long[0]).toEqual({ crewId: 'crew-a', start: '2026-12-09', window: 'whole-days', days: ['2026-12-09', '2026-12-10', '2026-12-11'] });
  });

  it('moves to the next crew, then the next day, as halves fill up', () => {
    const taken = halves.map((half) => ({ crewId: 'crew-a', date: '2026-12-09', half }));
    expect(openSlots(input(4, taken))[0]).toMatchObject({ crewId: 'crew-b', start: '2026-12-09', window: 'morning' });
    const both = [...taken, ...halves.map((half) => ({ crewId: 'crew-b', date: '2026-12-09', half }))];
    expect(openSlots(input(4, both))[0]).toMatchObject({ start: '2026-12-10' });
  });

  it('never books a half twice, however many jobs of any length are booked one after another', () => {
    fc.assert(
      fc.property(bookingArbitrary, fc.array(fc.tuple(hours, fc.nat()), { minLength: 1, maxLength: 40 }), (booking, jobs) => {
        const taken: CrewHalfDay[] = [];
        for (const [personHours, pick] of jobs) {
          const open = openSlots(input(personHours, taken, booking));
          if (open.length === 0) continue;
          taken.push(...unitsOf(open[pick % open.length]!));
        }
        expect(new Set(taken.map(unitKey)).size).toBe(taken.length);
        const [first, last] = [firstBookableDay(today, booking), lastBookableDay(today, booking)];
        for (const unit of taken) {
          expect(isWorkingDay(unit.date, booking)).toBe(true);
          expect(unit.date >= first && unit.date <= last).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never splits a job over a non-working day, and gives each crew the days its size needs', () => {
    fc.assert(
      fc.property(bookingArbitrary, hours, (booking, personHours) => {
        for (const slot of openSlots(input(personHours, [], booking))) {
          const crew = booking.crews.find((c) => c.id === slot.crewId)!;
          const length = jobLength(personHours, crew, hoursPerDay);
          expect(slot.days.length).toBe(length.kind === 'half-day' ? 1 : length.days);
          expect(slot.window === 'whole-days').toBe(length.kind === 'days');
          slot.days.forEach((day, i) => {
            expect(isWorkingDay(day, booking)).toBe(true);
            if (i > 0) expect(day).toBe(addDays(slot.days[i - 1]!, 1));
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('offers every day and window where some crew is free for the whole job', () => {
    fc.assert(
      fc.property(
        hours,
        fc.array(fc.record({ crew: fc.constantFrom('crew-a', 'crew-b'), day: fc.integer({ min: 0, max: 30 }), half: fc.constantFrom(...halves) }), { maxLength: 60 }),
        (personHours, picks) => {
          const taken = picks.map((p) => ({ crewId: p.crew, date: addDays('2026-12-09', p.day), half: p.half }));
          const takenKeys = new Set(taken.map(unitKey));
          const open = openSlots(input(personHours, taken));
          const offered = new Set(open.map((s) => `${s.start}|${s.window}`));
          for (const slot of open) expect(unitsOf(slot).some((u) => takenKeys.has(unitKey(u)))).toBe(false);
          const last = lastBookableDay(today, fixtureBooking);
          for (let day = firstBookableDay(today, fixtureBooking); day <= last; day = addDays(day, 1)) {
            for (const crew of fixtureBooking.crews) {
              const length = jobLength(personHours, crew, hoursPerDay);
              const days = length.kind === 'half-day' ? [day] : consecutiveWorkingDays(day, length.days, fixtureBooking);
              if (!days || !isWorkingDay(day, fixtureBooking) || days.at(-1)! > last) continue;
              const windows = length.kind === 'half-day' ? halves : (['whole-days'] as const);
              for (const window of windows) {
                const units = unitsOf({ crewId: crew.id, start: day, window, days });
                if (units.every((u) => !takenKeys.has(unitKey(u)))) expect(offered.has(`${day}|${window}`)).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
