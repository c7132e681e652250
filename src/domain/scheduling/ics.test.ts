import ICAL from 'ical.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../estimate/dates';
import { installationInvite, type InstallationEvent } from './ics';
import { offsetMinutes, zonedInstant } from './zoned-time';

const zones = ['America/Los_Angeles', 'America/New_York', 'America/Phoenix', 'Pacific/Honolulu', 'Australia/Sydney', 'Europe/London'];

function event(overrides: Partial<InstallationEvent> = {}): InstallationEvent {
  return {
    uid: 'booking-42@northgate-security.example',
    sequence: 0,
    status: 'confirmed',
    summary: 'Security system installation, Northgate Security',
    description: 'Crew A installs your cameras; alarm; and smoke alarms.\nQuote NG-7K4M2Q, revision 2.',
    location: '12 Oak Street, Bayview, CA 94100',
    organizer: { name: 'Northgate Security Installations', email: 'quotes@northgate-security.example' },
    days: ['2027-03-15'],
    start: '08:00',
    end: '12:00',
    timeZone: 'America/Los_Angeles',
    stamp: new Date('2026-12-01T18:00:00Z'),
    ...overrides,
  };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, event: new ICAL.Event(vevent), vevent };
}

describe('wall-clock times in a zone', () => {
  it('name the instant that shows that time there, on every day of the year and in every zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 730 }), fc.constantFrom('08:00', '12:00', '12:30', '17:00'), (zone, day, time) => {
        const date = addDays('2026-12-01', day);
        const instant = zonedInstant(date, time, zone);
        const local = new Date(instant + offsetMinutes(instant, zone) * 60_000).toISOString();
        expect(local.slice(0, 16)).toBe(`${date}T${time}`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the installation invite', () => {
  it('parses, and puts the visit at the installer’s wall-clock time on either side of a clock change', () => {
    for (const [day, utc] of [
      ['2027-03-12', '2027-03-12T16:00:00.000Z'], // PST, before the change on March 14
      ['2027-03-15', '2027-03-15T15:00:00.000Z'], // PDT after it
    ] as const) {
      const { event: parsed } = parse(installationInvite(event({ days: [day] })));
      expect(parsed.startDate.toJSDate().toISOString()).toBe(utc);
      expect(parsed.endDate.toJSDate().getTime() - parsed.startDate.toJSDate().getTime()).toBe(4 * 3_600_000);
      expect(parsed.uid).toBe('booking-42@northgate-security.example');
      expect(parsed.description).toBe(event().description);
    }
  });

  it('keeps each day of a multi-day job at the same local hours, in every zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 2, max: 5 }), (timeZone, offset, count) => {
        const days = Array.from({ length: count }, (_, i) => addDays(addDays('2026-12-01', offset), i));
        const { event: parsed } = parse(installationInvite(event({ days, timeZone, start: '08:00', end: '17:00' })));
        const iterator = parsed.iterator();
        const starts: number[] = [];
        for (let next = iterator.next(); next; next = iterator.next()) starts.push(next.toJSDate().getTime());
        expect(starts).toEqual(days.map((day) => zonedInstant(day, '08:00', timeZone)));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the UID across a reschedule and a cancellation, with a higher sequence', () => {
    const moved = parse(installationInvite(event({ sequence: 1, days: ['2027-03-16'] })));
    const canceled = parse(installationInvite(event({ sequence: 2, status: 'canceled' })));
    expect([moved.event.uid, canceled.event.uid]).toEqual([event().uid, event().uid]);
    expect(moved.event.sequence).toBe(1);
    expect(canceled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(canceled.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
  });

  it('ends lines with CRLF and folds them at 75 octets without breaking a character', () => {
    const text = installationInvite(event({ location: `${'Ünit 7, Façade Building, '.repeat(8)}Bayview` }));
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(parse(text).event.location).toBe(`${'Ünit 7, Façade Building, '.repeat(8)}Bayview`);
  });
});
