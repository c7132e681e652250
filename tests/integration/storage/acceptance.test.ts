import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import { acceptQuote, respondToQuote, snapshotHash, type AnswerContext } from '~/server/acceptance/accept';
import { outbox, quoteAcceptances, quotes, requests } from '~/server/db/schema';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { getQuoteById } from '~/server/quotes/store';
import { timelineOf } from '~/server/timeline/store';
import { backends, type TestDatabase } from '../../helpers/db';
import { insertRequestFor } from '~tests/helpers/requests';

/**
 * Answers on the quote link: one acceptance per quote however many tabs sign at once, the signature
 * tied to the revision by the hash of its snapshot, a signed copy mailed to the request's contact,
 * and declines, change requests and requests for updated prices on the timeline with the installer told.
 */

const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }])]);
const signature = { option: 'quote', addOns: [], fullName: 'Ada Lovelace', consent: true as const };

describe.each(backends)('quote answers on $name', (backend) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await backend.open();
  }, 60_000);
  afterAll(async () => handle?.dispose());

  const ctx = (now = new Date()): AnswerContext => ({
    settings: fixtureData.settings,
    mail: { settings: fixtureData.settings, installerEmail: 'office@installer.example' },
    url: 'https://quotes.example.com/quote/x',
    clientAddress: '203.0.113.7',
    userAgent: 'Test browser',
    now,
  });

  async function quoteWithRequest(pricedAt = new Date()): Promise<SavedQuote> {
    const quote = await createQuote(handle.db, { configuration, status: 'requested', firstName: 'Ada' }, fixtureData, pricedAt);
    await insertRequestFor(handle.db, quote, { consentedAt: pricedAt });
    return quote;
  }
  const mailOf = (quote: SavedQuote) =>
    handle.db
      .select({ to: outbox.to, kind: outbox.kind, subject: outbox.subject, text: outbox.text })
      .from(outbox)
      .innerJoin(requests, eq(requests.id, outbox.requestId))
      .where(eq(requests.quoteId, quote.id));

  it('records one acceptance when ten tabs sign at once, with the evidence, the status, the timeline and the signed copy', async () => {
    const quote = await quoteWithRequest();
    const outcomes = await Promise.all(Array.from({ length: 10 }, () => acceptQuote(handle.db, quote, { revision: 1, ...signature }, ctx())));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(outcomes.filter((o) => o.ok && o.recorded)).toHaveLength(1);
    const [total] = await handle.db.select({ n: count() }).from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, quote.id));
    expect(total?.n).toBe(1);
    const [row] = await handle.db.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, quote.id));
    expect(row).toMatchObject({ revision: 1, option: 'quote', fullName: 'Ada Lovelace', clientAddress: '203.0.113.7', userAgent: 'Test browser' });
    const stored = await getQuoteById(handle.db, quote.id);
    // The same hash from the snapshot as priced and as read back from the database.
    expect(row!.snapshotSha256).toBe(snapshotHash(stored!));
    expect(row!.snapshotSha256).toBe(snapshotHash(quote));
    expect(row!.snapshotSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.status).toBe('accepted');
    const events = (await timelineOf(handle.db, { quoteId: quote.id })).filter((e) => e.kind === 'quote.accepted');
    expect(events).toHaveLength(1);
    const mail = await mailOf(quote);
    expect(mail.map((m) => [m.kind, m.to]).sort()).toEqual([
      ['quote-response', 'office@installer.example'],
      ['signed-quote', 'ada@example.com'],
    ]);
    expect(mail.find((m) => m.kind === 'signed-quote')!.text).toContain(row!.snapshotSha256);
  });

  it('refuses an expired revision and a superseded one, and an unknown option', async () => {
    const old = await quoteWithRequest(new Date('2025-01-10T12:00:00Z'));
    expect(await acceptQuote(handle.db, old, { revision: 1, ...signature }, ctx())).toMatchObject({ ok: false, refusal: { reason: 'expired' } });
    const quote = await quoteWithRequest();
    const newer = { ...quote, revision: { ...quote.revision, number: 2 } };
    expect(await acceptQuote(handle.db, newer, { revision: 1, ...signature }, ctx())).toMatchObject({ ok: false, refusal: { reason: 'superseded', latest: 2 } });
    expect(await acceptQuote(handle.db, quote, { revision: 1, ...signature, option: 'complete' }, ctx())).toMatchObject({ ok: false, refusal: { reason: 'unknown-option' } });
    expect(await handle.db.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, quote.id))).toHaveLength(0);
  });

  it('puts a decline, a change request and a price update request on the timeline and tells the installer', async () => {
    const quote = await quoteWithRequest();
    await respondToQuote(handle.db, quote, 'changes-requested', 'Two more cameras at the back, please.', ctx());
    await respondToQuote(handle.db, quote, 'price-update-requested', null, ctx());
    await respondToQuote(handle.db, quote, 'declined', 'Too dear for now.', ctx());
    const events = await timelineOf(handle.db, { quoteId: quote.id });
    expect(events.map((e) => [e.kind, e.detail.message ?? null])).toEqual(
      expect.arrayContaining([
        ['quote.changes_requested', 'Two more cameras at the back, please.'],
        ['quote.price_update_requested', null],
        ['quote.declined', 'Too dear for now.'],
      ]),
    );
    const [stored] = await handle.db.select({ status: quotes.status }).from(quotes).where(eq(quotes.id, quote.id));
    expect(stored!.status).toBe('declined');
    expect((await mailOf(quote)).filter((m) => m.to === 'office@installer.example')).toHaveLength(3);
  });

  it('refuses answers other than acceptance once a quote is accepted', async () => {
    const quote = await quoteWithRequest();
    await acceptQuote(handle.db, quote, { revision: 1, ...signature }, ctx());
    expect(await respondToQuote(handle.db, quote, 'declined', null, ctx())).toEqual({ ok: false });
  });
});
