import { problem } from './problem';

/**
 * Reads a JSON body with a size limit, before anything parses it: a declared Content-Length over the
 * limit is refused at once, and a body without one (chunked) is counted while it streams, so a huge
 * body is never buffered. The Node adapter's bodySizeLimit (astro.config.mjs) is the outer bound for
 * every route; these limits are per endpoint and smaller.
 */

/** Enough for a configuration of many sites; a normal request is a few kilobytes. */
export const JSON_BODY_LIMIT = 256 * 1024;

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

async function readLimited(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Past the limit the rest is read and dropped rather than the stream cancelled: a client still
    // sending would otherwise meet a closed socket (EPIPE) and never see the 413. The adapter's
    // bodySizeLimit bounds how much is drained.
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

export async function readJsonBody(request: Request, limit = JSON_BODY_LIMIT): Promise<BodyResult> {
  // The rest of the body is never read, so the connection cannot carry another request: close it.
  const tooLarge = () => ({
    ok: false as const,
    response: problem('payload-too-large', `The body may be at most ${limit} bytes.`, { limitBytes: limit, headers: { Connection: 'close' } }),
  });
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i.test(type)) {
    return { ok: false, response: problem('unsupported-media-type', `Send the body as application/json, not ${type || 'without a Content-Type'}.`) };
  }
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return tooLarge();
  let bytes: Uint8Array | null;
  try {
    bytes = await readLimited(request, limit);
  } catch {
    // The adapter's own limit ends the stream with an error.
    return tooLarge();
  }
  if (bytes === null) return tooLarge();
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return { ok: false, response: problem('malformed-json', `The body is not valid JSON (${reason}).`) };
  }
}
