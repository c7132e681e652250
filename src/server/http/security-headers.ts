/**
 * Security headers of every response the production server sends: pages (prerendered and on
 * demand), the API, actions, assets and errors.
 *
 * The Content-Security-Policy of a page is Astro's (`security.csp` in astro.config.mjs): `script-src`
 * and `style-src` list 'self' and the hash of every inline script and style Astro emits (the island
 * loader included), so no inline script runs unless it was built with the site, and nothing needs
 * 'unsafe-inline'. The directives below are added to it. Astro puts the policy in the response of an
 * on-demand page; for prerendered pages it hands the policy to the build (see
 * security-integration.ts) and the server entry (src/server/entry.ts) sends it with the file.
 * Anything that is not a page (JSON, scripts, stylesheets, pictures) gets `fallbackPolicy`, which
 * allows nothing to run or load at all.
 */

/** Directives Astro adds to the policy of every page, next to its script and style hashes. */
export const cspDirectives = [
  "default-src 'self'",
  // The layout's empty icon (`data:,`) saves a request for /favicon.ico.
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
] as const;

/** For responses that are not pages: nothing in them may run, load or be framed. */
export const fallbackPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  // Nothing on the site needs a device or a browser feature behind a permission.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), midi=(), display-capture=(), browsing-topics=()',
  // frame-ancestors for browsers that predate it.
  'X-Frame-Options': 'DENY',
};

/** File beside the server entry that maps each prerendered page's path to its policy. */
export const staticPoliciesFile = 'static-csp.json';

/** The key of a prerendered page: "/configure/", "/configure/index.html" and "/configure" are one page. */
export function pageKey(urlPath: string): string {
  let path = urlPath.replace(/\/index\.html$/, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path || '/';
}
