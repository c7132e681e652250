import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depositBases, depositCents, depositRule } from './deposit';

const range = fc.tuple(fc.nat({ max: 50_000_000 }), fc.nat({ max: 50_000_000 })).map(([a, b]) => ({ low: Math.min(a, b), high: Math.max(a, b) }));
const percent = fc.integer({ min: 0, max: 1_000_000 }).map((n) => n / 10_000);

describe('the deposit', () => {
  it('is the percent of the figure the settings name, rounded half up to the cent', () => {
    const oneTime = { low: 250_001, high: 300_000 };
    expect(depositCents(oneTime, { depositPercent: 30, depositBasis: 'low' })).toBe(75_000); // 75 000.3
    expect(depositCents(oneTime, { depositPercent: 30, depositBasis: 'high' })).toBe(90_000);
    expect(depositCents(oneTime, { depositPercent: 30, depositBasis: 'midpoint' })).toBe(82_500); // 30 % of 275 001 (the midpoint, rounded up)
    expect(depositRule({ depositPercent: 30, depositBasis: 'low' })).toBe('30% of the low end of the one-time range');
  });

  it('never exceeds its basis, grows with the basis, and is nothing at 0 %', () => {
    fc.assert(
      fc.property(range, percent, (oneTime, depositPercent) => {
        const [low, midpoint, high] = depositBases.map((depositBasis) => depositCents(oneTime, { depositPercent, depositBasis }));
        expect(low).toBeLessThanOrEqual(midpoint!);
        expect(midpoint).toBeLessThanOrEqual(high!);
        expect(high).toBeLessThanOrEqual(oneTime.high);
        expect(Number.isInteger(low)).toBe(true);
        expect(depositCents(oneTime, { depositPercent: 0, depositBasis: 'high' })).toBe(0);
        expect(depositCents(oneTime, { depositPercent: 100, depositBasis: 'low' })).toBe(oneTime.low);
      }),
    );
  });
});
