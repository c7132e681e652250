import { addRanges, type Cents, type Range } from '../money';
import type { Settings } from '../settings/settings';
import { combineDurations, type Duration } from './duration';
import type { EstimateLine } from './lines/line';
import { minimumTopUp, type MinimumTopUp } from './lines/minimum-charge';
import { taxOf } from './lines/tax';
import type { PlanTerms } from './plan-terms';

/** Subtotals are sums of lines; nothing is rounded again once the lines are. */

export interface SiteTotals {
  /** Before tax, after any minimum-charge top-up. */
  subtotal: Range;
  /** Added to bring the work (labor, services, travel) up to the minimum charge, at each end. */
  minimumTopUp: MinimumTopUp;
  tax: Range;
  oneTime: Range;
}

export function siteTotals(lines: EstimateLine[], settings: Settings): SiteTotals {
  const topUp = minimumTopUp(lines, settings);
  const linesTotal = addRanges(...lines.map((l) => l.amount));
  const subtotal = { low: linesTotal.low + topUp.atLow, high: linesTotal.high + topUp.atHigh };
  const tax = taxOf(lines, topUp, settings);
  return { subtotal, minimumTopUp: topUp, tax, oneTime: addRanges(subtotal, tax) };
}

export interface EstimateTotals {
  subtotal: Range;
  tax: Range;
  oneTime: Range;
  monthlyCents: Cents;
  /** One-time total plus every site's monthly fees over its counted months. */
  totalOverTerm: Range;
  duration: Duration;
}

export function estimateTotals(sites: (SiteTotals & { duration: Duration; plan: PlanTerms | null })[]): EstimateTotals {
  const oneTime = addRanges(...sites.map((s) => s.oneTime));
  const recurring = sites.reduce((sum, s) => sum + (s.plan ? s.plan.monthlyCents * s.plan.monthsCounted : 0), 0);
  return {
    subtotal: addRanges(...sites.map((s) => s.subtotal)),
    tax: addRanges(...sites.map((s) => s.tax)),
    oneTime,
    monthlyCents: sites.reduce((sum, s) => sum + (s.plan?.monthlyCents ?? 0), 0),
    totalOverTerm: { low: oneTime.low + recurring, high: oneTime.high + recurring },
    duration: combineDurations(sites.map((s) => s.duration)),
  };
}
