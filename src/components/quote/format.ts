import { formatMoney, formatRange, type Range } from '~/domain/money';

/** Money as a quote shows it: exact amounts to the cent, estimate ranges in whole units (or to the cent beside their parts). */
export function quoteFormat(currency: string, locale: string) {
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const amount = (range: Range) => (range.low === range.high ? money(range.low) : formatRange(range, currency, locale));
  /** To the cent: where parts stand beside their sum (a package and its add-ons), so they add up as shown. */
  const exactAmount = (range: Range) => (range.low === range.high ? money(range.low) : formatRange(range, currency, locale, false));
  return { money, amount, exactAmount };
}

/** A change as words a customer reads: "+$120", "−$35", "new", "removed". */
export function changeText(before: Range | null, after: Range | null, money: (cents: number) => string): string {
  if (!before) return 'new';
  if (!after) return 'no longer applies';
  const low = after.low - before.low;
  const high = after.high - before.high;
  const signed = (cents: number) => (cents > 0 ? `+${money(cents)}` : cents < 0 ? `−${money(-cents)}` : money(0));
  return low === high ? signed(low) : `${signed(low)} to ${signed(high)}`;
}
