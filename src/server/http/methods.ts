/**
 * The methods each on-demand route answers, by route pattern as Astro names it (`/quote/[id]`). The
 * server entry answers any other method with 405 and an `Allow` header before the request reaches
 * Astro, which would otherwise render a page for PUT, answer 404 for an endpoint's unexported method
 * and fail with a 500 on TRACE (a method the Fetch API refuses to build a Request for). Built files
 * are answered by the static file handler (GET and HEAD). `tests/integration/methods.test.ts` holds
 * this table to the endpoints' exported handlers and sends every other method to every route.
 */
const read = ['GET', 'HEAD'] as const;

export const routeMethods: Readonly<Record<string, readonly string[]>> = {
  '/api/estimate': ['POST'],
  '/api/configurations/check': ['POST'],
  '/api/requests': ['POST'],
  '/api/catalog': read,
  '/api/openapi.json': read,
  '/api/schema': read,
  '/api/schema/[name]': read,
  '/api/problems/[type]': read,
  '/api/docs': read,
  '/api/short-links': ['POST'],
  '/api/quotes/[id]/views': ['POST'],
  '/api/webhooks/stripe': ['POST'],
  '/api/staff/me': read,
  '/api/staff/team': read,
  '/c/[id]': read,
  // The customer answers on the quote page: accept, ask for changes, decline, pay, book (`?_action=`).
  '/quote/[id]': [...read, 'POST'],
  '/quote/[id]/installation.ics': read,
  // Staff pages post their forms to themselves; signing out is a POST only.
  '/staff': read,
  '/staff/forbidden': read,
  '/staff/login': [...read, 'POST'],
  '/staff/forgot': [...read, 'POST'],
  '/staff/reset': [...read, 'POST'],
  '/staff/setup': [...read, 'POST'],
  '/staff/team': [...read, 'POST'],
  '/staff/account': [...read, 'POST'],
  '/staff/requests/[reference]': [...read, 'POST'],
  '/staff/requests/[reference]/quote': [...read, 'POST'],
  '/staff/quotes/new': [...read, 'POST'],
  '/staff/requests/[reference]/revisions': read,
  '/staff/calendar': read,
  '/staff/logout': ['POST'],
  // The request forms post to their own page (`?_action=`), and Astro's action endpoint takes posts only.
  '/request': [...read, 'POST'],
  '/service': [...read, 'POST'],
  '/_actions/[name]': ['POST'],
  // Answered by the server entry itself (src/server/ops/health.ts).
  '/healthz': read,
  '/readyz': read,
};

function patternToRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) => (/^\[[^\]]+\]$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

const matchers = Object.entries(routeMethods).map(([pattern, methods]) => ({ pattern, methods, regExp: patternToRegExp(pattern) }));

/** The route an address belongs to and the methods it answers; undefined for built files and unknown addresses. */
export function routeFor(path: string): { pattern: string; methods: readonly string[] } | undefined {
  return matchers.find((matcher) => matcher.regExp.test(path));
}
