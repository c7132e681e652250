/**
 * The production server (built to dist/server/entry.mjs): the Node adapter's standalone server, with
 * the security headers (src/server/http/security-headers.ts) set on every response before the
 * adapter answers it. The adapter serves prerendered pages and assets straight from disk, where
 * neither Astro's middleware nor the page runs, so the headers are set here, at the HTTP server.
 * A header the page or route sets itself (the quote page's stricter Referrer-Policy, the policy of an
 * on-demand page) replaces the one set here.
 *
 * Responses are compressed here too (brotli or gzip, as the browser accepts): the configurator's page
 * carries the catalog in its island's props, 350 kB of HTML that compresses to about 40 kB, and the
 * adapter sends everything as it is on disk.
 */
import compression from 'compression';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { config, ConfigError, configWarnings } from './config';
import { fallbackPolicy, pageKey, securityHeaders, staticPoliciesFile } from './http/security-headers';

/** Written by the build (security-integration.ts); absent when no page is prerendered. */
function readStaticPolicies(): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(new URL(`./${staticPoliciesFile}`, import.meta.url), 'utf8')) as Record<string, string>));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
}

const staticPolicies = readStaticPolicies();

function policyFor(url: string | undefined): string {
  const path = (url ?? '/').split(/[?#]/, 1)[0]!;
  let decoded = path;
  try {
    decoded = decodeURI(path);
  } catch {
    // A malformed address: the adapter answers 400, with the fallback policy.
  }
  return staticPolicies.get(pageKey(decoded)) ?? fallbackPolicy;
}

/** Wraps the response's write and end; it calls `next` at once, so it can run as a plain listener. */
const compress = compression();

function prepareResponse(request: IncomingMessage, response: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
  response.setHeader('Content-Security-Policy', policyFor(request.url));
  compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () => undefined);
}

// Every setting is checked before anything listens: a wrong one stops the server here, by name.
try {
  for (const warning of configWarnings(config())) console.warn(`Warning: ${warning}`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// The adapter starts its server when imported unless told not to; it is started below instead, so
// the headers listener can be put in front of the adapter's.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { startServer } = await import('@astrojs/node/server.js');
const { server } = startServer();
server.server.prependListener('request', prepareResponse);
