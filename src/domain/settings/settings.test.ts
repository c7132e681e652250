import { describe, expect, it } from 'vitest';
import { fixtureData } from '../fixtures';
import { settingsSchema } from './settings';

/** The schema's friendly messages, by field path, for a settings file with `change` applied. */
function problems(change: (settings: Record<string, any>) => void): Record<string, string> {
  const settings = structuredClone(fixtureData.settings) as Record<string, any>;
  change(settings);
  const result = settingsSchema.safeParse(settings);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('settings schema', () => {
  it('accepts the fixture settings as they are', () => {
    expect(problems(() => undefined)).toEqual({});
  });

  it('names a time zone Intl does not know', () => {
    expect(problems((s) => (s.timeZone = 'Pacific/Atlantis'))).toEqual({ timeZone: expect.stringContaining('IANA name') });
  });

  it('asks for a short capital reference prefix', () => {
    expect(problems((s) => (s.company.referencePrefix = 'ng-'))).toEqual({ 'company.referencePrefix': expect.stringContaining('capital letters') });
  });

  it('refuses discount limits that shrink from sales to manager to admin', () => {
    expect(problems((s) => (s.discounts.limits.manager.maxPercent = 5))).toEqual({ 'discounts.limits': expect.stringContaining('must not shrink') });
    expect(problems((s) => (s.discounts.limits.admin.maxPercent = 101))).toEqual({ 'discounts.limits.admin.maxPercent': expect.any(String) });
  });
});
