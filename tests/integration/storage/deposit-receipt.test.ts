import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRequest } from '~/domain/requests/request';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import { formatMoney } from '~/domain/money';
import { queueDepositReceipt, type ReceiptContext } from '~/server/acceptance/receipt';
import { outbox } from '~/server/db/schema';
import { depositFor, startDepositCheckout } from '~/server/payments/checkout';
import { recordOfflineDeposit } from '~/server/payments/staff-payments';
import { stripeFor, type StripeSetup } from '~/server/payments/stripe';
import { receiveStripeWebhook } from '~/server/payments/webhook';
import type { SavedQuote } from '~/server/quotes/quote';
import { submitRequest } from '~/server/requests/submit';
import { backends, type TestDatabase } from '../../helpers/db';
import { startFakeStripe, type FakeStripe } from '../../helpers/stripe-server';

/**
 * The customer's deposit receipt: one per paid deposit, whichever event marks it paid (a paid
 * completion, the delayed method's success after an unpaid completion, staff recording an offline
 * payment), however often Stripe sends the events again. Signed events, the real stripe library.
 */

const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }])]);
const ctx: ReceiptContext = { settings: fixtureData.settings, mail: { settings: fixtureData.settings, installerEmail: 'office@installer.example' }, siteUrl: 'https://quotes.example.com' };
const urls = { successUrl: 'https://quotes.example.com/quote/x?deposit=paid', cancelUrl: 'https://quotes.example.com/quote/x', holdMinutes: 30 };
let people = 0;

describe.each(backends)('deposit receipts on $name', (backend) => {
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

  async function requestedQuote(): Promise<{ quote: SavedQuote; email: string; reference: string }> {
    const email = `customer${++people}@example.com`;
    const request: CustomerRequest = { kind: 'installation', contact: { name: `Dana Person${people}`, email }, addresses: [{ siteId: 'site-1', line1: '1 Main St', city: 'Bayview', postalCode: '12345' }], windows: [], consent: true, configuration };
    const stored = await submitRequest(handle.db, request, { data: fixtureData, mail: { ...ctx.mail, siteUrl: ctx.siteUrl } });
    return { quote: stored.quote!, email, reference: stored.reference };
  }
  const receipts = (email: string) => handle.db.select().from(outbox).where(and(eq(outbox.kind, 'deposit-receipt'), eq(outbox.to, email)));
  const webhook = (event: { payload: string; signature: string }) => receiveStripeWebhook(handle.db, setup, event.payload, event.signature, new Date(), (tx, deposit) => queueDepositReceipt(tx, deposit, ctx));
  const sessionOf = (quote: SavedQuote) => [...fake.sessions.values()].find((s) => s.metadata?.quoteId === quote.id)!;

  it('queues one receipt with the amount, what it is for, what comes next and the quote link, however often the event comes', async () => {
    const { quote, email, reference } = await requestedQuote();
    await startDepositCheckout(handle.db, setup.stripe, quote, urls);
    const completed = fake.eventFor('checkout.session.completed', { ...sessionOf(quote), payment_status: 'paid', payment_intent: 'pi_test_receipt' });
    await Promise.all([webhook(completed), webhook(completed)]);
    await webhook(completed);
    await webhook(fake.eventFor('checkout.session.async_payment_succeeded', { ...sessionOf(quote), payment_status: 'paid' }));

    const [receipt, ...others] = await receipts(email);
    expect(others).toHaveLength(0);
    const amount = formatMoney(depositFor(quote), 'USD', fixtureData.settings.locale);
    expect(receipt!.subject).toBe(`Deposit received: ${amount} for your installation, ${reference}`);
    expect(receipt!.text).toContain(`Amount: ${amount}, paid online by card`);
    expect(receipt!.text).toContain(`For: the deposit on version 1 of your quote ${reference}`);
    expect(receipt!.text).toContain('What happens next');
    expect(receipt!.text).toContain('Pick your installation window on your quote page');
    expect(receipt!.text).toContain(`https://quotes.example.com/quote/${quote.publicId}`);
  });

  it('queues it when a delayed payment succeeds, not for the unpaid completion before it', async () => {
    const { quote, email } = await requestedQuote();
    await startDepositCheckout(handle.db, setup.stripe, quote, urls);
    await webhook(fake.eventFor('checkout.session.completed', { ...sessionOf(quote), payment_status: 'unpaid' }));
    expect(await receipts(email)).toHaveLength(0);
    const succeeded = fake.eventFor('checkout.session.async_payment_succeeded', { ...sessionOf(quote), payment_status: 'paid' });
    await webhook(succeeded);
    await webhook(succeeded);
    expect(await receipts(email)).toHaveLength(1);
  });

  it('sends none for a failed or expired session, nor for a forged event', async () => {
    const { quote, email } = await requestedQuote();
    await startDepositCheckout(handle.db, setup.stripe, quote, urls);
    expect(await webhook(fake.eventFor('checkout.session.completed', { ...sessionOf(quote), payment_status: 'paid' }, { secret: 'whsec_forged' }))).toMatchObject({ status: 400 });
    await webhook(fake.eventFor('checkout.session.completed', { ...sessionOf(quote), payment_status: 'unpaid' }));
    await webhook(fake.eventFor('checkout.session.async_payment_failed', sessionOf(quote)));
    await webhook(fake.eventFor('checkout.session.expired', sessionOf(quote)));
    expect(await receipts(email)).toHaveLength(0);
  });

  it('queues one for a deposit staff record as taken offline', async () => {
    const { quote, email } = await requestedQuote();
    const record = () => recordOfflineDeposit(handle.db, quote, '00000000-0000-4000-8000-000000000001', { note: 'Check no. 7' }, new Date(), (tx, deposit) => queueDepositReceipt(tx, deposit, ctx));
    await Promise.all([record(), record()]);
    await record();
    const found = await receipts(email);
    expect(found).toHaveLength(1);
    expect(found[0]!.text).toContain('recorded by our office');
  });
});
