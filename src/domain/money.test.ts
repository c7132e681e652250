import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseCents } from './money';

describe('amounts as staff type them', () => {
  it('reads back every amount the site formats', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), (cents) => parseCents(formatMoney(cents, 'USD', 'en-US')) === cents));
  });

  it.each([
    ['125', 12_500],
    ['125.5', 12_550],
    [' 80.05 ', 8005],
    ['$1,250', 125_000],
  ])('%j is %d cents', (text, cents) => expect(parseCents(text)).toBe(cents));

  it.each(['', 'ten', '-5', '1.234', '12,34', '1e3', '$', '.50'])('%j is not an amount', (text) => expect(parseCents(text)).toBeNull());
});
