import { createHash, randomUUID } from 'node:crypto';
import type { Catalog } from '~/domain/catalog/catalog';
import type { Configuration } from '~/domain/configuration/configuration';
import { packageAlternatives } from '~/domain/requests/packages';
import { firstName, type Address, type CustomerRequest, type InstallationRequest } from '~/domain/requests/request';
import type { Database } from '../db/client';
import { groupCommit } from '../db/group-commit';
import { newRowId } from '../db/row-id';
import { customerConfirmation, installerNotification, type MailContext, type StoredRequestDetails } from '../mail/templates';
import { quoteUrl } from '../quotes/public-id';
import { prepareQuote, type PricingData, type SavedQuote } from '../quotes/quote';
import { getQuoteById } from '../quotes/store';
import { newReference, REFERENCE_ATTEMPTS } from './reference';
import { findRequestsByKeys, insertRequests, type InsertOutcome, type RequestRecord } from './store';

/**
 * Taking in a request. The request, its quote and its notifications are stored together (store.ts)
 * before the customer is told "received": an acknowledged request is never lost, and mail is sent
 * afterwards from the outbox. A submission carries an idempotency key; sending it again (a double
 * click, a refresh, a retry after a timeout, two at once) returns the stored request and writes
 * nothing new.
 */

export interface SubmitOptions {
  /** From the form's hidden field or the Idempotency-Key header; a fresh one when absent. */
  idempotencyKey?: string | undefined;
  data: PricingData;
  /**
   * The catalog the request was validated with (`validateRequest` uses the loaded one): when it is
   * `data.catalog`, its configuration is priced without being checked again. A site's address only
   * adds its ZIP code, which the address schema holds to a narrower form than the configuration's.
   */
  validatedWith?: Catalog;
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

/**
 * The key was used before for a different submission: refused, because silently ignoring the new
 * content would lose it. It names no reference: whoever holds a key is not necessarily who stored
 * the first request.
 */
export class IdempotencyConflictError extends Error {
  constructor() {
    super('This submission key was already used for a different request');
  }
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

async function replay(db: Database, key: string, fingerprint: string): Promise<SubmittedRequest | undefined> {
  const [existing] = await findRequestsByKeys(db, [key]);
  if (!existing) return undefined;
  if (existing.fingerprint !== fingerprint) throw new IdempotencyConflictError();
  const quote = existing.quoteId ? await getQuoteById(db, existing.quoteId) : null;
  return { reference: existing.reference, kind: existing.kind, createdAt: existing.createdAt, quote, replayed: true };
}

function details(request: CustomerRequest, reference: string, quote: SavedQuote | null, siteUrl: string): StoredRequestDetails {
  const quoteDetails = quote ? { url: quoteUrl(siteUrl, quote.publicId), validUntil: quote.revision.validUntil, snapshot: quote.revision.snapshot } : null;
  if (request.kind === 'installation') {
    const { company, billing, purchaseOrder, nextStep } = request;
    const business = request.configuration?.audience === 'business' || company || billing || purchaseOrder || nextStep ? { company, billing, purchaseOrder, nextStep } : undefined;
    return { reference, kind: 'installation', contact: request.contact, addresses: request.addresses, windows: request.windows, notes: request.notes, business, quote: quoteDetails };
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

/** The quote of an installation request, showing back what the customer gave: company, site addresses, visit times. */
function requestedQuote(request: InstallationRequest, configuration: Configuration, reference: string, { data, validatedWith }: SubmitOptions, now: Date): SavedQuote {
  const packages = request.packages && packageAlternatives(request.packages, configuration);
  return prepareQuote(
    {
      configuration: withSitePostalCodes(configuration, request.addresses),
      validatedWith,
      // The assessment's other packages, priced by the server at the same addresses.
      ...(packages && {
        options: {
          primary: packages.primary,
          alternatives: packages.alternatives.map((a) => ({ ...a, configuration: withSitePostalCodes(a.configuration, request.addresses) })),
          addOns: [],
        },
      }),
      firstName: firstName(request.contact.name),
      status: 'requested',
      customer: {
        reference,
        company: request.company ?? null,
        // The quote link is a bearer secret: a site contact's name goes on it, never their phone number.
        addresses: request.addresses.map(({ contact, ...address }) => (contact ? { ...address, contactName: contact.name } : address)),
        windows: request.windows,
        purchaseOrder: request.purchaseOrder ?? null,
        billingName: request.billing?.name ?? null,
        nextStep: request.nextStep ?? null,
      },
    },
    data,
    now,
  );
}

/** The most submissions one statement carries: a burst goes in a few, and none waits long behind many. */
const MAX_PER_STATEMENT = 64;

const writers = new WeakMap<Database, (record: RequestRecord) => Promise<InsertOutcome>>();

/** The database's group writer (group-commit.ts): concurrent submissions are committed together. */
function writerFor(db: Database) {
  let write = writers.get(db);
  if (!write) {
    write = groupCommit((records: RequestRecord[]) => insertRequests(db, records), { maxItems: MAX_PER_STATEMENT });
    writers.set(db, write);
  }
  return write;
}

/**
 * Stores a validated request (see `requestSchemasFor`) with its quote and outbox rows. Returns once
 * they have committed; delivering the mail is the caller's next step.
 */
export async function submitRequest(db: Database, request: CustomerRequest, options: SubmitOptions): Promise<SubmittedRequest> {
  const now = options.now ?? new Date();
  const key = options.idempotencyKey ?? `server-${randomUUID()}`;
  const fingerprint = fingerprintOf(request);

  // No lookup first: a retry is rare, and the write itself finds a key already used ('key-taken'),
  // while a lookup before every write made each submission wait for the database twice.
  for (let attempt = 1; attempt <= REFERENCE_ATTEMPTS; attempt++) {
    const reference = newReference(options.data.settings.company.referencePrefix);
    // Priced with each draw: the quote shows the reference, and a second draw is one in hundreds of millions.
    let quote: SavedQuote | null;
    try {
      quote = request.kind === 'installation' && request.configuration ? requestedQuote(request, request.configuration, reference, options, now) : null;
    } catch (error) {
      // What was stored stays the answer to its retries, even once its products can no longer be priced.
      const earlier = await replay(db, key, fingerprint);
      if (earlier) return earlier;
      throw error;
    }
    const stored = details(request, reference, quote, options.mail.siteUrl);
    const messages = [customerConfirmation(stored, options.mail), installerNotification(stored, options.mail)];
    const outcome = await writerFor(db)({ id: newRowId(), reference, request, quote, idempotencyKey: key, fingerprint, messages, now });
    if (outcome === 'stored') return { reference, kind: request.kind, createdAt: now, quote, replayed: false };
    if (outcome === 'key-taken') {
      const winner = await replay(db, key, fingerprint);
      if (winner) return winner;
      throw new Error('A submission with this key was being stored but cannot be found');
    }
    // A reference already taken (one in hundreds of millions): draw another.
  }
  throw new Error(`No free request reference after ${REFERENCE_ATTEMPTS} draws`);
}
