import { applyPpm, percentToPpm, type Cents, type Range } from '../money';

/**
 * The deposit asked for when a quote is accepted: a percent of one end of the one-time range (or its
 * midpoint), always worked out from the stored revision's totals, never from what a browser sends.
 */

export const depositBases = ['low', 'midpoint', 'high'] as const;
export type DepositBasis = (typeof depositBases)[number];

/** The settings' deposit terms (Settings satisfies it). */
export interface DepositTerms {
  /** Percent of the basis, 0 for none. */
  depositPercent: number;
  /** Which figure of the one-time range the percent applies to. */
  depositBasis: DepositBasis;
}

function basisAmount(oneTime: Range, basis: DepositBasis): Cents {
  if (basis === 'low') return oneTime.low;
  if (basis === 'high') return oneTime.high;
  return Math.floor((oneTime.low + oneTime.high + 1) / 2);
}

export function depositCents(oneTime: Range, terms: DepositTerms): Cents {
  return applyPpm(basisAmount(oneTime, terms.depositBasis), percentToPpm(terms.depositPercent));
}

const basisWords: Record<DepositBasis, string> = {
  low: 'the low end of the one-time range',
  midpoint: 'the middle of the one-time range',
  high: 'the high end of the one-time range',
};

/** "30% of the high end of the one-time range", the words beside the amount. */
export function depositRule(terms: DepositTerms): string {
  return `${terms.depositPercent}% of ${basisWords[terms.depositBasis]}`;
}
