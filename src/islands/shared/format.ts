import { formatRange, type Range } from '~/domain/money';
import type { Settings } from '~/domain/settings/settings';

/** Formatting shared by the islands: plain words, the installer's currency and locale. */

export type Format = Pick<Settings, 'currency' | 'locale' | 'units'>;

export const range = (r: Range, f: Format) => formatRange(r, f.currency, f.locale);

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
