import { addDays } from '../estimate/dates';
import { offsetChanges, offsetMinutes } from './zoned-time';

/**
 * The installation as an iCalendar invite (RFC 5545). Times are the installer's wall-clock times with
 * a TZID and a VTIMEZONE written from Intl's own offsets, so a calendar in any zone shows the visit
 * at the right moment. The UID stays the same for a booking's whole life: a reschedule (a higher
 * SEQUENCE) updates the event a calendar already holds and a cancellation removes it.
 */

export interface InstallationEvent {
  /** Stable for the booking, e.g. "booking-<id>@northgate-security.example". */
  uid: string;
  /** 0 when booked, one more at each reschedule or the cancellation. */
  sequence: number;
  status: 'confirmed' | 'canceled';
  summary: string;
  description: string;
  location: string;
  organizer: { name: string; email: string };
  /** The days on site: consecutive calendar days, the same hours on each. */
  days: string[];
  start: string;
  end: string;
  timeZone: string;
  /** When the invite was written (DTSTAMP). */
  stamp: Date;
}

function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Lines longer than 75 octets continue on the next line after a space (never inside a UTF-8 character). */
function fold(line: string): string {
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += character;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}

const basic = (date: string, time: string) => `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;

function utcStamp(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const absolute = Math.abs(minutes);
  return `${sign}${String(Math.floor(absolute / 60)).padStart(2, '0')}${String(absolute % 60).padStart(2, '0')}`;
}

function localStamp(instant: number, offset: number): string {
  return new Date(instant + offset * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

/** VTIMEZONE with every offset change from a year before the visit to a year after it. */
function timeZoneLines(timeZone: string, firstDay: string): string[] {
  const from = Date.parse(`${addDays(firstDay, -366)}T00:00:00Z`);
  const to = Date.parse(`${addDays(firstDay, 366)}T00:00:00Z`);
  const changes = offsetChanges(from, to, timeZone);
  const initial = offsetMinutes(from, timeZone);
  const rules = changes.length
    ? changes.map((change) => ({
        kind: change.after > change.before ? 'DAYLIGHT' : 'STANDARD',
        start: localStamp(change.at, change.before),
        from: change.before,
        to: change.after,
      }))
    : [{ kind: 'STANDARD', start: localStamp(from, initial), from: initial, to: initial }];
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...rules.flatMap((rule) => [`BEGIN:${rule.kind}`, `DTSTART:${rule.start}`, `TZOFFSETFROM:${offsetText(rule.from)}`, `TZOFFSETTO:${offsetText(rule.to)}`, `END:${rule.kind}`]),
    'END:VTIMEZONE',
  ];
}

export function installationInvite(event: InstallationEvent): string {
  const first = event.days[0]!;
  const canceled = event.status === 'canceled';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Security quote configurator//Installation booking//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${canceled ? 'CANCEL' : 'PUBLISH'}`,
    ...timeZoneLines(event.timeZone, first),
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(event.stamp)}`,
    `DTSTART;TZID=${event.timeZone}:${basic(first, event.start)}`,
    `DTEND;TZID=${event.timeZone}:${basic(first, event.end)}`,
    ...(event.days.length > 1 ? [`RRULE:FREQ=DAILY;COUNT=${event.days.length}`] : []),
    `STATUS:${canceled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    `LOCATION:${escapeText(event.location)}`,
    `ORGANIZER;CN="${event.organizer.name.replace(/["\r\n]/g, '')}":mailto:${event.organizer.email}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
