import type Stripe from 'stripe';
import { depositCents, depositRule, type DepositTerms } from '~/domain/acceptance/deposit';
import { acceptanceOf } from '../acceptance/store';
import type { Database } from '../db/client';
import { newRowId } from '../db/row-id';
import { acceptedChoice, type AcceptedIds } from '../quotes/options';
import type { SavedQuote } from '../quotes/quote';
import { insertDeposit, latestDeposit } from './store';

/**
 * Starts paying the deposit of a quote's current revision on Stripe's hosted Checkout page. The
 * amount is worked out here from the stored revision, never taken from the browser. A second click
 * (or a second tab) while a session is open gets the same session; after one expired, the next
 * attempt gets a new session under a new idempotency key.
 */

export type DepositCheckout =
  | { kind: 'checkout'; url: string }
  /** Paid already, or being paid by a method that settles later. */
  | { kind: 'settled'; status: 'paid' | 'processing' }
  /** No online payments here: the installer collects the deposit. */
  | { kind: 'offline'; amountCents: number }
  | { kind: 'none' };

/** Stripe's shortest Checkout Session: 30 minutes. */
const MIN_SESSION_MINUTES = 30;

export interface CheckoutOptions {
  /** Where Stripe sends the customer back: after paying and after giving up. */
  successUrl: string;
  cancelUrl: string;
  /** How long the picked installation window is held (settings.booking.holdMinutes). */
  holdMinutes: number;
  now?: Date;
}

/** The deposit terms a revision was priced with. */
export function depositTermsOf(quote: SavedQuote): DepositTerms {
  const { settings } = quote.revision.snapshot;
  // Snapshots priced before the deposit had a basis took the percent of the range's low end.
  return { depositPercent: settings.depositPercent, depositBasis: settings.depositBasis ?? 'low' };
}

/** The deposit of the accepted choice (alternative and add-ons); before acceptance, of the alternative the quote was made for. */
export function depositFor(quote: SavedQuote, accepted: AcceptedIds | null = null): number {
  return depositCents(acceptedChoice(quote, accepted).oneTime, depositTermsOf(quote));
}

export async function startDepositCheckout(db: Database, stripe: Stripe | null, quote: SavedQuote, options: CheckoutOptions): Promise<DepositCheckout> {
  const amountCents = depositFor(quote, await acceptanceOf(db, quote.id));
  if (amountCents === 0) return { kind: 'none' };
  if (!stripe) return { kind: 'offline', amountCents };
  const now = options.now ?? new Date();
  const { number, snapshot } = quote.revision;
  const latest = await latestDeposit(db, quote.id, number);
  if (latest?.status === 'paid' || latest?.status === 'processing') return { kind: 'settled', status: latest.status };
  if (latest?.status === 'open' && latest.checkoutUrl && latest.checkoutExpiresAt && latest.checkoutExpiresAt > now) return { kind: 'checkout', url: latest.checkoutUrl };

  const attempt = (latest?.attempt ?? 0) + 1;
  const expiresAt = new Date(now.getTime() + Math.max(MIN_SESSION_MINUTES, options.holdMinutes) * 60_000);
  const metadata = { quoteId: quote.id, revision: String(number), attempt: String(attempt) };
  const terms = depositTermsOf(quote);
  const session = await stripe.checkout.sessions.create(
    {
      mode: 'payment',
      client_reference_id: quote.id,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: snapshot.estimate.currency.toLowerCase(),
            unit_amount: amountCents,
            product_data: { name: `Deposit, ${snapshot.settings.company.name} installation quote (version ${number})`, description: depositRule(terms) },
          },
        },
      ],
      metadata,
      payment_intent_data: { metadata },
      success_url: options.successUrl,
      cancel_url: options.cancelUrl,
      expires_at: Math.floor(expiresAt.getTime() / 1000),
    },
    { idempotencyKey: `deposit-${quote.id}-r${number}-a${attempt}` },
  );
  if (!session.url) throw new Error(`Stripe gave Checkout Session ${session.id} no URL`);
  const inserted = await insertDeposit(db, {
    id: newRowId(),
    quoteId: quote.id,
    revision: number,
    amountCents,
    currency: snapshot.estimate.currency,
    method: 'stripe',
    status: 'open',
    attempt,
    checkoutSessionId: session.id,
    checkoutUrl: session.url,
    checkoutExpiresAt: expiresAt,
    createdAt: now,
  });
  if (inserted) return { kind: 'checkout', url: session.url };
  // Another tab made this attempt at the same moment; Stripe gave both the same session for the key.
  const winner = await latestDeposit(db, quote.id, number);
  return winner?.checkoutUrl ? { kind: 'checkout', url: winner.checkoutUrl } : { kind: 'checkout', url: session.url };
}
