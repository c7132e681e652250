import { inArray } from 'drizzle-orm';
import type { CustomerRequest } from '~/domain/requests/request';
import { runStatement, type Database } from '../db/client';
import { oneStatement, rowsOf } from '../db/one-statement';
import { recordTimelineEvent, timelineRows, type NewTimelineEvent } from '../timeline/store';
import { outbox, requests } from '../db/schema';
import type { MailMessage } from '../mail/templates';
import type { SavedQuote } from '../quotes/quote';
import { insertQuote, quoteRows } from '../quotes/store';

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

/** The stored requests with these keys, found in one statement; one entry per key, undefined where none is stored. */
export async function findRequestsByKeys(db: Database, keys: string[]) {
  const rows = await db
    .select({ key: requests.idempotencyKey, reference: requests.reference, kind: requests.kind, createdAt: requests.createdAt, quoteId: requests.quoteId, fingerprint: requests.fingerprint })
    .from(requests)
    .where(inArray(requests.idempotencyKey, [...new Set(keys)]));
  const byKey = new Map(rows.map(({ key, ...found }) => [key, found]));
  return keys.map((key) => byKey.get(key));
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

function outboxRows(record: RequestRecord) {
  return record.messages.map((m) => ({ ...m, replyTo: m.replyTo ?? null, requestId: record.id, createdAt: record.now, nextAttemptAt: record.now }));
}

function submittedEvent(record: RequestRecord): NewTimelineEvent {
  return { kind: 'request.submitted', actor: 'customer', requestId: record.id, quoteId: record.quote?.id ?? null, detail: { reference: record.reference }, at: record.now };
}

/** One request on its own, in a transaction that finds out which of its key and its reference was taken. */
async function insertRequest(db: Database, record: RequestRecord): Promise<InsertOutcome> {
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
      const messages = outboxRows(record);
      if (messages.length > 0) await tx.insert(outbox).values(messages);
      await recordTimelineEvent(tx, submittedEvent(record));
    });
    return 'stored';
  } catch (error) {
    if (error instanceof KeyTaken) return 'key-taken';
    if (isUniqueViolation(error, 'requests_reference_unique')) return 'reference-taken';
    throw error;
  }
}

/** Every row of `records` in one statement (one-statement.ts): it commits whole or fails whole. */
async function insertTogether(db: Database, records: RequestRecord[]): Promise<void> {
  const saved = records.flatMap((record) => (record.quote ? [record.quote] : []));
  const messages = records.flatMap(outboxRows);
  await runStatement(db, oneStatement([...quoteRows(saved), rowsOf(requests, records.map(requestRow)), rowsOf(outbox, messages), timelineRows(records.map(submittedEvent))]));
}

/**
 * Writes requests with their quotes, outbox rows and timeline events in one statement, however many
 * there are, and answers once it has committed: stored, or 'key-taken' for a key stored before or
 * seen earlier in `records`. A key already stored fails the statement whole: those keys are looked up
 * together and the rest written again. A reference drawn twice (one in hundreds of millions) fails it
 * too: then each is written on its own, so only that one is told to draw again.
 */
export async function insertRequests(db: Database, records: RequestRecord[]): Promise<InsertOutcome[]> {
  const firstOfKey = new Map<string, RequestRecord>();
  for (const record of records) if (!firstOfKey.has(record.idempotencyKey)) firstOfKey.set(record.idempotencyKey, record);
  let writing = [...firstOfKey.values()];
  const outcomes = new Map<string, InsertOutcome>();
  while (writing.length > 0) {
    try {
      await insertTogether(db, writing);
      for (const record of writing) outcomes.set(record.id, 'stored');
      break;
    } catch (error) {
      const keyTaken = isUniqueViolation(error, 'requests_idempotency_key_unique');
      if (!keyTaken && !isUniqueViolation(error, 'requests_reference_unique')) throw error;
      const stored = keyTaken ? await findRequestsByKeys(db, writing.map((record) => record.idempotencyKey)) : [];
      if (!stored.some(Boolean)) {
        for (const record of writing) outcomes.set(record.id, await insertRequest(db, record));
        break;
      }
      writing = writing.filter((_, i) => !stored[i]);
    }
  }
  return records.map((record) => outcomes.get(record.id) ?? 'key-taken');
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
