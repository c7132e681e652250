// A module (for the test to import): it exports nothing and runs when loaded.
export {};

/**
 * Tells the installer the customer has seen the quote: once the page has stayed in view for the
 * settings' number of seconds (the Page Visibility API; a hidden tab does not count), it reports the
 * revision it shows with one beacon, once per visit (sessionStorage). No cookie, no identifier and
 * nothing else is sent; the page works the same without it.
 */

const marker = document.querySelector<HTMLElement>('[data-view-report]');

function remembered(key: string): boolean {
  try {
    if (sessionStorage.getItem(key)) return true;
    sessionStorage.setItem(key, '1');
  } catch {
    // Storage refused (a privacy mode): report anyway, at worst once per page load.
  }
  return false;
}

function send(url: string, body: string): void {
  const blob = new Blob([body], { type: 'application/json' });
  if (navigator.sendBeacon?.(url, blob)) return;
  void fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' }, keepalive: true, credentials: 'omit' }).catch(() => undefined);
}

if (marker) {
  const { quote = '', revision = '', seconds = '5' } = marker.dataset;
  const key = `quote-viewed:${quote}:${revision}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const report = () => {
    document.removeEventListener('visibilitychange', watch);
    if (!remembered(key)) send(`/api/quotes/${encodeURIComponent(quote)}/views`, JSON.stringify({ revision: Number(revision) }));
  };
  // The seconds start again each time the page comes back into view.
  function watch() {
    clearTimeout(timer);
    if (document.visibilityState === 'visible') timer = setTimeout(report, Number(seconds) * 1000);
  }
  document.addEventListener('visibilitychange', watch);
  watch();
}
