import type { z } from 'zod';
import { validateAsync, type Issue } from '~/domain/issues';
import { requestSchemasFor, type CustomerRequest, type RequestKind } from '~/domain/requests/request';
import { installerToday } from '~/domain/settings/today';
import { loadData } from '../content/collections';
import { getDb } from '../db/client';
import { limit } from '../http/rate-limit';
import { mailSetup, kickOutbox } from '../mail/worker';
import { quoteUrl } from '../quotes/public-id';
import { IdempotencyConflictError, submitRequest, type SubmittedRequest } from './submit';

/**
 * The one path every submission takes, whether it comes from a form (Astro action) or the JSON API:
 * rate limit (every attempt counts, valid or not, so a flood of broken posts is stopped too), spam
 * trap, validation with the catalog and today's date, storage in one committed transaction
 * (submit.ts), then mail from the outbox. The callers only translate the outcome into their format.
 */

export type SubmissionOutcome =
  | { ok: true; request: SubmittedRequest; quoteUrl: string | null }
  | { ok: false; reason: 'rejected' }
  | { ok: false; reason: 'invalid'; issues: Issue[] }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number; message: string }
  | { ok: false; reason: 'conflict' };

/** What storing can still answer once the limit, validation and the spam trap have passed. */
export type StoreOutcome = Exclude<SubmissionOutcome, { reason: 'rejected' | 'invalid' | 'rate-limited' }>;

export type AttemptRefused = Extract<SubmissionOutcome, { reason: 'rate-limited' }>;

/** Counts one submission attempt by the client; the refusal once it has used up its allowance. */
export async function countAttempt(clientKey: string): Promise<AttemptRefused | undefined> {
  const allowed = await limit('submissions', clientKey);
  return allowed.ok ? undefined : { ok: false, reason: 'rate-limited', retryAfterSeconds: allowed.retryAfterSeconds, message: allowed.message };
}

let cached: { today: string; schemas: ReturnType<typeof requestSchemasFor> } | undefined;

/** The request schemas with the catalog and today's date, built once a day (the catalog is loaded once per process). */
async function schemasForToday() {
  const { catalog, settings } = await loadData();
  const today = installerToday(settings);
  if (cached?.today !== today) cached = { today, schemas: requestSchemasFor(catalog, today) };
  return cached.schemas;
}

/** Validates what a form or the API sent, with every issue and its path. */
export async function validateRequest(kind: RequestKind | 'any', input: unknown): Promise<{ ok: true; request: CustomerRequest } | { ok: false; issues: Issue[] }> {
  const schemas = await schemasForToday();
  const schema: z.ZodType<unknown> = kind === 'any' ? schemas.request : schemas[kind];
  const result = await validateAsync(schema, input);
  if (!result.ok) return result;
  const data = result.value as Record<string, unknown>;
  return { ok: true, request: (kind === 'any' ? data : { kind, ...data }) as CustomerRequest };
}

export interface StoreMeta {
  idempotencyKey?: string | undefined;
  site: string;
}

export interface SubmissionMeta extends StoreMeta {
  clientKey: string;
  /** The honeypot field's value. */
  honeypot?: string | undefined;
}

/** Stores a request that passed the limit (countAttempt), validation and the spam trap, then starts delivering its mail. */
export async function storeRequest(request: CustomerRequest, meta: StoreMeta): Promise<StoreOutcome> {
  const [db, data, mail] = await Promise.all([getDb(), loadData(), mailSetup()]);
  try {
    const stored = await submitRequest(db, request, {
      idempotencyKey: meta.idempotencyKey,
      data,
      // Every caller has passed the request through validateRequest, whose schemas use this catalog.
      validatedWith: data.catalog,
      mail: { settings: data.settings, installerEmail: mail.installerEmail, siteUrl: meta.site },
    });
    // Committed: the customer can be told. Mail goes out after the response, from the outbox.
    if (!stored.replayed) void kickOutbox();
    return { ok: true, request: stored, quoteUrl: stored.quote ? quoteUrl(meta.site, stored.quote.publicId) : null };
  } catch (error) {
    if (error instanceof IdempotencyConflictError) return { ok: false, reason: 'conflict' };
    throw error;
  }
}

/** The limit first, then the honeypot (a robot learns nothing from field errors), then validation, then storage. */
export async function submit(kind: RequestKind | 'any', input: unknown, meta: SubmissionMeta): Promise<SubmissionOutcome> {
  const refused = await countAttempt(meta.clientKey);
  if (refused) return refused;
  if (meta.honeypot && meta.honeypot.trim() !== '') return { ok: false, reason: 'rejected' };
  const valid = await validateRequest(kind, input);
  if (!valid.ok) return { ok: false, reason: 'invalid', issues: valid.issues };
  return storeRequest(valid.request, meta);
}
