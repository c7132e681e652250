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
 *
 * Operations (src/server/ops/): every request gets an id (X-Request-Id) and a JSON log line; a
 * method a route does not answer gets 405 with Allow (http/methods.ts); /healthz and /readyz are
 * answered here; the server warms up before /readyz says ready and stops gracefully on SIGTERM.
 */
import compression from 'compression';
import { readFileSync } from 'node:fs';
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { config, ConfigError, configWarnings } from './config';
import { fallbackPolicy, pageKey, securityHeaders, staticPoliciesFile } from './http/security-headers';
import { isJsonType } from './http/body';
import { isDirectPath, type DirectPath } from './http/direct-paths';
import { routeFor } from './http/methods';
import { problemDocument } from './http/problem';
import { loadStaticFiles, staticFileHandler } from './http/static-files';
import { answerHealth, type Lifecycle } from './ops/health';
import { logger } from './ops/log';
import { logWhenAnswered, requestIdFor } from './ops/request-log';
import { stopOnSignals } from './ops/shutdown';
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

function pathOf(url: string | undefined): string {
  return (url ?? '/').split(/[?#]/, 1)[0]!;
}

function policyFor(url: string | undefined): string {
  const path = pathOf(url);
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

/**
 * The status line's reason phrase is always the standard one ("404 Not Found"): Astro copies a
 * Response's statusText, which its error pages leave at "OK".
 */
function standardReasonPhrase(response: ServerResponse): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
    this.statusMessage = STATUS_CODES[status] ?? '';
    const headers = typeof rest[0] === 'string' ? rest.slice(1) : rest;
    return (writeHead as (...args: unknown[]) => ServerResponse).call(this, status, ...headers);
  } as typeof response.writeHead;
}

function methodNotAllowed(response: ServerResponse, path: string, method: string, allowed: readonly string[]): void {
  const detail = `${path.startsWith('/api/') ? 'This endpoint' : 'This address'} answers ${allowed.join(', ')}, not ${method}.`;
  const api = path.startsWith('/api/');
  const body = api ? JSON.stringify(problemDocument('method-not-allowed', detail)) : detail;
  response.writeHead(405, {
    Allow: allowed.join(', '),
    'Content-Type': api ? 'application/problem+json; charset=utf-8' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(method === 'HEAD' ? undefined : body);
}

// Every setting is checked before anything listens: a wrong one stops the server here, by name.
try {
  for (const warning of configWarnings(config())) logger().warn(`Warning: ${warning}`);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

// `npm run retention`: one purge of what is past its retention period, then exit, without serving.
if (process.argv[2] === 'retention') {
  const { runRetentionOnce } = await import('./privacy/worker');
  process.exit((await runRetentionOnce()) ? 0 : 1);
}

const { handler, options, startServer } = await import('@astrojs/node/server.js');
// The client directory beside this file's directory, as the adapter finds it (dist/server → dist/client).
const clientDir = fileURLToPath(new URL(`${relative(fileURLToPath(options.server), fileURLToPath(options.client))}/`, new URL('./', import.meta.url)));
const serveStatic = staticFileHandler(loadStaticFiles(clientDir));

const lifecycle: Lifecycle = { warmedUp: false, stopping: false };
/** Loaded after listening, as the route modules are (see below): /healthz answers meanwhile. */
let directApi: Promise<typeof import('./http/direct-api')> | undefined;
/** The adapter's bound on any body; 0 or none means unbounded, as for the adapter. */
const drainLimit = options.bodySizeLimit || Number.POSITIVE_INFINITY;

/** The usual form of the estimate and check routes, answered without Astro (http/direct-api.ts says why and what stays the same). */
const isDirect = (request: IncomingMessage): request is IncomingMessage & { url: DirectPath } =>
  request.method === 'POST' && isDirectPath(request.url) && isJsonType(request.headers['content-type']);

function answer(request: IncomingMessage, response: ServerResponse): void {
  const requestId = requestIdFor(request.headers['x-request-id']);
  const path = pathOf(request.url);
  const route = routeFor(path);
  const log = { requestId, route: route?.pattern ?? null };
  logWhenAnswered(request, response, log);
  response.setHeader('X-Request-Id', requestId);
  standardReasonPhrase(response);
  setSecurityHeaders(request, response);
  // While stopping, no connection is kept open for another request.
  if (lifecycle.stopping) response.setHeader('Connection', 'close');
  const method = request.method ?? 'GET';
  if (!isDecodable(request.url ?? '/')) {
    response.writeHead(400).end('Bad request.');
    return;
  }
  if (route && !route.methods.includes(method)) {
    methodNotAllowed(response, path, method, route.methods);
    return;
  }
  if (answerHealth(path, response, lifecycle)) return;
  if (serveStatic(request, response)) {
    log.route = path;
    return;
  }
  compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () => undefined);
  if (isDirect(request)) {
    directApi ??= import('./http/direct-api');
    void directApi.then(({ answerDirectly }) => answerDirectly(request.url, request, response, requestId, drainLimit));
    return;
  }
  const locals: App.Locals = { requestId };
  void handler(request, response, undefined, locals);
}

// The adapter's server (HTTPS when configured), with this listener in place of its own.
const { server } = startServer();
server.server.removeAllListeners('request');
server.server.on('request', answer);
stopOnSignals({ server: server.server, lifecycle, graceSeconds: config().SHUTDOWN_GRACE_SECONDS });
// After listening: /healthz answers while the database opens and the modules load.
void import('./ops/warm-up')
  .then(({ warmUp }) => warmUp())
  .finally(() => {
    lifecycle.warmedUp = true;
  });

// Deletes what the privacy notice says is kept no longer, at start and then periodically.
const { startRetentionWorker } = await import('./privacy/worker');
startRetentionWorker();
// Mails each installation's reminder once it is due.
const { startReminderWorker } = await import('./scheduling/reminder-worker');
startReminderWorker();

void announceFirstAdminSetup();
