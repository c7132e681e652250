import type { Catalog } from '../catalog/catalog';
import type { MonitoringPlan, Product } from '../catalog/product';
import { groupOfRole, roleIds, systems, type ProductGroup, type RoleId, type SystemId } from '../catalog/roles';
import type { Audience, Site } from './configuration';

/**
 * What the catalog offers for a site: products to swap a line to, roles to add products in, and
 * monitoring plans. The customer's configurator and the staff quote builder offer the same choices.
 * Products that suit the audience come first; when none does, the whole role is offered.
 */

function suitingFirst<T extends Product>(products: T[], audience: Audience): T[] {
  const suited = products.filter((p) => p.suits.includes(audience));
  return suited.length ? suited : products;
}

/** Groups whose lines are not equipment to compare: permits and services are what the job needs, not a choice. */
const notSwappable: readonly ProductGroup[] = ['services', 'monitoring'];

/** Products in the same role the line could be swapped to, suiting the audience first; none for permits and services. */
export function swapOptions(product: Product, catalog: Catalog, audience: Audience): Product[] {
  if (notSwappable.includes(groupOfRole(product.role))) return [];
  return suitingFirst(catalog.alternatives(product), audience);
}

/** Roles the estimate prices from the rest of the configuration (cable runs, the trip), never added by hand. */
const pricedByEstimate: readonly RoleId[] = ['cable', 'travel'];

/** Whether a product page offers "Add to my system": anything but what the estimate prices on its own (plans are chosen, not added). */
export function addableFromProductPage(product: Product): boolean {
  return !pricedByEstimate.includes(product.role);
}

/** Roles the customer can add products in, per group, each with the products that suit them. */
export function addableRoles(group: ProductGroup, catalog: Catalog, audience: Audience): { role: RoleId; products: Product[] }[] {
  return roleIds
    .filter((role) => groupOfRole(role) === group && !pricedByEstimate.includes(role))
    .map((role) => ({ role, products: suitingFirst(catalog.byRole(role), audience) }))
    .filter((entry) => entry.products.length > 0);
}

/** The installed systems a site has lines for, in the catalog's order of systems. */
export function siteSystems(site: Site, catalog: Catalog): SystemId[] {
  const groups = new Set(site.lines.flatMap((line) => {
    const product = catalog.get(line.productId);
    return product ? [groupOfRole(product.role)] : [];
  }));
  return systems.filter((system) => groups.has(system));
}

/** Monitoring plans that can watch a system the site has, suiting the audience. */
export function plansFor(site: Site, catalog: Catalog, audience: Audience): MonitoringPlan[] {
  const present = siteSystems(site, catalog);
  return catalog
    .ofType('monitoring-plan')
    .filter((plan) => plan.suits.includes(audience) && plan.specs.forSystems.some((s) => present.includes(s)));
}
