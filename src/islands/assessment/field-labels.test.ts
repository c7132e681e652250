import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-labels';

describe('field labels', () => {
  it('turn keys into words', () => {
    expect(fieldLabel('area')).toBe('Floor area');
    expect(fieldLabel('existing.smokeAlarms')).toBe('Smoke alarms you have');
    expect(fieldLabel('sites.1.ceiling')).toBe('Site 2: Highest ceiling');
    expect(fieldLabel('sites.0.areasToWatch.2.distance')).toBe('Site 1, area 3: Distance');
  });
});
