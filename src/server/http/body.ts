import type { IncomingMessage } from 'node:http';
import { problemAnswer, toResponse, type Answer } from './problem';

/**
 * Reads a JSON body with a size limit, before anything parses it: a declared Content-Length over the
 * limit is refused at once, and a body without one (chunked) is counted while it streams, so a huge
 * body is never buffered. The Node adapter's bodySizeLimit (astro.config.mjs) is the outer bound for
 * every route; these limits are per endpoint and smaller.
 */

/** Enough for a configuration of many sites; a normal request is a few kilobytes. */
export const JSON_BODY_LIMIT = 256 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };
/** The same, with the refusal as a plain answer (problem.ts), for a route the server entry answers itself. */
export type JsonBody = { ok: true; value: unknown } | { ok: false; answer: Answer };

/**
 * Past the limit the rest is read and dropped rather than the stream cancelled: a client still
 * sending would otherwise meet a closed socket (EPIPE) and never see the 413.
 */
async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // The adapter's bodySizeLimit bounds how much is drained: past it the stream ends with an error.
    if (size <= limit) chunks.push(value);
  }
  if (size > limit) return null;
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * As readLimited, from the Node request itself; `drainLimit` is the adapter's bodySizeLimit, which
 * this path does not pass through: past it, reading stops and the body counts as too large.
 */
function readNodeLimited(request: IncomingMessage, limit: number, drainLimit: number): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // The error listener stays: an error after the answer (a client going away) must not be unhandled.
    const finish = (result: Uint8Array | null) => {
      request.off('data', onData).off('end', onEnd);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= limit) chunks.push(chunk);
      else if (size > drainLimit) finish(null);
    };
    const onEnd = () => finish(size > limit ? null : Buffer.concat(chunks, size));
    request.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function readJson(headers: { type: string | undefined; length: string | undefined }, read: () => Promise<Uint8Array | null>, limit: number): Promise<JsonBody> {
  // The rest of the body is never read, so the connection cannot carry another request: close it.
  const tooLarge = () => ({
    ok: false as const,
    answer: problemAnswer('payload-too-large', `The body may be at most ${limit} bytes.`, { limitBytes: limit, headers: { Connection: 'close' } }),
  });
  const type = headers.type ?? '';
  if (!isJsonType(type)) {
    return { ok: false, answer: problemAnswer('unsupported-media-type', `Send the body as application/json, not ${type || 'without a Content-Type'}.`) };
  }
  const declared = Number(headers.length ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  let bytes: Uint8Array | null;
  try {
    bytes = await read();
  } catch {
    // The adapter's own limit ends the stream with an error; so does a client that goes away mid-body.
    return tooLarge();
  }
  if (bytes === null) return tooLarge();
  try {
    return { ok: true, value: JSON.parse(utf8.decode(bytes)) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, answer: problemAnswer('malformed-json', `The body is not valid JSON (${reason}).`) };
  }
}

/** application/json or any +json type, with or without parameters. */
export function isJsonType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(contentType);
}

export async function readJsonBody(request: Request, limit = JSON_BODY_LIMIT): Promise<BodyResult> {
  const headers = { type: request.headers.get('content-type') ?? undefined, length: request.headers.get('content-length') ?? undefined };
  const body = await readJson(headers, () => readLimited(request, limit), limit);
  return body.ok ? body : { ok: false, response: toResponse(body.answer) };
}

export function readNodeJsonBody(request: IncomingMessage, drainLimit: number, limit = JSON_BODY_LIMIT): Promise<JsonBody> {
  return readJson({ type: request.headers['content-type'], length: request.headers['content-length'] }, () => readNodeLimited(request, limit, drainLimit), limit);
}
