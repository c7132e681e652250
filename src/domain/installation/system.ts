import { isInstalled, isPlan } from '../catalog/guards';
import type { Product } from '../catalog/product';
import { groupOfRole, systems, type SystemId } from '../catalog/roles';
import { termEndDate } from '../estimate/dates';
import { warrantyEndDate, type FittedSite } from './installation';

/**
 * The customer's system after the installation, per site: each product fitted with its handover
 * steps and the last day of its warranty, the monitoring plan with its term, and the systems there
 * (for "Something is not working"). Built from what staff recorded as fitted, never from the quote.
 */

export interface SystemItem {
  productId: string;
  name: string;
  model: string;
  quantity: number;
  howToUse: readonly string[];
  /** Last day covered (YYYY-MM-DD), null for a product sold without a warranty. */
  warrantyEnds: string | null;
  warrantyYears: number;
  /** The name of the product quoted, when this one was fitted instead. */
  insteadOf: string | null;
}

export interface SystemPlan {
  name: string;
  monthlyCents: number;
  termMonths: number;
  startsOn: string;
  /** Last day of the contract; null month to month. */
  endsOn: string | null;
  cancellation: string;
}

export interface SystemSite {
  siteId: string;
  items: SystemItem[];
  plan: SystemPlan | null;
  systems: SystemId[];
}

export function systemSites(fitted: readonly FittedSite[], installedOn: string, productOf: (id: string) => Product | undefined): SystemSite[] {
  return fitted.map((site) => {
    const items = site.lines.flatMap((line): SystemItem[] => {
      const product = productOf(line.productId);
      if (!product || !isInstalled(product)) return [];
      const years = 'warrantyYears' in product ? product.warrantyYears : 0;
      return [
        {
          productId: product.id,
          name: product.name,
          model: product.model,
          quantity: line.quantity,
          howToUse: product.howToUse,
          warrantyEnds: warrantyEndDate(installedOn, years),
          warrantyYears: years,
          insteadOf: line.substitutedFor ? (productOf(line.substitutedFor)?.name ?? null) : null,
        },
      ];
    });
    const planProduct = site.planId ? productOf(site.planId) : undefined;
    const plan =
      planProduct && isPlan(planProduct)
        ? {
            name: planProduct.name,
            monthlyCents: planProduct.specs.monthlyCents,
            termMonths: planProduct.specs.termMonths,
            startsOn: installedOn,
            endsOn: planProduct.specs.termMonths > 0 ? termEndDate(installedOn, planProduct.specs.termMonths) : null,
            cancellation: planProduct.specs.cancellation,
          }
        : null;
    const present = new Set(items.map((item) => groupOfRole(productOf(item.productId)!.role)));
    return { siteId: site.siteId, items, plan, systems: systems.filter((id) => present.has(id)) };
  });
}
