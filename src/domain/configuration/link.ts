import type { Check } from '../checks/check';
import type { Issue } from '../issues';
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

/** What the server's check answers: a usable configuration comes with its engineering checks. */
export type CheckedResult = (Extract<DecodeResult, { ok: true }> & { checks: Check[] }) | Extract<DecodeResult, { ok: false }>;

export type ReadResult = { ok: true; value: unknown } | Extract<DecodeResult, { ok: false }>;

/** Longest code accepted, so a hostile link cannot make anyone inflate something huge. */
export const MAX_CODE_LENGTH = 60_000;

/** The JSON a code holds, not yet checked. Never throws: an old or damaged code gives a reason. */
export async function readShareCode(code: string): Promise<ReadResult> {
  const [version, payload] = code.trim().split('.', 2);
  if (version !== VERSION) {
    return { ok: false, reason: 'unsupported-version', message: 'This link was made by a newer or older version of the configurator that we can no longer read.', issues: [] };
  }
  try {
    if (!payload || code.length > MAX_CODE_LENGTH) throw new Error('empty or too long');
    const bytes = await transform(fromBase64Url(payload), new DecompressionStream('deflate-raw'));
    if (bytes.length > MAX_CODE_LENGTH * 20) throw new Error('too large');
    return { ok: true, value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch {
    return { ok: false, reason: 'damaged', message: 'This link is incomplete or damaged. It may have been cut off when it was copied.', issues: [] };
  }
}
