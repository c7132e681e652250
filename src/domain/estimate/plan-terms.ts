import type { MonitoringPlan } from '../catalog/product';
import type { Cents, Range } from '../money';
import { termEndDate } from './dates';

/** A site's monitoring plan as the estimate states it: fee, term, end date and cost over the term. */
export interface PlanTerms {
  productId: string;
  name: string;
  monthlyCents: Cents;
  /** Contract months; 0 = month to month. */
  termMonths: number;
  /** Months counted in the total cost (the term, or the first 12 for month to month). */
  monthsCounted: number;
  startDate: string;
  /** Last day of the contract; null for month to month. */
  endDate: string | null;
  cancellation: string;
  earlyTerminationPercent: number;
  /** One-time total plus the monthly fees over `monthsCounted`. */
  totalOverTerm: Range;
}

export function planTerms(plan: MonitoringPlan, oneTime: Range, startDate: string): PlanTerms {
  const { monthlyCents, termMonths } = plan.specs;
  const monthsCounted = termMonths || 12;
  const recurring = monthlyCents * monthsCounted;
  return {
    productId: plan.id,
    name: plan.name,
    monthlyCents,
    termMonths,
    monthsCounted,
    startDate,
    endDate: termMonths > 0 ? termEndDate(startDate, termMonths) : null,
    cancellation: plan.specs.cancellation,
    earlyTerminationPercent: plan.specs.earlyTerminationPercent,
    totalOverTerm: { low: oneTime.low + recurring, high: oneTime.high + recurring },
  };
}
