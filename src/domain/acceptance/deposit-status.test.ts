import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depositStatuses, nextDepositStatus, type DepositStatus, type PaymentEvent } from './deposit-status';

const events: PaymentEvent[] = [
  { kind: 'checkout-completed', paid: true },
  { kind: 'checkout-completed', paid: false },
  { kind: 'async-succeeded' },
  { kind: 'async-failed' },
  { kind: 'checkout-expired' },
  { kind: 'refunded' },
];

const run = (events: PaymentEvent[], from: DepositStatus = 'open') => events.reduce(nextDepositStatus, from);

describe('deposit status', () => {
  it('moves as each payment event says', () => {
    expect(run([{ kind: 'checkout-completed', paid: true }])).toBe('paid');
    expect(run([{ kind: 'checkout-completed', paid: false }])).toBe('processing');
    expect(run([{ kind: 'checkout-completed', paid: false }, { kind: 'async-succeeded' }])).toBe('paid');
    expect(run([{ kind: 'checkout-completed', paid: false }, { kind: 'async-failed' }])).toBe('failed');
    expect(run([{ kind: 'checkout-expired' }])).toBe('expired');
    expect(run([{ kind: 'checkout-completed', paid: true }, { kind: 'refunded' }])).toBe('refunded');
  });

  it('is the same whether an event comes once or again (replays and retries)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...depositStatuses), fc.constantFrom(...events), (status, event) => {
        const once = nextDepositStatus(status, event);
        expect(nextDepositStatus(once, event)).toBe(once);
      }),
    );
  });

  it('never takes a paid deposit back, whatever checkout events follow in whatever order', () => {
    const checkoutEvents = events.filter((e) => e.kind !== 'refunded');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...checkoutEvents), { maxLength: 8 }), (later) => {
        expect(run(later, 'paid')).toBe('paid');
      }),
    );
  });

  it('ends paid when the payment succeeded, in any order of the completion and the async success', () => {
    const completedUnpaid: PaymentEvent = { kind: 'checkout-completed', paid: false };
    expect(run([completedUnpaid, { kind: 'async-succeeded' }])).toBe('paid');
    expect(run([{ kind: 'async-succeeded' }, completedUnpaid])).toBe('paid');
  });
});
