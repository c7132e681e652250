import type Stripe from 'stripe';
import { nextDepositStatus, type PaymentEvent } from '~/domain/acceptance/deposit-status';
import type { Database } from '../db/client';
import { recordPipelineEvent } from '../pipeline/record';
import { applyEvent, type DepositChange, type EventEffect, type OnPaid } from './store';
import type { StripeSetup } from './stripe';

/**
 * POST /api/webhooks/stripe: Stripe's word on a Checkout Session. The signature is checked on the
 * raw body before anything else; each event is taken in once by its id; events may come in any
 * order, and the deposit's status only ever moves forward (domain/acceptance/deposit-status.ts).
 * A deposit that becomes paid moves the request's pipeline in the same transaction.
 */

export type WebhookOutcome =
  | { status: 400; detail: string }
  | { status: 200; change: DepositChange | null };

function paymentEventOf(event: Stripe.Event): { session: Stripe.Checkout.Session; payment: PaymentEvent } | null {
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      return { session, payment: { kind: 'checkout-completed', paid: session.payment_status !== 'unpaid' } };
    }
    case 'checkout.session.async_payment_succeeded':
      return { session: event.data.object, payment: { kind: 'async-succeeded' } };
    case 'checkout.session.async_payment_failed':
      return { session: event.data.object, payment: { kind: 'async-failed' } };
    case 'checkout.session.expired':
      return { session: event.data.object, payment: { kind: 'checkout-expired' } };
    default:
      return null;
  }
}

function effectOf(event: Stripe.Event, now: Date): EventEffect | null {
  const found = paymentEventOf(event);
  if (!found) return null;
  const { session, payment } = found;
  const paymentIntent = typeof session.payment_intent === 'string' ? session.payment_intent : (session.payment_intent?.id ?? null);
  return {
    sessionId: session.id,
    next: (current) => {
      const status = nextDepositStatus(current.status, payment);
      return {
        status,
        paymentIntentId: current.paymentIntentId ?? paymentIntent,
        paidAt: status === 'paid' && current.status !== 'paid' ? now : current.paidAt,
      };
    },
  };
}

/**
 * In the transaction that marks a deposit paid (at most once per deposit): the request moves to
 * "deposit paid", and `onPaid` (the customer's receipt) is written.
 */
export async function receiveStripeWebhook(db: Database, setup: StripeSetup, rawBody: string, signature: string | null, now = new Date(), onPaid?: OnPaid): Promise<WebhookOutcome> {
  let event: Stripe.Event;
  try {
    event = await setup.stripe.webhooks.constructEventAsync(rawBody, signature ?? '', setup.webhookSecret);
  } catch {
    return { status: 400, detail: 'The Stripe-Signature header does not match this body.' };
  }
  const object = event.data.object as { id?: unknown };
  const whenPaid: OnPaid = async (tx, deposit) => {
    await recordPipelineEvent(tx, { quoteId: deposit.quoteId }, { type: 'pay_deposit' }, { actor: 'system' });
    await onPaid?.(tx, deposit);
  };
  const change = await applyEvent(db, { id: event.id, type: event.type, objectId: typeof object.id === 'string' ? object.id : null }, effectOf(event, now), whenPaid);
  return { status: 200, change };
}
