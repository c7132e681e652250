import { readFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { precompressed } from '~/server/http/precompress';
import { securityHeaders } from '~/server/http/security-headers';
import { clientDir, files as filesIn } from '../helpers/built-pages';
import { serverForFile } from '../helpers/server';

/**
 * The production server compresses what it sends, as the browser accepts; the configurator's page
 * would otherwise travel as some 160 kB of HTML. The build's own files are compressed once, by the
 * build, and sent from memory; everything else is compressed per response. fetch() would decompress
 * unseen, so this reads the raw bytes with node:http.
 */

const run = serverForFile();

interface RawResponse {
  status: number;
  encoding: string | undefined;
  vary: string | undefined;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function getRaw(path: string, acceptEncoding: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(`${run.server.url}${path}`, { method, headers: { 'accept-encoding': acceptEncoding, ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, encoding: response.headers['content-encoding'], vary: response.headers.vary, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const isCompressedCopy = (file: string) => precompressed.some(({ suffix }) => file.endsWith(suffix));

/** Every file the build wrote for visitors, by its address. */
function builtFiles(): { path: string; bytes: Buffer }[] {
  return filesIn(clientDir)
    .filter((file) => !isCompressedCopy(file))
    .map((file) => ({ path: `/${relative(clientDir, file)}`, bytes: readFileSync(file) }));
}

const decoders: Record<string, (body: Buffer) => Buffer> = { br: brotliDecompressSync, gzip: gunzipSync };

describe('compression', () => {
  it('sends the configurator page in brotli or gzip, as asked, and the same page either way', async () => {
    const plain = await getRaw('/configure', 'identity');
    const brotli = await getRaw('/configure', 'br');
    const gzip = await getRaw('/configure', 'gzip');
    expect(plain.encoding).toBeUndefined();
    expect(brotli.encoding).toBe('br');
    expect(gzip.encoding).toBe('gzip');
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 5);
    expect(brotli.vary).toMatch(/accept-encoding/i);
  });

  it('compresses on-demand pages and JSON answers too', async () => {
    for (const path of ['/request', '/api/catalog']) {
      const response = await getRaw(path, 'gzip');
      expect(response.status, path).toBe(200);
      expect(response.encoding, path).toBe('gzip');
      expect(gunzipSync(response.body).length, path).toBeGreaterThan(response.body.length);
    }
  });

  it('sends every built page and asset, as brotli, gzip or as it is, decoding to the exact bytes of the file, with its headers', { timeout: 120_000 }, async () => {
    const files = builtFiles();
    expect(files.length).toBeGreaterThan(100);
    let compressed = 0;
    for (const { path, bytes } of files) {
      const etags = new Set<string>();
      for (const acceptEncoding of ['br', 'gzip', 'identity']) {
        const what = `${path} (${acceptEncoding})`;
        const response = await getRaw(path, acceptEncoding);
        expect(response.status, what).toBe(200);
        expect(response.encoding === undefined || response.encoding === acceptEncoding, what).toBe(true);
        const decoded = response.encoding ? decoders[response.encoding]!(response.body) : response.body;
        expect(decoded.equals(bytes), what).toBe(true);
        expect(Number(response.headers['content-length']), what).toBe(response.body.length);
        for (const [name, value] of Object.entries(securityHeaders)) expect(response.headers[name.toLowerCase()], `${what}: ${name}`).toBe(value);
        expect(response.headers['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
        if (response.encoding) {
          compressed++;
          expect(response.vary, what).toMatch(/accept-encoding/i);
          expect(response.body.length, what).toBeLessThan(bytes.length);
        }
        const etag = response.headers.etag!;
        expect(etag, what).toMatch(/^"[^"]+"$/);
        etags.add(etag);
        // A cached copy is revalidated per encoding: the tag names these bytes, not the file.
        const revalidated = await getRaw(path, acceptEncoding, { 'if-none-match': etag });
        expect(revalidated.status, `${what} revalidated`).toBe(304);
        expect(revalidated.body.length, `${what} revalidated`).toBe(0);
      }
      // Each encoding's bytes have their own tag, or a cache could hand gzip to a client that asked for brotli.
      const encodings = new Set((await Promise.all(['br', 'gzip', 'identity'].map((e) => getRaw(path, e, {}, 'HEAD')))).map((r) => r.encoding ?? 'identity'));
      expect(etags.size, path).toBe(encodings.size);
    }
    // The pages, scripts and stylesheets are compressed; only small or binary files go as they are.
    expect(compressed).toBeGreaterThan(files.length);
  });

  it('answers HEAD for a built file with its headers and no body', async () => {
    const head = await getRaw('/configure', 'br', {}, 'HEAD');
    const get = await getRaw('/configure', 'br');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect(head.headers.etag).toBe(get.headers.etag);
  });

  it('refuses any other method on a built file with 405 and the methods it answers', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'TRACE']) {
      const response = await getRaw('/configure', 'br', { origin: run.server.url }, method);
      expect(response.status, method).toBe(405);
      expect(response.headers.allow, method).toBe('GET, HEAD');
      expect(response.headers['x-frame-options'], method).toBe('DENY');
    }
  });
});
