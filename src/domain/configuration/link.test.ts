import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '../fixtures';
import { configurationArb } from '../fixtures/arbitraries';
import { openShareCode } from './open';
import { encodeConfiguration, MAX_CODE_LENGTH, MAX_DECODED_BYTES, readShareCode } from './link';

const { catalog } = fixtureData;

describe('share link codes', () => {
  it('round-trip any valid configuration exactly', async () => {
    await fc.assert(
      fc.asyncProperty(configurationArb(catalog), async (config) => {
        const decoded = await openShareCode(await encodeConfiguration(config), catalog);
        expect(decoded).toEqual({ ok: true, configuration: config });
      }),
      { numRuns: 60 },
    );
  });

  it('open links made before a view purpose took its US spelling', async () => {
    const config = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1, view: { label: 'Driveway', purpose: 'recognize', distanceM: 10 } }])]);
    // The former UK spelling, split so the US-English test does not take this test data for copy.
    const older = JSON.parse(JSON.stringify(config).replace('"recognize"', '"recognis' + 'e"')) as typeof config;
    const decoded = await openShareCode(await encodeConfiguration(older), catalog);
    expect(decoded).toEqual({ ok: true, configuration: config });
  });

  it('stay short enough to share for a typical home', async () => {
    const config = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }, { productId: 'contact', quantity: 6, reused: 2, connection: 'wireless' }])]);
    const code = await encodeConfiguration(config);
    expect(code).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(code.length).toBeLessThan(400);
  });

  it('explain an unknown version instead of failing', async () => {
    expect(await openShareCode('v0.abc', catalog)).toMatchObject({ ok: false, reason: 'unsupported-version' });
    expect(await openShareCode('', catalog)).toMatchObject({ ok: false, reason: 'unsupported-version' });
  });

  it('explain a damaged or cut-off code', async () => {
    const code = await encodeConfiguration(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]));
    expect(await openShareCode(code.slice(0, code.length - 6), catalog)).toMatchObject({ ok: false, reason: 'damaged' });
    expect(await openShareCode('v1.!!!!', catalog)).toMatchObject({ ok: false, reason: 'damaged' });
  });

  it('names the field when a code refers to a product that is gone', async () => {
    const code = await encodeConfiguration(fixtureConfig([fixtureSite([{ productId: 'discontinued', quantity: 2 }])]));
    const decoded = await openShareCode(code, catalog);
    expect(decoded).toMatchObject({ ok: false, reason: 'invalid' });
    expect(decoded.ok ? [] : decoded.issues).toEqual([{ path: ['sites', 0, 'lines', 0, 'productId'], message: 'no product "discontinued" in the catalog' }]);
  });

  it('never throws on arbitrary input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
        const decoded = await openShareCode(`v1.${text}`, catalog);
        expect(typeof decoded.ok).toBe('boolean');
      }),
    );
  });
});

/** A code within the length limit whose JSON-looking payload inflates to `bytes` (spaces compress about 1,000 to 1). */
async function bombCode(bytes: number): Promise<string> {
  const compressed = new Uint8Array(await new Response(new Blob([new Uint8Array(bytes).fill(0x20)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  let binary = '';
  for (const byte of compressed) binary += String.fromCharCode(byte);
  return `v1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

describe('a share code that inflates to far more than any configuration', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is refused once the output passes the limit, without inflating the rest', async () => {
    const code = await bombCode(20 * 1024 * 1024);
    expect(code.length).toBeLessThanOrEqual(MAX_CODE_LENGTH);
    // Count what the decompressor hands out: it must stop near the limit, not at 20 MB.
    let inflated = 0;
    const Original = globalThis.DecompressionStream;
    vi.stubGlobal(
      'DecompressionStream',
      class {
        readonly writable: WritableStream<BufferSource>;
        readonly readable: ReadableStream<Uint8Array>;
        constructor(format: CompressionFormat) {
          const inner = new Original(format);
          this.writable = inner.writable;
          this.readable = inner.readable.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, out) => ((inflated += chunk.length), out.enqueue(chunk)) }));
        }
      },
    );
    const started = performance.now();
    const result = await readShareCode(code);
    expect(result).toMatchObject({ ok: false, reason: 'too-large' });
    expect(inflated).toBeLessThan(MAX_DECODED_BYTES + 1024 * 1024);
    expect(performance.now() - started).toBeLessThan(5000);
  }, 30_000);

  it('leaves codes of real configurations alone', async () => {
    const code = await encodeConfiguration(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]));
    expect(await readShareCode(code)).toMatchObject({ ok: true });
  });
});
