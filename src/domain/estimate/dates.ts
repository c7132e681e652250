/** Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC, so results never depend on the time zone. */

function parse(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const date = parse(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

/** Adds whole months, clamping to the month's last day (Jan 31 + 1 month = Feb 28 or 29). */
export function addMonths(iso: string, months: number): string {
  const date = parse(iso);
  const day = date.getUTCDate();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(day, lastDay));
  return format(date);
}

/** Last day of a term of `months` starting on `start`: a 12-month term from 2026-03-01 ends 2027-02-28. */
export function termEndDate(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Building an Intl.DateTimeFormat costs more than pricing a configuration: one per locale or zone, kept. */
function dateFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = make()));
  return format;
}

export function formatDate(iso: string, locale: string): string {
  return dateFormat(`long|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(parse(iso));
}

/** The last day asked for per zone, with the second it was asked at. */
const lastDays = new Map<string, { second: number; day: string }>();

/**
 * The calendar day (YYYY-MM-DD) of an instant in an IANA time zone: the installer's "today", so a quote
 * made at 5 pm in California is dated that day on every server, whatever the server's own zone.
 * Formatting the parts costs more than the rest of a request's date work, and every request asks for
 * today: the answer is kept for the second it was asked in. Zone offsets are whole seconds, so a day
 * never changes within one.
 */
export function dayInTimeZone(now: Date, timeZone: string): string {
  const second = Math.floor(now.getTime() / 1000);
  const last = lastDays.get(timeZone);
  if (last?.second === second) return last.day;
  const parts = dateFormat(`day|${timeZone}`, () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  lastDays.set(timeZone, { second, day });
  return day;
}

/** A regular expression for the two-digit numbers `from`–`to` (01–31): 9–12 → "09|1[0-2]". */
function twoDigitRange(from: number, to: number): string {
  const alternatives: string[] = [];
  for (let tens = Math.floor(from / 10); tens <= Math.floor(to / 10); tens++) {
    const low = Math.max(from, tens * 10) % 10;
    const high = Math.min(to, tens * 10 + 9) % 10;
    alternatives.push(`${tens}${low === high ? low : `[${low}-${high}]`}`);
  }
  return alternatives.join('|');
}

/**
 * A regular expression matching exactly the ISO dates from `first` to `last`, both included, month by
 * month: a JSON Schema can state a date window as a `pattern` where it has no date comparison.
 */
export function datesBetweenPattern(first: string, last: string): string {
  const months: string[] = [];
  for (let month = `${first.slice(0, 7)}-01`; month <= last; month = addMonths(month, 1)) {
    const lastOfMonth = Number(termEndDate(month, 1).slice(8));
    const from = month.slice(0, 7) === first.slice(0, 7) ? Number(first.slice(8)) : 1;
    const to = month.slice(0, 7) === last.slice(0, 7) ? Number(last.slice(8)) : lastOfMonth;
    months.push(`${month.slice(0, 8)}(?:${twoDigitRange(from, to)})`);
  }
  return `^(?:${months.join('|')})$`;
}
