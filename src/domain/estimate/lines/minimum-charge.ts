import { addRanges, type Cents } from '~/domain/money';
import type { Settings } from '~/domain/settings/settings';
import type { EstimateLine } from './line';

/** What is added, at each end of the range, to bring a job's work up to the minimum charge. */
export interface MinimumTopUp {
  atLow: Cents;
  atHigh: Cents;
}

/**
 * The minimum applies to the work alone (labor, services, travel), so adding equipment can never
 * lower a total. A site with no lines owes nothing.
 */
export function minimumTopUp(lines: EstimateLine[], settings: Settings): MinimumTopUp {
  const billedWork = addRanges(...lines.filter((l) => l.taxClass === 'labor').map((l) => l.amount));
  const minimum = lines.length > 0 ? settings.minimumChargeCents : 0;
  return { atLow: Math.max(0, minimum - billedWork.low), atHigh: Math.max(0, minimum - billedWork.high) };
}
