import type { Duration } from '../../domain/estimate/duration';
import { formatRange, type Range } from '../../domain/money';
import type { Settings } from '../../domain/settings/settings';
import { count, formatNumber } from '../../domain/units';

/** Formatting shared by the islands: plain words, the installer's currency and locale. */

export type Format = Pick<Settings, 'currency' | 'locale' | 'units'>;

export const range = (r: Range, f: Format) => formatRange(r, f.currency, f.locale);

const halfHours = (hours: number) => Math.max(0.5, Math.round(hours * 2) / 2);

function hoursText(d: Duration, locale: string): string {
  const n = (h: number) => formatNumber(halfHours(h), locale, 1);
  const low = n(d.hours.central);
  const high = n(d.hours.high);
  return low === high ? `about ${low} hours` : `${low} to ${high} hours`;
}

/** "5 to 6.5 hours of work, done in a day by one technician" or "3 to 4 days on site with a crew of 2 (…)". */
export function durationText(d: Duration, locale: string): string {
  if (d.hours.high <= 0) return 'No installation work';
  const crew = d.technicians <= 1 ? 'one technician' : `a crew of ${d.technicians}`;
  const hours = hoursText(d, locale);
  if (d.days.high <= 1) return `${hours.charAt(0).toUpperCase()}${hours.slice(1)} of work, done in a day by ${crew}`;
  const days = d.days.central === d.days.high ? count(d.days.high, 'working day') : `${d.days.central} to ${d.days.high} working days`;
  return `${days} on site with ${crew} (${hours} of work)`;
}

/** "month to month" or "36-month contract". */
export const termText = (months: number) => (months === 0 ? 'month to month, no contract' : `${months}-month contract`);

/** Splits "a-b" ids and keys into a DOM-safe id. */
export const domId = (...parts: (string | number)[]) => parts.join('-').replace(/[^A-Za-z0-9_-]/g, '-');

/** Waits `ms` after the last call before running `fn` (for screen-reader announcements). */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  return Object.assign(run, { cancel: () => clearTimeout(timer) });
}
