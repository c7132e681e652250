import { addRanges, applyPpm, percentToPpm, type Range } from '~/domain/money';
import type { Settings } from '~/domain/settings/settings';
import type { EstimateLine, TaxClass } from './line';
import type { MinimumTopUp } from './minimum-charge';

/**
 * Sales tax: each class's rate on the class subtotal, half up. The minimum-charge top-up is work,
 * so it is taxed at the labor rate; exempt lines (permits) carry none.
 */
export function taxOf(lines: EstimateLine[], topUp: MinimumTopUp, settings: Settings): Range {
  const base = (taxClass: TaxClass) => addRanges(...lines.filter((l) => l.taxClass === taxClass).map((l) => l.amount));
  const equipment = base('equipment');
  const labor = addRanges(base('labor'), { low: topUp.atLow, high: topUp.atHigh });
  const equipmentPpm = percentToPpm(settings.tax.equipmentPercent);
  const laborPpm = percentToPpm(settings.tax.laborPercent);
  return {
    low: applyPpm(equipment.low, equipmentPpm) + applyPpm(labor.low, laborPpm),
    high: applyPpm(equipment.high, equipmentPpm) + applyPpm(labor.high, laborPpm),
  };
}
