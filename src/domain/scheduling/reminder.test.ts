import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayInTimeZone } from '../estimate/dates';
import { reminderDueAt, reminderDueNow } from './reminder';

const zones = ['America/Los_Angeles', 'America/New_York', 'America/Phoenix', 'Pacific/Honolulu', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata'];
const wallClock = (instant: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

const day = fc.integer({ min: 0, max: 5 * 366 }).map((n) => addDays('2026-01-01', n));
// Every time from 03:00 (after any zone's spring-forward gap) to 23:59, late evening included,
// where the installer's day and the UTC day differ.
const time = fc.tuple(fc.integer({ min: 3, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);

describe('the installation reminder', () => {
  it('is due on the installer’s calendar day `daysBefore` days ahead, at the arrival time, in every zone and season', () => {
    fc.assert(
      fc.property(day, time, fc.integer({ min: 0, max: 14 }), fc.constantFrom(...zones), (firstDay, arrival, daysBefore, timeZone) => {
        const due = reminderDueAt({ firstDay, arrival, daysBefore, timeZone });
        expect(dayInTimeZone(new Date(due), timeZone)).toBe(addDays(firstDay, -daysBefore));
        expect(wallClock(due, timeZone)).toBe(arrival);
      }),
    );
  });

  it('keeps its hour across a change to daylight saving time (47 hours before, not 48)', () => {
    // Los Angeles springs forward on Sunday 2027-03-14: Saturday 08:00 PST to Monday 08:00 PDT.
    const due = reminderDueAt({ firstDay: '2027-03-15', arrival: '08:00', daysBefore: 2, timeZone: 'America/Los_Angeles' });
    expect(new Date(due).toISOString()).toBe('2027-03-13T16:00:00.000Z');
    // And falls back on 2027-11-07: 49 hours.
    expect(new Date(reminderDueAt({ firstDay: '2027-11-08', arrival: '08:00', daysBefore: 2, timeZone: 'America/Los_Angeles' })).toISOString()).toBe('2027-11-06T15:00:00.000Z');
  });

  it('is not shifted to the next day by an evening that is already tomorrow in UTC', () => {
    // 18:00 in Los Angeles on 2026-12-01 is 02:00 UTC on 2026-12-02.
    const terms = { firstDay: '2026-12-03', arrival: '18:00', daysBefore: 2, timeZone: 'America/Los_Angeles' };
    expect(new Date(reminderDueAt(terms)).toISOString()).toBe('2026-12-02T02:00:00.000Z');
    const booked = new Date('2026-11-20T12:00:00Z');
    expect(reminderDueNow(terms, booked, new Date('2026-12-02T01:59:59Z'))).toBe(false);
    expect(reminderDueNow(terms, booked, new Date('2026-12-02T02:00:00Z'))).toBe(true);
  });

  it('goes from its due time until the crew arrives, and not for a booking made after it was due', () => {
    const terms = { firstDay: '2026-12-10', arrival: '08:00', daysBefore: 2, timeZone: 'America/Los_Angeles' };
    const booked = new Date('2026-11-30T12:00:00Z');
    expect(reminderDueNow(terms, booked, new Date('2026-12-08T15:59:00Z'))).toBe(false);
    expect(reminderDueNow(terms, booked, new Date('2026-12-09T20:00:00Z'))).toBe(true);
    expect(reminderDueNow(terms, booked, new Date('2026-12-10T16:00:00Z'))).toBe(false);
    expect(reminderDueNow(terms, new Date('2026-12-09T12:00:00Z'), new Date('2026-12-09T20:00:00Z'))).toBe(false);
  });
});
