import type Stripe from 'stripe';
import { acceptanceOf } from '../acceptance/store';
import type { Database } from '../db/client';
import { newRowId } from '../db/row-id';
import type { SavedQuote } from '../quotes/quote';
import { depositFor } from './checkout';
import { addRefund, getDeposit, insertPaidDeposit, latestDeposit, type DepositRow, type OnPaid } from './store';

/** What staff do with deposits: refund one paid through Stripe, or record one taken another way. */

export type RefundOutcome = { ok: true; deposit: DepositRow } | { ok: false; field: 'amountCents' | 'deposit'; message: string };

export async function refundDeposit(db: Database, stripe: Stripe | null, depositId: string, amountCents: number | undefined, staffId: string | null): Promise<RefundOutcome> {
  const deposit = await getDeposit(db, depositId);
  if (!deposit || deposit.status !== 'paid') return { ok: false, field: 'deposit', message: 'Only a paid deposit can be refunded.' };
  const left = deposit.amountCents - deposit.refundedCents;
  const amount = amountCents ?? left;
  if (!Number.isInteger(amount) || amount <= 0 || amount > left) return { ok: false, field: 'amountCents', message: `Refund between $0.01 and what is left of the deposit (${left} cents).` };
  if (deposit.method === 'stripe') {
    if (!stripe || !deposit.paymentIntentId) return { ok: false, field: 'deposit', message: 'This deposit was paid through Stripe, which is not set up on this server.' };
    // The key names the refund by what was refunded before it, so a retried click refunds once.
    await stripe.refunds.create({ payment_intent: deposit.paymentIntentId, amount }, { idempotencyKey: `refund-${deposit.id}-${deposit.refundedCents}-${amount}` });
  }
  return { ok: true, deposit: await addRefund(db, deposit.id, amount, staffId) };
}

/**
 * A deposit taken by check, card terminal or bank transfer, as staff took it (the accepted choice's
 * own amount unless they say otherwise), marked paid; `onPaid` (the customer's receipt) is written
 * in the same transaction.
 */
export async function recordOfflineDeposit(db: Database, quote: SavedQuote, staffId: string, taken: { note: string; amountCents?: number }, now = new Date(), onPaid?: OnPaid): Promise<DepositRow | null> {
  const latest = await latestDeposit(db, quote.id, quote.revision.number);
  if (latest?.status === 'paid' || latest?.status === 'processing') return null;
  const row = {
    id: newRowId(),
    quoteId: quote.id,
    revision: quote.revision.number,
    amountCents: taken.amountCents ?? depositFor(quote, await acceptanceOf(db, quote.id)),
    currency: quote.revision.snapshot.estimate.currency,
    method: 'offline' as const,
    status: 'paid' as const,
    attempt: (latest?.attempt ?? 0) + 1,
    recordedBy: staffId,
    note: taken.note,
    paidAt: now,
    createdAt: now,
  };
  return insertPaidDeposit(db, row, onPaid);
}
