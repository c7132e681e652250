import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, posix, relative, sep } from 'node:path';
import { filesUnder, precompressed, type Encoding } from './precompress';

/**
 * The build's files (dist/client: prerendered pages and assets), read into memory when the server
 * starts, each with the compressed copies the build wrote beside it (precompress.ts), and sent as
 * they are: no file system lookup and no compression per request. Addresses resolve as the Node
 * adapter's static handler resolves them (trailingSlash "ignore", directory format): "/configure",
 * "/configure/" and "/configure/index.html" are one page. Any other address (on-demand pages, the
 * API) is left to the adapter.
 */

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Hashed file names under _astro/ never change content, as the adapter says too. */
const cacheControlFor = (urlPath: string) => (urlPath.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=0');

interface Representation {
  encoding: Encoding | null;
  bytes: Buffer;
  /** Strong, and different per encoding: the bytes differ. */
  etag: string;
}

interface StaticFile {
  contentType: string;
  cacheControl: string;
  identity: Representation;
  /** In the server's order of preference. */
  compressed: Representation[];
}

function readStaticFile(file: string, urlPath: string): StaticFile {
  const bytes = readFileSync(file);
  const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
  const compressed = precompressed.flatMap(({ encoding, suffix }) => {
    try {
      return [{ encoding, bytes: readFileSync(file + suffix), etag: `"${hash}-${encoding}"` }];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  });
  return {
    contentType: contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    cacheControl: cacheControlFor(urlPath),
    identity: { encoding: null, bytes, etag: `"${hash}"` },
    compressed,
  };
}

const isVariant = (file: string, all: Set<string>) => precompressed.some(({ suffix }) => file.endsWith(suffix) && all.has(file.slice(0, -suffix.length)));
/** As the adapter: dot files are not served, except under /.well-known/. */
const isHidden = (urlPath: string) => !urlPath.startsWith('/.well-known/') && urlPath.split('/').some((segment) => segment.startsWith('.'));

/** Every file under `clientDir` by its address ("/configure/index.html"), compressed copies beside it. */
export function loadStaticFiles(clientDir: string): Map<string, StaticFile> {
  const all = new Set(filesUnder(clientDir));
  const files = new Map<string, StaticFile>();
  for (const file of all) {
    const urlPath = `/${relative(clientDir, file).split(sep).join('/')}`;
    if (isVariant(file, all) || isHidden(urlPath)) continue;
    files.set(urlPath, readStaticFile(file, urlPath));
  }
  return files;
}

/** The q-value the client gives each encoding (RFC 9110 Accept-Encoding), `*` standing for the ones it does not name. */
function acceptedQuality(header: string | undefined): (encoding: string) => number {
  const qualities = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q ? Number(q.slice(2)) : 1;
    qualities.set(name, Number.isFinite(quality) ? quality : 0);
  }
  return (encoding) => qualities.get(encoding) ?? qualities.get('*') ?? 0;
}

/** The compressed copy the client rates highest (ties go to the server's order), else the file as it is. */
function choose(file: StaticFile, acceptEncoding: string | undefined): Representation {
  if (file.compressed.length === 0) return file.identity;
  const quality = acceptedQuality(acceptEncoding);
  let best: Representation | undefined;
  for (const representation of file.compressed) {
    const q = quality(representation.encoding!);
    if (q > 0 && (!best || q > quality(best.encoding!))) best = representation;
  }
  return best ?? file.identity;
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate === etag || candidate === `W/${etag}`;
  });
}

function addressOf(url: string): string | undefined {
  const path = url.split(/[?#]/, 1)[0]!;
  try {
    return posix.normalize(decodeURI(path));
  } catch {
    return undefined;
  }
}

/**
 * Answers a request for a built file and returns true: the file for GET and HEAD, 405 for any other
 * method (a built file has nothing to post to). Returns false, sending nothing, for any other address.
 */
export function staticFileHandler(files: Map<string, StaticFile>): (request: IncomingMessage, response: ServerResponse) => boolean {
  const find = (address: string) => (address.endsWith('/') ? files.get(`${address}index.html`) : (files.get(address) ?? files.get(`${address}/index.html`)));
  return (request, response) => {
    const address = addressOf(request.url ?? '/');
    const file = address === undefined ? undefined : find(address);
    if (!file) return false;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('This address only answers GET and HEAD.');
      return true;
    }
    const chosen = choose(file, request.headers['accept-encoding']);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Cache-Control', file.cacheControl);
    response.setHeader('ETag', chosen.etag);
    if (file.compressed.length > 0) response.setHeader('Vary', 'Accept-Encoding');
    if (matchesEtag(request.headers['if-none-match'], chosen.etag)) {
      response.writeHead(304).end();
      return true;
    }
    if (chosen.encoding) response.setHeader('Content-Encoding', chosen.encoding);
    response.setHeader('Content-Length', chosen.bytes.length);
    response.writeHead(200);
    response.end(request.method === 'HEAD' ? undefined : chosen.bytes);
    return true;
  };
}
