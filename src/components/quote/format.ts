import { formatMoney, formatRange, type Range } from '../../domain/money';
import { formatHours } from '../../domain/units';
import type { Duration } from '../../domain/estimate/duration';

/** Money and time as a quote shows them: exact amounts to the cent, estimate ranges in whole units. */
export function quoteFormat(currency: string, locale: string) {
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const amount = (range: Range) => (range.low === range.high ? money(range.low) : formatRange(range, currency, locale));
  const duration = (d: Duration) => {
    const hours = d.hours.high > d.hours.central ? `${formatHours(d.hours.central, locale)} to ${formatHours(d.hours.high, locale)}` : formatHours(d.hours.central, locale);
    const days = d.days.high > d.days.central ? `${d.days.central}–${d.days.high}` : `${d.days.central}`;
    const crew = `${d.technicians} ${d.technicians === 1 ? 'technician' : 'technicians'}`;
    return `${hours} of work: ${crew}, ${days} ${d.days.high === 1 ? 'day' : 'days'} on site`;
  };
  return { money, amount, duration };
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
