import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce, domId, durationText, range, termText } from './format';

const f = { currency: 'USD', locale: 'en-US', units: 'imperial' as const };

describe('durationText', () => {
  it('says hours for a one-day job and days with the crew for longer ones', () => {
    expect(durationText({ hours: { central: 0, high: 0 }, technicians: 1, days: { central: 0, high: 0 } }, 'en-US')).toBe('No installation work');
    expect(durationText({ hours: { central: 5.1, high: 6.4 }, technicians: 1, days: { central: 1, high: 1 } }, 'en-US')).toBe('5 to 6.5 hours of work, done in a day by one technician');
    expect(durationText({ hours: { central: 3, high: 3.1 }, technicians: 1, days: { central: 1, high: 1 } }, 'en-US')).toBe('About 3 hours of work, done in a day by one technician');
    expect(durationText({ hours: { central: 30, high: 41 }, technicians: 2, days: { central: 2, high: 3 } }, 'en-US')).toBe('2 to 3 working days on site with a crew of 2 (30 to 41 hours of work)');
    expect(durationText({ hours: { central: 16, high: 16 }, technicians: 2, days: { central: 1, high: 2 } }, 'en-US')).toContain('1 to 2 working days');
    expect(durationText({ hours: { central: 20, high: 22 }, technicians: 2, days: { central: 2, high: 2 } }, 'en-US')).toContain('2 working days on site');
  });
});

describe('small formatters', () => {
  it('format ranges, terms and ids', () => {
    expect(range({ low: 123_456, high: 150_000 }, f)).toBe('$1,235 – $1,500');
    expect(range({ low: 5000, high: 5000 }, f)).toBe('$50');
    expect(termText(0)).toBe('month to month, no contract');
    expect(termText(36)).toBe('36-month contract');
    expect(domId('line', 'site-1', 2, 'qty')).toBe('line-site-1-2-qty');
    expect(domId('q', 'sites.0.area')).toBe('q-sites-0-area');
  });
});

describe('debounce', () => {
  afterEach(() => vi.useRealTimers());

  it('runs once with the last arguments after the wait, and can be cancelled', () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const say = debounce((text: string) => calls.push(text), 500);
    say('a');
    vi.advanceTimersByTime(300);
    say('b');
    vi.advanceTimersByTime(499);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['b']);
    say('c');
    say.cancel();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['b']);
  });
});
