/**
 * Where a deposit stands, and what each payment event does to it. Stripe sends events at least once
 * and in any order, so a transition never goes backwards: a late "completed, unpaid" after the
 * payment succeeded, or an "expired" after it was paid, changes nothing.
 */

export const depositStatuses = ['open', 'processing', 'paid', 'failed', 'expired', 'refunded'] as const;
export type DepositStatus = (typeof depositStatuses)[number];

export type PaymentEvent =
  /** Checkout finished; `paid` false when the payment method settles later (bank debits). */
  | { kind: 'checkout-completed'; paid: boolean }
  | { kind: 'async-succeeded' }
  | { kind: 'async-failed' }
  | { kind: 'checkout-expired' }
  /** Refunded in full (a partial refund keeps the deposit paid). */
  | { kind: 'refunded' };

const settled: readonly DepositStatus[] = ['paid', 'failed', 'expired', 'refunded'];

export function nextDepositStatus(current: DepositStatus, event: PaymentEvent): DepositStatus {
  switch (event.kind) {
    case 'checkout-completed':
      if (settled.includes(current)) return current;
      return event.paid ? 'paid' : 'processing';
    case 'async-succeeded':
      return current === 'open' || current === 'processing' ? 'paid' : current;
    case 'async-failed':
      return current === 'open' || current === 'processing' ? 'failed' : current;
    case 'checkout-expired':
      return current === 'open' ? 'expired' : current;
    case 'refunded':
      return current === 'paid' ? 'refunded' : current;
  }
}

/** A deposit that holds its booking window: still open or being paid, or paid. */
export function holdsBooking(status: DepositStatus): boolean {
  return status === 'open' || status === 'processing' || status === 'paid';
}
