import { formatMoney, formatRange, type Range } from '~/domain/money';

/** Money as a quote shows it: exact amounts to the cent, estimate ranges in whole units. */
export function quoteFormat(currency: string, locale: string) {
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const amount = (range: Range) => (range.low === range.high ? money(range.low) : formatRange(range, currency, locale));
  return { money, amount };
}
