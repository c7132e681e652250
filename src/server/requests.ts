import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Configuration } from '../domain/configuration/configuration';
import { firstName, type Address, type CustomerRequest } from '../domain/requests/request';
import type { Database } from './db/client';
import { outbox, requests } from './db/schema';
import { newReference, newRowId } from './ids';
import { customerConfirmation, installerNotification, type MailContext, type StoredRequestDetails } from './mail/templates';
import { getQuoteById, insertQuote, prepareQuote, toSavedQuote, type PricingData, type SavedQuote } from './quotes';

/**
 * Storing a request. The request, its quote and its notifications are written in one transaction
 * that commits before the customer is told "received": an acknowledged request is never lost, and
 * mail is sent afterwards from the outbox. A submission carries an idempotency key; sending it again
 * (a double click, a refresh, a retry after a timeout, two at once) returns the stored request and
 * writes nothing new.
 */

export interface SubmitOptions {
  /** From the form's hidden field or the Idempotency-Key header; a fresh one when absent. */
  idempotencyKey?: string | undefined;
  data: PricingData;
  mail: MailContext & { siteUrl: string };
  now?: Date;
}

export interface SubmittedRequest {
  reference: string;
  kind: CustomerRequest['kind'];
  createdAt: Date;
  quote: SavedQuote | null;
  /** True when the key had been seen: nothing was stored this time. */
  replayed: boolean;
}

/** The key was used before for a different submission: refused, because silently ignoring the new content would lose it. */
export class IdempotencyConflictError extends Error {
  constructor(readonly reference: string) {
    super(`This submission key was already used for request ${reference} with different details`);
  }
}

export function quoteUrl(siteUrl: string, publicId: string): string {
  return new URL(`/quote/${publicId}`, siteUrl).href;
}

function fingerprintOf(request: CustomerRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

/**
 * The address is where we travel, so its postal code decides the travel zone the quote is priced
 * with, even when the configurator had none or an older one.
 */
function withSitePostalCodes(configuration: Configuration, addresses: Address[]): Configuration {
  return {
    ...configuration,
    sites: configuration.sites.map((site, i) => {
      const postalCode = addresses[i]?.postalCode;
      return postalCode ? { ...site, conditions: { ...site.conditions, postalCode } } : site;
    }),
  };
}

/** Walks an error's causes (drizzle wraps the driver's error) for a unique violation of one constraint. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && (e.constraint === constraint || String(e.message).includes(constraint))) return true;
  }
  return false;
}

/** Thrown inside the transaction to roll it back when another submission with the key won. */
class AlreadyStored extends Error {}

async function findByKey(db: Database, key: string) {
  const rows = await db
    .select({ reference: requests.reference, kind: requests.kind, createdAt: requests.createdAt, quoteId: requests.quoteId, fingerprint: requests.fingerprint })
    .from(requests)
    .where(eq(requests.idempotencyKey, key))
    .limit(1);
  return rows[0];
}

async function replay(db: Database, key: string, fingerprint: string): Promise<SubmittedRequest | undefined> {
  const existing = await findByKey(db, key);
  if (!existing) return undefined;
  if (existing.fingerprint !== fingerprint) throw new IdempotencyConflictError(existing.reference);
  const quote = existing.quoteId ? await getQuoteById(db, existing.quoteId) : null;
  return { reference: existing.reference, kind: existing.kind, createdAt: existing.createdAt, quote, replayed: true };
}

function requestRow(request: CustomerRequest, ids: { id: string; reference: string; quoteId: string | null; key: string; fingerprint: string; now: Date }) {
  const common = {
    id: ids.id,
    reference: ids.reference,
    kind: request.kind,
    quoteId: ids.quoteId,
    contactName: request.contact.name,
    contactEmail: request.contact.email,
    contactPhone: request.contact.phone ?? null,
    preferredWindows: request.windows,
    consent: request.consent,
    consentedAt: ids.now,
    idempotencyKey: ids.key,
    fingerprint: ids.fingerprint,
    createdAt: ids.now,
  };
  if (request.kind === 'installation') {
    return { ...common, addresses: request.addresses, notes: request.notes ?? null };
  }
  return {
    ...common,
    addresses: [request.address],
    notes: null,
    serviceSystem: request.system,
    serviceProblem: request.problem,
    serviceUrgency: request.urgency,
  };
}

function details(request: CustomerRequest, reference: string, quote: SavedQuote | null, siteUrl: string): StoredRequestDetails {
  const quoteDetails = quote ? { url: quoteUrl(siteUrl, quote.publicId), validUntil: quote.revision.validUntil, snapshot: quote.revision.snapshot } : null;
  if (request.kind === 'installation') {
    return { reference, kind: 'installation', contact: request.contact, addresses: request.addresses, windows: request.windows, notes: request.notes, quote: quoteDetails };
  }
  return {
    reference,
    kind: 'service',
    contact: request.contact,
    addresses: [request.address],
    windows: request.windows,
    service: { system: request.system, problem: request.problem, urgency: request.urgency },
    quote: null,
  };
}

const REFERENCE_ATTEMPTS = 5;

/**
 * Stores a validated request (see `requestSchemasFor`) with its quote and outbox rows in one
 * transaction. Returns once it has committed; delivering the mail is the caller's next step.
 */
export async function submitRequest(db: Database, request: CustomerRequest, options: SubmitOptions): Promise<SubmittedRequest> {
  const now = options.now ?? new Date();
  const key = options.idempotencyKey ?? `server-${randomUUID()}`;
  const fingerprint = fingerprintOf(request);

  // Most retries arrive after the first one committed: answer them without pricing anything.
  const earlier = await replay(db, key, fingerprint);
  if (earlier) return earlier;

  const prepared =
    request.kind === 'installation' && request.configuration
      ? prepareQuote(
          { configuration: withSitePostalCodes(request.configuration, request.addresses), firstName: firstName(request.contact.name), status: 'requested' },
          options.data,
          now,
        )
      : null;
  const quote = prepared ? toSavedQuote(prepared) : null;

  for (let attempt = 1; ; attempt++) {
    const reference = newReference(options.data.settings.company.referencePrefix);
    const id = newRowId();
    const stored = details(request, reference, quote, options.mail.siteUrl);
    const messages = [customerConfirmation(stored, options.mail), installerNotification(stored, options.mail)];
    try {
      await db.transaction(async (tx) => {
        if (prepared) await insertQuote(tx, prepared);
        const inserted = await tx
          .insert(requests)
          .values(requestRow(request, { id, reference, quoteId: quote?.id ?? null, key, fingerprint, now }))
          // A concurrent submission with the same key waits on the unique index here and, once the
          // first one commits, inserts nothing; its quote is rolled back with it.
          .onConflictDoNothing({ target: requests.idempotencyKey })
          .returning({ id: requests.id });
        if (inserted.length === 0) throw new AlreadyStored();
        await tx.insert(outbox).values(messages.map((m) => ({ ...m, replyTo: m.replyTo ?? null, requestId: id, createdAt: now, nextAttemptAt: now })));
      });
      return { reference, kind: request.kind, createdAt: now, quote, replayed: false };
    } catch (error) {
      if (error instanceof AlreadyStored) {
        const winner = await replay(db, key, fingerprint);
        if (winner) return winner;
        throw new Error('A submission with this key was being stored but cannot be found');
      }
      // A reference already taken (one in hundreds of millions): draw another.
      if (attempt < REFERENCE_ATTEMPTS && isUniqueViolation(error, 'requests_reference_unique')) continue;
      throw error;
    }
  }
}
