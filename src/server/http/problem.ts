import type { Issue } from '~/domain/issues';

/**
 * Errors of the JSON API as RFC 9457 problem details (application/problem+json): a `type` URI that
 * documents the problem (GET it for an explanation), a `title` that is the same for every instance,
 * the HTTP `status`, a `detail` for this occurrence and, for invalid input, `errors` naming EVERY bad
 * field with its path in the request body.
 */

/** How the API writes an Issue (src/domain/issues.ts) in a problem's `errors`. */
export interface FieldError {
  /** Dotted path from the body's root: "configuration.sites.0.lines.2.productId"; "" for the body itself. */
  path: string;
  /** The same place as a JSON Pointer (RFC 6901): "/configuration/sites/0/lines/2/productId". */
  pointer: string;
  message: string;
}

export const problemTypes = {
  'validation-error': { status: 422, title: 'Some fields are missing or invalid', description: 'The body was valid JSON but one or more fields did not pass validation. `errors` lists each of them with its path and a message; fix them and send the request again.' },
  'malformed-json': { status: 400, title: 'The body is not valid JSON', description: 'The request body could not be parsed as JSON. Send a JSON object with Content-Type: application/json.' },
  'unsupported-media-type': { status: 415, title: 'Send JSON', description: 'This endpoint accepts only application/json request bodies.' },
  'payload-too-large': { status: 413, title: 'The request body is too large', description: 'The body is larger than this endpoint accepts. Configurations and requests fit well within the limit; a larger body is refused before it is read.' },
  'rate-limited': { status: 429, title: 'Too many requests', description: 'This address sent more requests than we accept in a short time. Wait the number of seconds given in Retry-After, then try again; or call us.' },
  'idempotency-conflict': { status: 422, title: 'This Idempotency-Key was used for a different request', description: 'A request with the same Idempotency-Key but different content was already stored. Use a new key for a new request; resend the same content with the same key to get the stored result.' },
  'rejected': { status: 400, title: 'The submission was rejected', description: 'The submission filled in a field that is hidden from people (a spam trap), so it was not stored. If you are a person, leave that field empty.' },
  'bad-signature': { status: 400, title: 'The signature does not match', description: 'A webhook call whose Stripe-Signature header does not match its body (or is missing or too old) is refused and changes nothing.' },
  'method-not-allowed': { status: 405, title: 'This method is not served here', description: 'The address exists but does not answer this HTTP method. The Allow header lists the methods it answers.' },
  'unauthorized': { status: 401, title: 'Sign in first', description: 'This staff route needs a signed-in staff session. Sign in at /staff/login and send the session cookie it sets.' },
  'forbidden': { status: 403, title: 'Your role does not allow this', description: 'You are signed in, but your staff role does not include the permission this route needs. An admin can change your role.' },
  'not-found': { status: 404, title: 'Not found', description: 'Nothing exists at this address.' },
  'internal-error': { status: 500, title: 'Something went wrong on our side', description: 'The server could not complete the request. Nothing was stored unless a success response was returned. Try again later or call us.' },
} as const;

export type ProblemType = keyof typeof problemTypes;

export function problemTypeUri(type: ProblemType): string {
  return `/api/problems/${type}`;
}

export function toFieldErrors(issues: readonly Issue[]): FieldError[] {
  return issues.map(({ path, message }) => ({
    path: path.join('.'),
    pointer: path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join(''),
    message,
  }));
}

/** The body of a problem response. */
export function problemDocument(type: ProblemType, detail: string, members: Record<string, unknown> = {}): Record<string, unknown> {
  const { status, title } = problemTypes[type];
  return { type: problemTypeUri(type), title, status, detail, ...members };
}

/**
 * An API answer before it becomes a Response: the Astro routes wrap it in one, and the server entry
 * writes it straight to the socket for the routes it answers itself (direct-api.ts).
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function problemAnswer(type: ProblemType, detail: string, extra: { errors?: FieldError[]; headers?: Record<string, string>; [key: string]: unknown } = {}): Answer {
  const { headers, ...members } = extra;
  const { status } = problemTypes[type];
  return {
    status,
    headers: { 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
    body: JSON.stringify(problemDocument(type, detail, members)),
  };
}

export function jsonAnswer(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Answer {
  return { status: init.status ?? 200, headers: { 'Content-Type': 'application/json; charset=utf-8', ...init.headers }, body: JSON.stringify(body) };
}

export function toResponse(answer: Answer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}

export function problem(...args: Parameters<typeof problemAnswer>): Response {
  return toResponse(problemAnswer(...args));
}

export function json(...args: Parameters<typeof jsonAnswer>): Response {
  return toResponse(jsonAnswer(...args));
}
