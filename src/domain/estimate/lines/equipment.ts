import { exact } from '../../money';
import { newUnits, type EstimateLine, type Install } from './line';

/** Catalog prices are fixed, so equipment has no range; reused units are listed but not charged. */
export function equipmentLine({ line, product, system }: Install): EstimateLine {
  const reusedNote = line.reused > 0 ? ` ${line.reused} of ${line.quantity} already on site and reused.` : '';
  return {
    kind: 'equipment',
    taxClass: 'equipment',
    label: product.name,
    model: `${product.brand} ${product.model}`,
    productId: product.id,
    system,
    quantity: line.quantity,
    reused: line.reused,
    unitCents: product.priceCents,
    amount: exact(newUnits(line) * product.priceCents),
    reason: `${line.reason ?? 'Added in the configurator.'}${reusedNote}`,
    drivers: [],
  };
}
