import { describe, expect, it } from 'vitest';
import { fixtureData } from '~/domain/fixtures';
import { priceDifference } from './swap-choices';

const f = { currency: 'USD', locale: 'en-US', units: 'imperial' as const };
const get = (id: string) => fixtureData.catalog.get(id)!;

describe('swap price differences', () => {
  it('say what a swap does to the line, per unit when there are several', () => {
    expect(priceDifference(get('cam'), get('cam-best'), 1, f)).toBe('+$250.00');
    expect(priceDifference(get('cam-best'), get('cam'), 3, f)).toBe('−$750.00 for 3 (−$250.00 each)');
    expect(priceDifference(get('cam'), get('cam'), 2, f)).toBe('Same price');
  });
});
