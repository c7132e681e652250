/**
 * Money is always an integer number of cents. Rates are held as integer parts per million so that
 * applying one to an amount stays in exact integer arithmetic (amounts up to about $90 million).
 *
 * Rounding rule, used everywhere an amount is derived from a rate or a duration:
 * half up to the nearest cent (amounts are never negative).
 */
export type Cents = number;

/** A low–high pair of amounts in cents; `low <= high` always holds. */
export interface Range {
  low: Cents;
  high: Cents;
}

export const PPM = 1_000_000;

/** Converts a percentage such as 8.875 into parts per million (88 750), exactly for up to 4 decimals. */
export function percentToPpm(percent: number): number {
  return Math.round(percent * 10_000);
}

/** Divides two non-negative integers, rounding half up. */
export function divideRounded(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** `cents × ppm / 1 000 000`, rounded half up to the cent. */
export function applyPpm(cents: Cents, ppm: number): Cents {
  return divideRounded(cents * ppm, PPM);
}

/** Price of `minutes` of work at an hourly rate, rounded half up to the cent. */
export function priceOfMinutes(minutes: number, hourlyRateCents: Cents): Cents {
  return divideRounded(Math.round(minutes * hourlyRateCents), 60);
}

export function exact(cents: Cents): Range {
  return { low: cents, high: cents };
}

export function addRanges(...ranges: Range[]): Range {
  return ranges.reduce((sum, r) => ({ low: sum.low + r.low, high: sum.high + r.high }), { low: 0, high: 0 });
}

const formatters = new Map<string, Intl.NumberFormat>();

/** Formats cents as currency, e.g. 123456 → "$1,234.56"; whole-dollar amounts drop the cents when `whole`. */
export function formatMoney(cents: Cents, currency: string, locale: string, whole = false): string {
  const key = `${locale}|${currency}|${whole}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(whole ? { maximumFractionDigits: 0, minimumFractionDigits: 0 } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter.format(whole ? Math.round(cents / 100) : cents / 100);
}

/** "$1,200 – $1,450", or a single amount when both ends agree. */
export function formatRange(range: Range, currency: string, locale: string, whole = true): string {
  const low = formatMoney(range.low, currency, locale, whole);
  const high = formatMoney(range.high, currency, locale, whole);
  return low === high ? low : `${low} – ${high}`;
}

/** An amount as staff type it ("125", "125.5", "1,250.00", "$80") in cents; null when it is not one. */
export function parseCents(text: string): Cents | null {
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const cents = Number(match[1]!.replaceAll(',', '')) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}
