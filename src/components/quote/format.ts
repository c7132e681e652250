import { formatMoney, formatRange, type Range } from '~/domain/money';

/** Money as a quote shows it: exact amounts to the cent, estimate ranges in whole units (or to the cent beside their parts). */
export function quoteFormat(currency: string, locale: string) {
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const amount = (range: Range) => (range.low === range.high ? money(range.low) : formatRange(range, currency, locale));
  /** To the cent: where parts stand beside their sum (a package and its add-ons), so they add up as shown. */
  const exactAmount = (range: Range) => (range.low === range.high ? money(range.low) : formatRange(range, currency, locale, false));
  return { money, amount, exactAmount };
}
