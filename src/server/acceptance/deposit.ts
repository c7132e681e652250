import type Stripe from 'stripe';
import { config } from '../config';
import type { Database } from '../db/client';
import { startDepositCheckout, type CheckoutOptions, type DepositCheckout } from '../payments/checkout';
import { staffDepositNotice } from '../mail/staff-notices';
import { latestDeposit, type DepositChange } from '../payments/store';
import { staffInboxFor } from '../pipeline/inbox';
import type { SavedQuote } from '../quotes/quote';
import { getQuoteById } from '../quotes/store';
import { confirmOnPayment, type BookingContext } from '../scheduling/booking';
import { recordTimelineEvent } from '../timeline/store';
import { quoteUrl } from '../quotes/public-id';
import { recordQuoteEvent, requestOfQuote } from './store';

/**
 * The deposit after acceptance: "Pay the deposit" starts (or reopens) a Checkout Session for the
 * accepted revision, and each move of a deposit Stripe tells the webhook about goes on the timeline.
 */

/**
 * Where "Pay the deposit" sends the browser: Stripe's hosted Checkout, or the local stand-in that
 * STRIPE_API_URL names. The quote page adds it to its form-action, as the policy otherwise stops a
 * form's redirect to another site.
 */
export function checkoutOrigin(): string {
  const { STRIPE_API_URL } = config();
  return STRIPE_API_URL ? new URL(STRIPE_API_URL).origin : 'https://checkout.stripe.com';
}

export async function payDeposit(db: Database, stripe: Stripe | null, quote: SavedQuote, options: CheckoutOptions): Promise<DepositCheckout> {
  const before = await latestDeposit(db, quote.id, quote.revision.number);
  const checkout = await startDepositCheckout(db, stripe, quote, options);
  // A second click reopens the same session: only a new one is news for the timeline.
  if (checkout.kind === 'checkout' && checkout.url !== before?.checkoutUrl) {
    const started = await latestDeposit(db, quote.id, quote.revision.number);
    await recordTimelineEvent(db, { kind: 'deposit.checkout_started', actor: 'customer', quoteId: quote.id, detail: { revision: quote.revision.number, amountCents: started?.amountCents, attempt: started?.attempt } });
  }
  return checkout;
}

const eventOfStatus = { paid: 'deposit.paid', failed: 'deposit.failed', refunded: 'deposit.refunded' } as const;

type SettleContext = Omit<BookingContext, 'url'> & { siteUrl: string };

/**
 * Puts a deposit's move (paid, failed, refunded) on its quote's timeline, and tells the assigned
 * salesperson (or the installer's inbox) of a paid one; a replay or no move records nothing.
 */
async function recordDepositChange(db: Database, change: DepositChange | null, ctx: SettleContext): Promise<void> {
  if (!change || change.before.status === change.after.status) return;
  const { after } = change;
  if (!(after.status in eventOfStatus)) return;
  const request = await requestOfQuote(db, after.quoteId);
  const messages =
    request && after.status === 'paid'
      ? [
          staffDepositNotice(await staffInboxFor(db, { requestId: request.id }, ctx.mail.installerEmail), { ...request, staffUrl: new URL(`/staff/requests/${request.reference}`, ctx.siteUrl).href }, {
            amountCents: after.amountCents,
            currency: after.currency,
            locale: ctx.settings.locale,
          }),
        ]
      : [];
  await recordQuoteEvent(db, {
    quoteId: after.quoteId,
    requestId: request?.id ?? null,
    event: { kind: eventOfStatus[after.status as keyof typeof eventOfStatus], actor: 'system', detail: { revision: after.revision, amountCents: after.amountCents, method: after.method } },
    messages,
    now: new Date(),
  });
}

/** After the webhook moved a deposit: the timeline, the note to staff, and a paid deposit confirms the window held for it. */
export async function settleDepositChange(db: Database, change: DepositChange | null, ctx: SettleContext): Promise<void> {
  await recordDepositChange(db, change, ctx);
  if (!change || change.before.status === 'paid' || change.after.status !== 'paid') return;
  const quote = await getQuoteById(db, change.after.quoteId);
  if (quote) await confirmOnPayment(db, quote, { ...ctx, url: quoteUrl(ctx.siteUrl, quote.publicId) });
}
