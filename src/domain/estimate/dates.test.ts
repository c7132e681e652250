import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, datesBetweenPattern, dayInTimeZone, termEndDate } from './dates';

describe('calendar dates', () => {
  it('clamps a month added to the 31st to the end of the shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });

  it('ends a 12-month term the day before its anniversary', () => {
    expect(termEndDate('2026-03-01', 12)).toBe('2027-02-28');
  });
});

describe('dayInTimeZone', () => {
  const lateEveningInCalifornia = new Date('2026-11-24T04:30:00Z');

  it('gives the installer’s calendar day, not the server’s or UTC’s', () => {
    expect(dayInTimeZone(lateEveningInCalifornia, 'America/Los_Angeles')).toBe('2026-11-23');
    expect(dayInTimeZone(lateEveningInCalifornia, 'UTC')).toBe('2026-11-24');
    expect(dayInTimeZone(lateEveningInCalifornia, 'Asia/Tokyo')).toBe('2026-11-24');
  });

  it('pads single-digit months and days', () => {
    expect(dayInTimeZone(new Date('2026-03-05T12:00:00Z'), 'Europe/Berlin')).toBe('2026-03-05');
  });

  it('turns to the next day at midnight in the zone, asked again and again around it', () => {
    // Midnight in Kathmandu (UTC+5:45) and in Chatham (UTC+13:45): zones whose day turns at no whole UTC hour.
    for (const [zone, midnight, before, after] of [
      ['Asia/Kathmandu', '2026-11-23T18:15:00Z', '2026-11-23', '2026-11-24'],
      ['Pacific/Chatham', '2026-11-23T10:15:00Z', '2026-11-23', '2026-11-24'],
    ] as const) {
      const at = Date.parse(midnight);
      for (const offset of [-60_000, -1001, -1000, -1, 0, 1, 999, 1000]) {
        expect(dayInTimeZone(new Date(at + offset), zone), `${zone} ${offset} ms from midnight`).toBe(offset < 0 ? before : after);
      }
      expect(dayInTimeZone(new Date(at - 1), zone)).toBe(before);
    }
  });
});

describe('datesBetweenPattern', () => {
  const day = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('matches every real date of the window and no other date, across months, years and leap days', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (first, length) => {
        const last = addDays(first, length);
        const pattern = new RegExp(datesBetweenPattern(first, last));
        for (let offset = -40; offset <= length + 40; offset++) {
          const date = addDays(first, offset);
          expect(pattern.test(date), date).toBe(date >= first && date <= last);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('refuses days that are not on the calendar', () => {
    const pattern = new RegExp(datesBetweenPattern('2027-01-15', '2028-12-31'));
    for (const date of ['2027-02-29', '2027-04-31', '2028-02-30', '2027-13-01', '2027-00-10', '2027-05-00', '2027-5-10']) expect(pattern.test(date), date).toBe(false);
    expect(pattern.test('2028-02-29')).toBe(true);
  });
});
