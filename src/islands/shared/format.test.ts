import { afterEach, describe, expect, it, vi } from 'vitest';
import { debounce, domId, range } from './format';

const f = { currency: 'USD', locale: 'en-US', units: 'imperial' as const };

describe('small formatters', () => {
  it('format ranges and ids', () => {
    expect(range({ low: 123_456, high: 150_000 }, f)).toBe('$1,235 – $1,500');
    expect(range({ low: 5000, high: 5000 }, f)).toBe('$50');
    expect(domId('line', 'site-1', 2, 'qty')).toBe('line-site-1-2-qty');
    expect(domId('q', 'sites.0.area')).toBe('q-sites-0-area');
  });
});

describe('debounce', () => {
  afterEach(() => vi.useRealTimers());

  it('runs once with the last arguments after the wait, and can be canceled', () => {
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
