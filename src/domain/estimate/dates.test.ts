import { describe, expect, it } from 'vitest';
import { addMonths, dayInTimeZone, termEndDate } from './dates';

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
});
