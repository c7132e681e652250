import type { Product } from '~/domain/catalog/product';
import type { Line } from '~/domain/configuration/configuration';
import { count } from '~/domain/units';
import type { PricingContext } from '../context';
import type { EstimateLine } from './line';
import { permitFeeDriver } from './services';

/**
 * Locking hardware that holds a door electrically (maglocks, electric strikes, electrified levers):
 * on an egress door the fire marshal or building department reviews it. A battery smart deadbolt is
 * a home lock turned by hand from inside, so it is not counted.
 */
export const isElectrifiedLock = (product: Product) => product.type === 'door-lock' && product.specs.kind !== 'smart-deadbolt';

/**
 * One permit or fire-marshal review per site with electrified locks, where the settings require it.
 * The assessment does not say which controlled doors are exits, so every door with an electrified
 * lock is counted as one, and the reason says so.
 */
export function egressPermitLine(lines: Line[], ctx: PricingContext): EstimateLine | null {
  const { egressLockPermit: permit } = ctx.settings;
  if (!permit.required) return null;
  const locks = lines.reduce((sum, line) => sum + (isElectrifiedLock(ctx.catalog.get(line.productId)!) ? line.quantity : 0), 0);
  if (locks === 0) return null;
  return {
    kind: 'permit',
    taxClass: 'exempt',
    label: permit.label,
    quantity: 1,
    unitCents: permit.priceCents,
    amount: { low: permit.priceCents, high: Math.round((permit.priceCents * (100 + permit.spreadHighPercent)) / 100) },
    reason: `${count(locks, 'electrified lock')} on this site. The assessment does not say which doors are exits, so every door with one is treated as an egress door: one review for the site at ${ctx.money(permit.priceCents)}.`,
    drivers: permit.spreadHighPercent > 0 ? [permitFeeDriver(permit.spreadHighPercent)] : [],
  };
}
