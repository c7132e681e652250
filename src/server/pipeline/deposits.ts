import type Stripe from 'stripe';
import * as z from 'zod';
import { validate } from '~/domain/issues';
import { formatMoney, parseCents } from '~/domain/money';
import { trimmedText } from '~/domain/schema';
import { can } from '~/domain/staff/roles';
import { queueDepositReceipt, type ReceiptContext } from '../acceptance/receipt';
import type { Database } from '../db/client';
import { depositsOf, type DepositRow } from '../payments/store';
import { recordOfflineDeposit, refundDeposit } from '../payments/staff-payments';
import { getQuoteById } from '../quotes/store';
import { activeBooking } from '../scheduling/store';
import type { StaffUser } from '../staff/sessions';
import { recordTimelineEvent } from '../timeline/store';
import { withRequest, type Outcome } from './pipeline';
import { recordPipelineEvent } from './record';

/**
 * The deposit forms of a request's page: refund a paid deposit (all that is left of it, or an amount,
 * with the reason; managers and admins only, as money leaves the business) and record a deposit taken
 * offline (the amount taken, how, and its reference; anyone who may work the request, as it is often
 * the salesperson who is handed the check). Each writes its timeline event with the change, and a
 * recorded deposit moves the pipeline, in one transaction with the request locked.
 */

const amountText = (message: string) => z.string().trim().regex(/\S/, message);

/** The refund form. */
export const refundSchema = z.object({
  /** The deposit's id, from the page. */
  deposit: z.uuid('choose the deposit to refund'),
  /** Empty for all that is left; otherwise an amount like 125.00. */
  refundAmount: z.string().trim().max(20, 'an amount like 125.00').optional(),
  /** Why, for the timeline (and for the customer's questions later). */
  refundReason: trimmedText(1, 400, 'say why the deposit is refunded'),
  /** The box that confirms money goes back to the customer: no refund from a stray click. */
  refundConfirm: z.literal('yes', 'tick the box to confirm the refund'),
});

export const offlineMethods = { check: 'Check', cash: 'Cash', card_terminal: 'Card terminal', bank_transfer: 'Bank transfer' } as const;

/** The form for a deposit taken offline. */
export const offlineDepositSchema = z.object({
  /** What was taken, like 450.00. */
  offlineAmount: amountText('enter the amount taken, like 450.00').max(20, 'an amount like 450.00'),
  offlineMethod: z.enum(Object.keys(offlineMethods) as [keyof typeof offlineMethods, ...(keyof typeof offlineMethods)[]], 'choose how it was paid'),
  /** Check number, transfer reference or receipt number; may be empty for cash. */
  offlineReference: z.string().trim().max(100, 'at most 100 characters').optional(),
});

const money = (deposit: Pick<DepositRow, 'currency'>, cents: number, locale: string) => formatMoney(cents, deposit.currency, locale);

export async function refundFromPortal(db: Database, stripe: Stripe | null, user: StaffUser, reference: string, input: unknown, locale: string): Promise<Outcome> {
  if (!can(user.role, 'refundDeposits')) return { ok: false, status: 403, message: 'Only a manager can refund a deposit.' };
  const checked = validate(refundSchema, input);
  if (!checked.ok) return { ok: false, status: 422, message: 'The deposit was not refunded.', issues: checked.issues };
  const { deposit: depositId, refundAmount: amount, refundReason: reason } = checked.value;
  const amountCents = amount ? parseCents(amount) : undefined;
  if (amountCents === null) return { ok: false, status: 422, message: 'The deposit was not refunded.', issues: [{ path: ['refundAmount'], message: 'enter an amount like 125.00, or leave it empty to refund all that is left' }] };
  return withRequest(db, user, reference, async (tx, request) => {
    const own = request.quoteId ? (await depositsOf(tx, request.quoteId)).find((d) => d.id === depositId) : undefined;
    if (!own) return { ok: false, status: 404, message: 'That deposit is not one of this request.' };
    const outcome = await refundDeposit(tx, stripe, own.id, amountCents, user.id);
    if (!outcome.ok) {
      const message = outcome.field === 'amountCents' ? `refund between ${money(own, 1, locale)} and what is left of the deposit (${money(own, own.amountCents - own.refundedCents, locale)})` : outcome.message;
      return outcome.field === 'amountCents' ? { ok: false, status: 422, message: 'The deposit was not refunded.', issues: [{ path: ['refundAmount'], message }] } : { ok: false, status: 409, message };
    }
    const refunded = outcome.deposit.refundedCents - own.refundedCents;
    await recordTimelineEvent(tx, { kind: 'deposit.refunded', actor: 'staff', staffId: user.id, requestId: request.id, quoteId: request.quoteId, detail: { revision: own.revision, amountCents: refunded, method: own.method, reason } });
    return { ok: true, notice: `Refunded ${money(own, refunded, locale)}${outcome.deposit.status === 'refunded' ? ', the whole deposit' : ''}.` };
  });
}

/** `receipt` is what the customer's receipt mail needs; it is queued with the deposit. */
export async function recordOfflineFromPortal(db: Database, user: StaffUser, reference: string, input: unknown, receipt: ReceiptContext): Promise<Outcome> {
  const { locale } = receipt.settings;
  const checked = validate(offlineDepositSchema, input);
  if (!checked.ok) return { ok: false, status: 422, message: 'The deposit was not recorded.', issues: checked.issues };
  const amountCents = parseCents(checked.value.offlineAmount);
  return withRequest(db, user, reference, async (tx, request) => {
    const quote = request.quoteId ? await getQuoteById(tx, request.quoteId) : null;
    if (!quote) return { ok: false, status: 409, message: 'This request has no quote, so it has no deposit.' };
    const ceiling = quote.revision.snapshot.estimate.oneTime.high;
    if (amountCents === null || amountCents <= 0 || amountCents > ceiling) {
      const { currency } = quote.revision.snapshot.estimate;
      return { ok: false, status: 422, message: 'The deposit was not recorded.', issues: [{ path: ['offlineAmount'], message: `enter the amount taken, like 450.00, at most the quote’s one-time total (${formatMoney(ceiling, currency, locale)})` }] };
    }
    const { offlineMethod: method, offlineReference: paymentReference } = checked.value;
    const note = [offlineMethods[method], paymentReference].filter(Boolean).join(', ');
    const deposit = await recordOfflineDeposit(tx, quote, user.id, { note, amountCents }, receipt.now, (paidTx, paid) => queueDepositReceipt(paidTx, paid, receipt));
    if (!deposit) return { ok: false, status: 409, message: 'The deposit of this quote is paid already (or being paid online).' };
    await recordTimelineEvent(tx, { kind: 'deposit.recorded_offline', actor: 'staff', staffId: user.id, requestId: request.id, quoteId: quote.id, detail: { revision: deposit.revision, amountCents, method, reference: paymentReference || null } });
    const by = { actor: 'staff' as const, staffId: user.id };
    await recordPipelineEvent(tx, { requestId: request.id }, { type: 'record_offline_payment' }, by);
    // Without online payment the customer books at once; that booking stands now the deposit is in.
    if ((await activeBooking(tx, quote.id))?.status === 'confirmed') await recordPipelineEvent(tx, { requestId: request.id }, { type: 'schedule' }, by);
    return { ok: true, notice: `Recorded a deposit of ${money(deposit, amountCents, locale)} (${note}).` };
  });
}
