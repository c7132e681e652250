/**
 * The production server (built to dist/server/entry.mjs): the Node adapter's standalone server, with
 * the security headers (src/server/http/security-headers.ts) set on every response before the
 * adapter answers it. The adapter serves prerendered pages and assets straight from disk, where
 * neither Astro's middleware nor the page runs, so the headers are set here, at the HTTP server.
 * A header the page or route sets itself (the quote page's stricter Referrer-Policy, the policy of an
 * on-demand page) replaces the one set here.
 *
 * The build's files (prerendered pages, assets) are served from memory with the compressed copies the
 * build wrote (http/static-files.ts); the adapter runs in middleware mode, so its handler only renders
 * on-demand routes and never looks for a file on disk first. Those responses are compressed here
 * (brotli or gzip, as the browser accepts).
 */
import compression from 'compression';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config, ConfigError, configWarnings } from './config';
import { fallbackPolicy, pageKey, securityHeaders, staticPoliciesFile } from './http/security-headers';
import { loadStaticFiles, staticFileHandler } from './http/static-files';
import { announceFirstAdminSetup } from './staff/first-admin';

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

function setSecurityHeaders(request: IncomingMessage, response: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
  response.setHeader('Content-Security-Policy', policyFor(request.url));
}

/** As the adapter's standalone handler: an address that cannot be decoded is a bad request. */
function isDecodable(url: string): boolean {
  try {
    decodeURI(url);
    return true;
  } catch {
    return false;
  }
}

// Every setting is checked before anything listens: a wrong one stops the server here, by name.
try {
  for (const warning of configWarnings(config())) console.warn(`Warning: ${warning}`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const { handler, options, startServer } = await import('@astrojs/node/server.js');
// The client directory beside this file's directory, as the adapter finds it (dist/server → dist/client).
const clientDir = fileURLToPath(new URL(`${relative(fileURLToPath(options.server), fileURLToPath(options.client))}/`, new URL('./', import.meta.url)));
const serveStatic = staticFileHandler(loadStaticFiles(clientDir));

function answer(request: IncomingMessage, response: ServerResponse): void {
  setSecurityHeaders(request, response);
  if (!isDecodable(request.url ?? '/')) {
    response.writeHead(400).end('Bad request.');
    return;
  }
  if (serveStatic(request, response)) return;
  compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () => undefined);
  void handler(request, response);
}

// The adapter's server (HTTPS when configured, its shutdown), with this listener in place of its own.
const { server } = startServer();
server.server.removeAllListeners('request');
server.server.on('request', answer);

void announceFirstAdminSetup();
