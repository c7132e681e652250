import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { serverForFile } from '../helpers/server';

/**
 * The production server compresses what it sends, as the browser accepts; the configurator's page
 * would otherwise travel as some 350 kB of HTML. fetch() would decompress unseen, so this reads the
 * raw bytes with node:http.
 */

const run = serverForFile();

function getRaw(path: string, acceptEncoding: string): Promise<{ status: number; encoding: string | undefined; vary: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(`${run.server.url}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, encoding: response.headers['content-encoding'], vary: response.headers.vary, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

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
});
