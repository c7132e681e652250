import { count, eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depositCents } from '~/domain/acceptance/deposit';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import { deposits, stripeEvents } from '~/server/db/schema';
import { depositFor, startDepositCheckout } from '~/server/payments/checkout';
import { recordOfflineDeposit, refundDeposit } from '~/server/payments/staff-payments';
import { stripeFor, type StripeSetup } from '~/server/payments/stripe';
import { receiveStripeWebhook } from '~/server/payments/webhook';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { backends, type TestDatabase } from '../../helpers/db';
import { startFakeStripe, type FakeStripe } from '../../helpers/stripe-server';

/**
 * Deposits through Stripe Checkout with the real `stripe` library talking to a local stand-in:
 * the amount from the stored revision, one session per attempt however many clicks, and webhooks
 * that are verified, taken in once and never move a deposit backwards.
 */

const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }])]);
const urls = { successUrl: 'https://quotes.example.com/quote/x?deposit=paid', cancelUrl: 'https://quotes.example.com/quote/x', holdMinutes: 30 };

describe.each(backends)('deposits on $name', (backend) => {
  let handle: TestDatabase;
  let fake: FakeStripe;
  let setup: StripeSetup;

  beforeAll(async () => {
    [handle, fake] = await Promise.all([backend.open(), startFakeStripe()]);
    setup = { stripe: stripeFor(fake.secretKey, fake.url), webhookSecret: fake.webhookSecret };
  }, 60_000);
  afterAll(async () => {
    await Promise.all([handle?.dispose(), fake?.close()]);
  });

  const newQuote = () => createQuote(handle.db, { configuration, status: 'requested' }, fixtureData);
  const depositRows = (quote: SavedQuote) => handle.db.select().from(deposits).where(eq(deposits.quoteId, quote.id));
  const webhook = (event: { payload: string; signature: string }) => receiveStripeWebhook(handle.db, setup, event.payload, event.signature);
  const sessionOf = async (quote: SavedQuote) => fake.sessions.get((await depositRows(quote))[0]!.checkoutSessionId!)!;

  it('asks Stripe for the stored revision’s deposit, once however many clicks and tabs', async () => {
    const quote = await newQuote();
    const before = fake.calls.length;
    const [first, ...others] = await Promise.all(Array.from({ length: 5 }, () => startDepositCheckout(handle.db, setup.stripe, quote, urls)));
    expect(first).toMatchObject({ kind: 'checkout', url: expect.stringContaining(`${fake.url}/pay/cs_test_`) });
    for (const other of others) expect(other).toEqual(first);
    expect(await startDepositCheckout(handle.db, setup.stripe, quote, urls)).toEqual(first);
    expect(await depositRows(quote)).toHaveLength(1);

    const calls = fake.calls.slice(before);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([`deposit-${quote.id}-r1-a1`]));
    const expected = depositCents(quote.revision.snapshot.estimate.oneTime, fixtureData.settings);
    expect(expected).toBeGreaterThan(0);
    expect(depositFor(quote)).toBe(expected);
    const body = calls[0]!.body as { line_items: Record<string, { price_data: { unit_amount: string } }>; metadata: Record<string, string> };
    expect(Number(body.line_items['0']!.price_data.unit_amount)).toBe(expected);
    expect(body.metadata).toEqual({ quoteId: quote.id, revision: '1', attempt: '1' });
  });

  it('marks the deposit paid on a signed completion, and a replay or a late expiry changes nothing', async () => {
    const quote = await newQuote();
    await startDepositCheckout(handle.db, setup.stripe, quote, urls);
    const session = { ...(await sessionOf(quote)), payment_status: 'paid', payment_intent: 'pi_test_1' };
    const completed = fake.eventFor('checkout.session.completed', session);
    const outcome = await webhook(completed);
    expect(outcome).toMatchObject({ status: 200, change: { before: { status: 'open' }, after: { status: 'paid', paymentIntentId: 'pi_test_1' } } });
    expect(await webhook(completed)).toEqual({ status: 200, change: null });
    expect(await webhook(fake.eventFor('checkout.session.expired', { ...session, status: 'expired' }))).toMatchObject({ change: { after: { status: 'paid' } } });
    expect((await depositRows(quote))[0]).toMatchObject({ status: 'paid', paidAt: expect.any(Date) });
    expect(await startDepositCheckout(handle.db, setup.stripe, quote, urls)).toEqual({ kind: 'settled', status: 'paid' });
  });

  it('refuses a forged or unsigned event and changes nothing', async () => {
    const quote = await newQuote();
    await startDepositCheckout(handle.db, setup.stripe, quote, urls);
    const session = { ...(await sessionOf(quote)), payment_status: 'paid' };
    const forged = fake.eventFor('checkout.session.completed', session, { secret: 'whsec_someoneelse' });
    const events = async () => (await handle.db.select({ n: count() }).from(stripeEvents))[0]!.n;
    const stored = await events();
    expect(await webhook(forged)).toMatchObject({ status: 400 });
    expect(await receiveStripeWebhook(handle.db, setup, forged.payload, null)).toMatchObject({ status: 400 });
    const genuine = fake.eventFor('checkout.session.completed', session);
    expect(await webhook({ payload: genuine.payload.replace('"paid"', '"unpaid"'), signature: genuine.signature })).toMatchObject({ status: 400 });
    expect(await events()).toBe(stored);
    expect((await depositRows(quote))[0]!.status).toBe('open');
  });

  it('waits for a delayed payment method, in whichever order its events come', async () => {
    for (const order of [['completed', 'succeeded'], ['succeeded', 'completed']] as const) {
      const quote = await newQuote();
      await startDepositCheckout(handle.db, setup.stripe, quote, urls);
      const session = await sessionOf(quote);
      const events = {
        completed: fake.eventFor('checkout.session.completed', { ...session, status: 'complete', payment_status: 'unpaid' }),
        succeeded: fake.eventFor('checkout.session.async_payment_succeeded', { ...session, status: 'complete', payment_status: 'paid' }),
      };
      const seen = [];
      for (const name of order) seen.push(((await webhook(events[name])) as { change: { after: { status: string } } }).change.after.status);
      expect(seen, order.join(' then ')).toEqual(order[0] === 'completed' ? ['processing', 'paid'] : ['paid', 'paid']);
    }
    const failing = await newQuote();
    await startDepositCheckout(handle.db, setup.stripe, failing, urls);
    const session = await sessionOf(failing);
    await webhook(fake.eventFor('checkout.session.completed', { ...session, payment_status: 'unpaid' }));
    expect(await webhook(fake.eventFor('checkout.session.async_payment_failed', session))).toMatchObject({ change: { after: { status: 'failed' } } });
  });

  it('opens a new session under a new key once the last one expired', async () => {
    const quote = await newQuote();
    const first = await startDepositCheckout(handle.db, setup.stripe, quote, urls);
    await webhook(fake.eventFor('checkout.session.expired', { ...(await sessionOf(quote)), status: 'expired' }));
    const second = await startDepositCheckout(handle.db, setup.stripe, quote, urls);
    expect(second).toMatchObject({ kind: 'checkout' });
    expect(second).not.toEqual(first);
    expect(fake.calls.at(-1)!.idempotencyKey).toBe(`deposit-${quote.id}-r1-a2`);
    expect((await depositRows(quote)).map((d) => [d.attempt, d.status]).sort()).toEqual([[1, 'expired'], [2, 'open']]);
  });

  it('refunds through Stripe once per click, and records a deposit taken offline', async () => {
    const quote = await newQuote();
    await startDepositCheckout(handle.db, setup.stripe, quote, urls);
    await webhook(fake.eventFor('checkout.session.completed', { ...(await sessionOf(quote)), payment_status: 'paid', payment_intent: 'pi_test_refund' }));
    const [deposit] = await depositRows(quote);
    expect(await refundDeposit(handle.db, setup.stripe, deposit!.id, deposit!.amountCents + 1, null)).toMatchObject({ ok: false, field: 'amountCents' });
    const refunded = await refundDeposit(handle.db, setup.stripe, deposit!.id, undefined, null);
    expect(refunded).toMatchObject({ ok: true, deposit: { status: 'refunded', refundedCents: deposit!.amountCents } });
    expect(fake.calls.at(-1)).toMatchObject({ path: '/v1/refunds', body: { payment_intent: 'pi_test_refund', amount: String(deposit!.amountCents) } });
    expect(await refundDeposit(handle.db, setup.stripe, deposit!.id, undefined, null)).toMatchObject({ ok: false, field: 'deposit' });

    const offline = await newQuote();
    expect(await startDepositCheckout(handle.db, null as Stripe | null, offline, urls)).toEqual({ kind: 'offline', amountCents: depositFor(offline) });
    const recorded = await recordOfflineDeposit(handle.db, offline, '00000000-0000-4000-8000-000000000001', { note: 'Check no. 1042' });
    expect(recorded).toMatchObject({ method: 'offline', status: 'paid', amountCents: depositFor(offline), note: 'Check no. 1042' });
    expect(await recordOfflineDeposit(handle.db, offline, '00000000-0000-4000-8000-000000000001', { note: 'again' })).toBeNull();
  });
});
