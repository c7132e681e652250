// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The quote page's view report in a DOM: one beacon after the page has stayed in view for the
 * page's number of seconds, none while hidden, the seconds starting again when it comes back, and
 * once per visit (sessionStorage) however often the page is loaded.
 */

let beacons: { url: string; body: string; type: string }[];
let visibility: DocumentVisibilityState;

async function loadPage(seconds = 5) {
  document.body.innerHTML = `<div hidden data-view-report data-quote="AbCdEfGhIjKlMnOpQrStUvWx" data-revision="2" data-seconds="${seconds}"></div>`;
  vi.resetModules();
  await import('./view-report');
}

function setVisibility(state: DocumentVisibilityState) {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

beforeEach(() => {
  vi.useFakeTimers();
  beacons = [];
  visibility = 'visible';
  sessionStorage.clear();
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  Object.defineProperty(navigator, 'sendBeacon', {
    configurable: true,
    value: (url: string, data: Blob) => {
      void data.text().then((body) => beacons.push({ url, body, type: data.type }));
      return true;
    },
  });
});

afterEach(() => {
  vi.useRealTimers();
});

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('the view report', () => {
  it('sends one beacon with the revision once the page has been visible for the seconds given', async () => {
    await loadPage(5);
    await vi.advanceTimersByTimeAsync(4_900);
    expect(beacons).toEqual([]);
    await vi.advanceTimersByTimeAsync(200);
    await settle();
    expect(beacons).toEqual([{ url: '/api/quotes/AbCdEfGhIjKlMnOpQrStUvWx/views', body: '{"revision":2}', type: 'application/json' }]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(beacons).toHaveLength(1);
  });

  it('does not count a hidden page, and starts the seconds again when it comes back into view', async () => {
    visibility = 'hidden';
    await loadPage(5);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(beacons).toEqual([]);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(3_000);
    setVisibility('hidden');
    await vi.advanceTimersByTimeAsync(30_000);
    setVisibility('visible');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(beacons).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    await settle();
    expect(beacons).toHaveLength(1);
  });

  it('reports once per visit: loading the page again in the same tab sends nothing more', async () => {
    await loadPage(5);
    await vi.advanceTimersByTimeAsync(5_000);
    await loadPage(5);
    await vi.advanceTimersByTimeAsync(5_000);
    await settle();
    expect(beacons).toHaveLength(1);
    sessionStorage.clear();
    await loadPage(5);
    await vi.advanceTimersByTimeAsync(5_000);
    await settle();
    expect(beacons).toHaveLength(2);
  });

  it('does nothing on a page without a quote', async () => {
    document.body.innerHTML = '<h1>Quote not found</h1>';
    vi.resetModules();
    await import('./view-report');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(beacons).toEqual([]);
  });
});
