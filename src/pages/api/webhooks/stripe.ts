import { settleDepositChange } from '~/server/acceptance/deposit';
import { queueDepositReceipt } from '~/server/acceptance/receipt';
import { loadData } from '~/server/content/collections';
import { siteUrl } from '~/server/http/site-url';
import { kickOutbox, mailSetup } from '~/server/mail/worker';
import { getDb } from '~/server/db/client';
import { apiRoute } from '~/server/http/api';
import { json, problem } from '~/server/http/problem';
import { stripeSetup } from '~/server/payments/stripe';
import { receiveStripeWebhook } from '~/server/payments/webhook';

/** Stripe's events about deposit Checkout Sessions (server/payments/webhook.ts). */
export const prerender = false;

export const POST = apiRoute(async ({ request, site, url }) => {
  const setup = stripeSetup();
  if (!setup) return problem('not-found', 'Online payments are not set up on this server.');
  // The signature covers the exact bytes sent, so the body is read as text and never re-serialized.
  const [db, { settings }, mail] = await Promise.all([getDb(), loadData(), mailSetup()]);
  const ctx = { settings, mail: { settings, installerEmail: mail.installerEmail }, siteUrl: siteUrl(site, url) };
  const outcome = await receiveStripeWebhook(db, setup, await request.text(), request.headers.get('stripe-signature'), new Date(), (tx, deposit) => queueDepositReceipt(tx, deposit, ctx));
  if (outcome.status === 400) return problem('bad-signature', outcome.detail);
  await settleDepositChange(db, outcome.change, ctx);
  void kickOutbox();
  return json({ received: true });
});
