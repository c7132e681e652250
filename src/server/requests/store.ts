import { eq } from 'drizzle-orm';
import type { CustomerRequest } from '~/domain/requests/request';
import type { Database } from '../db/client';
import { recordTimelineEvent } from '../timeline/store';
import { outbox, requests } from '../db/schema';
import type { MailMessage } from '../mail/templates';
import type { SavedQuote } from '../quotes/quote';
import { insertQuote } from '../quotes/store';

/**
 * Requests in the database. A request, its new quote and its outbox rows are written in one
 * transaction, so an acknowledged request is never lost and its mail never goes out without it.
 */

export interface RequestRecord {
  id: string;
  reference: string;
  request: CustomerRequest;
  /** A new quote stored with the request; null for a service request or a direct one. */
  quote: SavedQuote | null;
  idempotencyKey: string;
  fingerprint: string;
  messages: MailMessage[];
  now: Date;
}

/** What inserting came to: stored, or not stored because the key or the reference was already taken. */
export type InsertOutcome = 'stored' | 'key-taken' | 'reference-taken';

export async function findRequestByKey(db: Database, key: string) {
  const rows = await db
    .select({ reference: requests.reference, kind: requests.kind, createdAt: requests.createdAt, quoteId: requests.quoteId, fingerprint: requests.fingerprint })
    .from(requests)
    .where(eq(requests.idempotencyKey, key))
    .limit(1);
  return rows[0];
}

function requestRow(record: RequestRecord) {
  const { request } = record;
  const common = {
    id: record.id,
    reference: record.reference,
    kind: request.kind,
    quoteId: record.quote?.id ?? null,
    contactName: request.contact.name,
    contactEmail: request.contact.email,
    contactPhone: request.contact.phone ?? null,
    preferredWindows: request.windows,
    consent: request.consent,
    consentedAt: record.now,
    idempotencyKey: record.idempotencyKey,
    fingerprint: record.fingerprint,
    createdAt: record.now,
  };
  if (request.kind === 'installation') {
    return {
      ...common,
      addresses: request.addresses,
      notes: request.notes ?? null,
      company: request.company ?? null,
      billingName: request.billing?.name ?? null,
      billingEmail: request.billing?.email ?? null,
      purchaseOrder: request.purchaseOrder ?? null,
      nextStep: request.nextStep ?? null,
    };
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

/** Walks an error's causes (drizzle wraps the driver's error) for a unique violation of one constraint. */
function isUniqueViolation(error: unknown, constraint: string): boolean {
  for (let e = error as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505' && (e.constraint === constraint || String(e.message).includes(constraint))) return true;
  }
  return false;
}

/** Thrown inside the transaction to roll it back when another submission with the key won. */
class KeyTaken extends Error {}

/** Writes the request with its quote and outbox rows in one transaction; returns once it has committed. */
export async function insertRequest(db: Database, record: RequestRecord): Promise<InsertOutcome> {
  try {
    await db.transaction(async (tx) => {
      if (record.quote) await insertQuote(tx, record.quote);
      const inserted = await tx
        .insert(requests)
        .values(requestRow(record))
        // A concurrent submission with the same key waits on the unique index here and, once the
        // first one commits, inserts nothing; its quote is rolled back with it.
        .onConflictDoNothing({ target: requests.idempotencyKey })
        .returning({ id: requests.id });
      if (inserted.length === 0) throw new KeyTaken();
      await tx
        .insert(outbox)
        .values(record.messages.map((m) => ({ ...m, replyTo: m.replyTo ?? null, requestId: record.id, createdAt: record.now, nextAttemptAt: record.now })));
      await recordTimelineEvent(tx, { kind: 'request.submitted', actor: 'customer', requestId: record.id, quoteId: record.quote?.id ?? null, detail: { reference: record.reference }, at: record.now });
    });
    return 'stored';
  } catch (error) {
    if (error instanceof KeyTaken) return 'key-taken';
    if (isUniqueViolation(error, 'requests_reference_unique')) return 'reference-taken';
    throw error;
  }
}

export interface StartedRequest {
  id: string;
  reference: string;
  contact: { name: string; email: string };
  company: string | null;
  quote: SavedQuote;
  staffId: string;
  now: Date;
}

/**
 * Writes a request staff started, with its quote, in one transaction: assigned to whoever started it,
 * and no outbox rows, so the customer hears nothing until the quote builder sends a revision.
 */
export async function insertStartedRequest(db: Database, record: StartedRequest): Promise<InsertOutcome> {
  try {
    await db.transaction(async (tx) => {
      await insertQuote(tx, record.quote, record.staffId);
      await tx.insert(requests).values({
        id: record.id,
        reference: record.reference,
        kind: 'installation',
        assignedTo: record.staffId,
        quoteId: record.quote.id,
        contactName: record.contact.name,
        contactEmail: record.contact.email,
        addresses: [],
        preferredWindows: [],
        company: record.company,
        // The customer asked staff for this quote, which is the consent to be contacted about it.
        consent: true,
        consentedAt: record.now,
        // Nothing retries a staff start: the key and fingerprint only fill the columns a submission needs.
        idempotencyKey: `staff-${record.id}`,
        fingerprint: `staff-${record.id}`,
        createdAt: record.now,
      });
      await recordTimelineEvent(tx, { kind: 'request.started', actor: 'staff', staffId: record.staffId, requestId: record.id, quoteId: record.quote.id, detail: { reference: record.reference }, at: record.now });
    });
    return 'stored';
  } catch (error) {
    if (isUniqueViolation(error, 'requests_reference_unique')) return 'reference-taken';
    throw error;
  }
}
