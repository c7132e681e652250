import type { Database } from '~/server/db/client';
import { newRowId } from '~/server/db/row-id';
import { requests } from '~/server/db/schema';
import type { SavedQuote } from '~/server/quotes/quote';

/**
 * Stores the customer's request a quote belongs to, as a submission would have (Ada's, with no
 * addresses), its reference made from the quote's id; `fields` sets what a test needs otherwise.
 */
export async function insertRequestFor(db: Database, quote: SavedQuote, fields: Partial<typeof requests.$inferInsert> = {}): Promise<{ requestId: string; reference: string }> {
  const row = {
    id: newRowId(),
    reference: `NG-${quote.id.slice(0, 6).toUpperCase()}`,
    kind: 'installation' as const,
    quoteId: quote.id,
    contactName: 'Ada Lovelace',
    contactEmail: 'ada@example.com',
    addresses: [],
    preferredWindows: [],
    consent: true,
    consentedAt: new Date(),
    idempotencyKey: newRowId(),
    fingerprint: 'f',
    ...fields,
  };
  await db.insert(requests).values(row);
  return { requestId: row.id, reference: row.reference };
}
