import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureData } from '../fixtures';
import { entriesByDay, monthWeeks, shiftMonth } from './month';

const booking = { ...fixtureData.settings.booking, workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, closedDates: [{ date: '2026-12-25', reason: 'Christmas Day' }] };
const months = fc.record({ year: fc.integer({ min: 2000, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}`);

describe('the calendar month', () => {
  it('holds every day of the month once, in whole weeks from Sunday', () => {
    fc.assert(
      fc.property(months, (month) => {
        const days = monthWeeks(month, { ...booking, workingDays: [...booking.workingDays] }).flat();
        const inMonth = days.filter((day) => day.inMonth).map((day) => day.date);
        const length = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate();
        return (
          days.length % 7 === 0 &&
          new Date(`${days[0]!.date}T00:00:00Z`).getUTCDay() === 0 &&
          inMonth.length === length &&
          inMonth[0] === `${month}-01` &&
          new Set(days.map((day) => day.date)).size === days.length &&
          !days.slice(0, 7).every((day) => !day.inMonth) &&
          !days.slice(-7).every((day) => !day.inMonth)
        );
      }),
    );
  });

  it('marks weekends and closed dates as days without work', () => {
    const days = new Map(monthWeeks('2026-12', { ...booking, workingDays: [...booking.workingDays] }).flat().map((day) => [day.date, day]));
    expect(days.get('2026-12-24')).toMatchObject({ working: true, closedReason: null });
    expect(days.get('2026-12-25')).toMatchObject({ working: false, closedReason: 'Christmas Day' });
    expect(days.get('2026-12-26')).toMatchObject({ working: false, closedReason: null });
  });

  it('steps across years', () => {
    expect([shiftMonth('2026-12', 1), shiftMonth('2026-01', -1), shiftMonth('2026-06', 0)]).toEqual(['2027-01', '2025-12', '2026-06']);
    fc.assert(fc.property(months, fc.integer({ min: -36, max: 36 }), (month, by) => shiftMonth(shiftMonth(month, by), -by) === month));
  });
});

describe('a day’s bookings', () => {
  it('folds a booking’s two halves into the whole day and orders crews as the settings do', () => {
    const unit = (crewId: string, bookingId: string, half: 'morning' | 'afternoon', date = '2026-12-01') => ({ date, half, crewId, bookingId, booking: bookingId });
    const days = entriesByDay([unit('b', 'x', 'afternoon'), unit('a', 'y', 'afternoon'), unit('a', 'z', 'morning'), unit('b', 'x', 'morning'), unit('a', 'y', 'morning', '2026-12-02')], ['a', 'b']);
    expect(days.get('2026-12-01')).toEqual([
      { crewId: 'a', part: 'morning', booking: 'z' },
      { crewId: 'a', part: 'afternoon', booking: 'y' },
      { crewId: 'b', part: 'day', booking: 'x' },
    ]);
    expect(days.get('2026-12-02')).toEqual([{ crewId: 'a', part: 'morning', booking: 'y' }]);
  });
});
