import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import type { PipelineState } from '~/domain/pipeline/pipeline';
import type { Settings } from '~/domain/settings/settings';
import { acceptQuote, respondToQuote, type AnswerContext } from '~/server/acceptance/accept';
import { settleDepositChange } from '~/server/acceptance/deposit';
import { outbox, requests, staffAccounts, timelineEvents } from '~/server/db/schema';
import { newRowId } from '~/server/db/row-id';
import { startDepositCheckout } from '~/server/payments/checkout';
import { latestDeposit } from '~/server/payments/store';
import { stripeFor, type StripeSetup } from '~/server/payments/stripe';
import { receiveStripeWebhook } from '~/server/payments/webhook';
import { recordPipelineEvent } from '~/server/pipeline/record';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { bookWindow, cancelBooking, openSlotsFor, type BookingContext } from '~/server/scheduling/booking';
import { insertView } from '~/server/views/store';
import { backends, type TestDatabase } from '../../helpers/db';
import { startFakeStripe, type FakeStripe } from '../../helpers/stripe-server';
import { insertRequestFor } from '~tests/helpers/requests';

/**
 * The pipeline moving by itself: each thing the customer (or Stripe, or another part of the portal)
 * does moves the request as the domain's `transition` says, in the transaction of the event; a
 * replay or an out-of-order event changes nothing and is no error; and each note to staff goes to the
 * assigned salesperson, or the installer's inbox while nobody holds the request.
 */

const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }])]);
const settings: Settings = fixtureData.settings;
const installerEmail = 'office@installer.example';
const url = 'https://quotes.example.com/quote/x';
const answers = (): AnswerContext => ({ settings, mail: { settings, installerEmail }, url, clientAddress: '203.0.113.7', userAgent: 'Test browser' });
const booking = (): BookingContext => ({ settings, mail: { settings, installerEmail }, url });
const viewMail = { kind: 'quote-first-viewed' as const, to: 'ignored@example.com', subject: 'Viewed', text: 't', html: 'h' };

describe.each(backends)('automatic pipeline moves on $name', (backend) => {
  let handle: TestDatabase;
  let fake: FakeStripe;
  let setup: StripeSetup;
  const salesId = newRowId();

  beforeAll(async () => {
    [handle, fake] = await Promise.all([backend.open(), startFakeStripe()]);
    setup = { stripe: stripeFor(fake.secretKey, fake.url), webhookSecret: fake.webhookSecret };
    await handle.db.insert(staffAccounts).values({ id: salesId, email: 'sam@installer.example', name: 'Sam Sales', role: 'sales' });
  }, 60_000);
  afterAll(async () => Promise.all([handle?.dispose(), fake?.close()]));

  async function quoteWithRequest(assignedTo: string | null): Promise<{ quote: SavedQuote; requestId: string }> {
    const quote = await createQuote(handle.db, { configuration, status: 'requested', firstName: 'Ada' }, fixtureData);
    const { requestId } = await insertRequestFor(handle.db, quote, { assignedTo });
    return { quote, requestId };
  }
  const stateOf = async (requestId: string) => (await handle.db.select({ status: requests.status }).from(requests).where(eq(requests.id, requestId)))[0]!.status;
  const moves = async (requestId: string) =>
    (await handle.db.select({ detail: timelineEvents.detail }).from(timelineEvents).where(and(eq(timelineEvents.requestId, requestId), eq(timelineEvents.kind, 'request.moved')))).map((row) => row.detail.to as PipelineState);
  const mailTo = async (kind: string, to: string) => (await handle.db.select({ subject: outbox.subject }).from(outbox).where(and(eq(outbox.kind, kind), eq(outbox.to, to))).orderBy(outbox.id)).map((row) => row.subject);
  const sendQuote = (requestId: string) => handle.db.transaction((tx) => recordPipelineEvent(tx, { requestId }, { type: 'send_quote' }, { actor: 'staff', staffId: salesId }));
  const view = (quote: SavedQuote) => insertView(handle.db, { quoteId: quote.id, revision: quote.revision.number, agent: 'safari', at: new Date(), firstViewMail: viewMail });

  it('takes a quote from sent to scheduled as the customer goes, each step once however often it is replayed', { timeout: 60_000 }, async () => {
    const { quote, requestId } = await quoteWithRequest(salesId);
    expect(await sendQuote(requestId)).toEqual({ moved: true, from: 'new', to: 'quote_sent' });
    expect(await sendQuote(requestId)).toMatchObject({ moved: false });

    await view(quote);
    await view(quote);
    expect(await stateOf(requestId)).toBe('viewed');

    await respondToQuote(handle.db, quote, 'changes-requested', 'Two more cameras, please', answers());
    await respondToQuote(handle.db, quote, 'changes-requested', 'And a doorbell', answers());
    expect(await stateOf(requestId)).toBe('changes_requested');
    expect(await mailTo('quote-response', 'sam@installer.example')).toHaveLength(2);
    await handle.db.transaction((tx) => recordPipelineEvent(tx, { quoteId: quote.id }, { type: 'send_revision' }, { actor: 'staff', staffId: salesId }));

    expect(await acceptQuote(handle.db, quote, { option: 'quote', addOns: [], fullName: 'Ada Lovelace', consent: true, revision: 1 }, answers())).toMatchObject({ ok: true, recorded: true });
    expect(await stateOf(requestId)).toBe('accepted');

    await startDepositCheckout(handle.db, setup.stripe, quote, { successUrl: url, cancelUrl: url, holdMinutes: 30 });
    const deposit = (await latestDeposit(handle.db, quote.id, 1))!;
    const paid = fake.eventFor('checkout.session.completed', { ...fake.sessions.get(deposit.checkoutSessionId!)!, payment_status: 'paid', payment_intent: 'pi_test_pipeline' });
    const first = await receiveStripeWebhook(handle.db, setup, paid.payload, paid.signature);
    expect(await stateOf(requestId)).toBe('deposit_paid');
    const replay = await receiveStripeWebhook(handle.db, setup, paid.payload, paid.signature);
    expect(replay).toEqual({ status: 200, change: null });
    for (const outcome of [first, replay]) if (outcome.status === 200) await settleDepositChange(handle.db, outcome.change, { settings, mail: { settings, installerEmail }, siteUrl: 'https://quotes.example.com' });
    expect(await mailTo('staff-deposit-notice', 'sam@installer.example')).toEqual([expect.stringMatching(/^Deposit paid: Ada Lovelace, NG-/)]);

    const slots = await openSlotsFor(handle.db, quote, settings);
    await bookWindow(handle.db, quote, slots[0]!, false, booking());
    expect(await stateOf(requestId)).toBe('scheduled');
    await bookWindow(handle.db, quote, slots[1]!, false, booking());
    expect(await stateOf(requestId)).toBe('scheduled');
    await cancelBooking(handle.db, quote, booking());
    expect(await stateOf(requestId)).toBe('deposit_paid');
    expect(await mailTo('staff-booking-notice', 'sam@installer.example')).toEqual([expect.stringMatching(/^Installation booked/), expect.stringMatching(/^Installation moved/), expect.stringMatching(/^Installation canceled/)]);

    expect(await moves(requestId)).toEqual(['quote_sent', 'viewed', 'changes_requested', 'quote_sent', 'accepted', 'deposit_paid', 'scheduled', 'deposit_paid']);
    expect(await mailTo('quote-first-viewed', installerEmail)).toEqual([]);
    expect(await mailTo('quote-response', installerEmail)).toEqual([]);
  });

  it('ignores an event out of order: the customer’s answer is kept, the state is not moved', async () => {
    const { quote, requestId } = await quoteWithRequest(salesId);
    await view(quote);
    expect(await stateOf(requestId)).toBe('new');
    const installed = await handle.db.transaction((tx) => recordPipelineEvent(tx, { requestId }, { type: 'mark_installed' }, { actor: 'staff', staffId: salesId }));
    expect(installed).toMatchObject({ moved: false, reason: expect.stringContaining('only a scheduled installation') });
    expect(await acceptQuote(handle.db, quote, { option: 'quote', addOns: [], fullName: 'Ada Lovelace', consent: true, revision: 1 }, answers())).toMatchObject({ ok: true, recorded: true });
    expect(await stateOf(requestId)).toBe('new');
    expect(await moves(requestId)).toEqual([]);
  });

  it('mails the installer’s inbox while nobody holds the request, and a disabled assignee’s too', async () => {
    const { quote } = await quoteWithRequest(null);
    await respondToQuote(handle.db, quote, 'price-update-requested', null, answers());
    const formerId = newRowId();
    await handle.db.insert(staffAccounts).values({ id: formerId, email: 'former@installer.example', name: 'Former', role: 'sales', disabledAt: new Date() });
    const { quote: held } = await quoteWithRequest(formerId);
    await respondToQuote(handle.db, held, 'declined', 'Too dear', answers());
    expect(await mailTo('quote-response', installerEmail)).toEqual([expect.stringMatching(/^Updated prices requested/), expect.stringMatching(/^Quote declined/)]);
    expect(await mailTo('quote-response', 'former@installer.example')).toEqual([]);
  });
});
