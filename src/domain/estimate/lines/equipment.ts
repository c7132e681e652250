import type { Product } from '~/domain/catalog/product';
import type { SystemId } from '~/domain/catalog/roles';
import type { Line } from '~/domain/configuration/configuration';
import { lineReason } from '~/domain/configuration/reason';
import { exact } from '~/domain/money';
import type { PricingContext } from '../context';
import { newUnits, type EstimateLine } from './line';

/**
 * Catalog prices are fixed, so equipment has no range; reused units are listed but not charged.
 * Installed hardware and what is handed over without installing (access credentials) alike.
 */
export function equipmentLine(line: Line, product: Product, system: SystemId, ctx: PricingContext): EstimateLine {
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
    reason: lineReason(line, product, ctx),
    drivers: [],
  };
}
