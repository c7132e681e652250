import type { MonitoringPlan } from '~/domain/catalog/product';
import { exact } from '~/domain/money';
import type { EstimateLine } from './line';

/** The plan's one-time activation fee, when it has one. */
export function activationLine(plan: MonitoringPlan): EstimateLine | null {
  if (plan.priceCents <= 0) return null;
  return {
    kind: 'service',
    taxClass: 'labor',
    label: `${plan.name} activation`,
    productId: plan.id,
    quantity: 1,
    unitCents: plan.priceCents,
    amount: exact(plan.priceCents),
    reason: 'One-time fee to connect the system to the monitoring center.',
    drivers: [],
  };
}
