import type { Issue } from '../issues';
import type { PricedEdit } from '../recommend/priced';
import type { Configuration } from './configuration';

/**
 * Share links carry a configuration in the URL fragment (never sent to the server, so it stays out of
 * logs): `v1.` + base64url of the deflate-compressed JSON. Deflate already folds the repeated keys, so
 * the JSON keeps the schema's own shape. The version prefix lets a later format decode old links or
 * refuse them with a clear message. Reading a code needs no schema, so it runs anywhere; opening what
 * it holds is open.ts's job (on the server, where the schema and the catalog are).
 */

const VERSION = 'v1';

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const response = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await response.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

export async function encodeConfiguration(config: Configuration): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(config));
  return `${VERSION}.${toBase64Url(await transform(json, new CompressionStream('deflate-raw')))}`;
}

export type DecodeResult =
  | { ok: true; configuration: Configuration }
  | { ok: false; reason: 'unsupported-version' | 'damaged' | 'invalid' | 'unavailable'; message: string; issues: Issue[] };

/** What the server's check answers: a usable configuration comes with its estimate, phase totals and engineering checks. */
export type CheckedResult = (Extract<DecodeResult, { ok: true }> & PricedEdit) | Extract<DecodeResult, { ok: false }>;

/** A code that inflates past MAX_DECODED_BYTES: refused before more of it is inflated (the API answers 413). */
export interface OversizedCode {
  ok: false;
  reason: 'too-large';
  message: string;
  issues: Issue[];
}

export type ReadResult = { ok: true; value: unknown } | Extract<DecodeResult, { ok: false }> | OversizedCode;

/** Longest code accepted. */
export const MAX_CODE_LENGTH = 60_000;

/**
 * Most bytes a code may inflate to: 1 MiB, the largest request body the server accepts at all
 * (BODY_LIMIT_BYTES in astro.config.mjs), so any configuration that can be posted can be shared. A
 * 60,000-character code of repeated bytes inflates to about 45 MB; inflating stops at this limit
 * instead, so a hostile code costs at most 1 MiB and a few milliseconds.
 */
export const MAX_DECODED_BYTES = 1024 * 1024;

class TooLarge extends Error {}

/** Inflates deflate-raw bytes, giving up as soon as the output passes `limit` (nothing past it is kept). */
async function inflateAtMost(bytes: Uint8Array, limit: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const whole = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.length;
  }
  return whole;
}

/** The JSON a code holds, not yet checked. Never throws: an old or damaged code gives a reason. */
export async function readShareCode(code: string): Promise<ReadResult> {
  const [version, payload] = code.trim().split('.', 2);
  if (version !== VERSION) {
    return { ok: false, reason: 'unsupported-version', message: 'This link was made by a newer or older version of the configurator that we can no longer read.', issues: [] };
  }
  try {
    if (!payload || code.length > MAX_CODE_LENGTH) throw new Error('empty or too long');
    const bytes = await inflateAtMost(fromBase64Url(payload), MAX_DECODED_BYTES);
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch (error) {
    if (error instanceof TooLarge) {
      return { ok: false, reason: 'too-large', message: 'This link holds far more than any configuration could, so it was not opened. Ask whoever sent it for a new link.', issues: [] };
    }
    return { ok: false, reason: 'damaged', message: 'This link is incomplete or damaged. It may have been cut off when it was copied.', issues: [] };
  }
}
