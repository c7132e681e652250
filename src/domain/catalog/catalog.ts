import type { Settings } from '../settings/settings';
import type { Product, ProductOfType, ProductType } from './product';
import { isCable, isInstalled, isOfType } from './guards';
import type { CableKind, Tier } from './vocabulary';
import { groupOfRole, roles, type ProductGroup, type RoleId } from './roles';

const tierOrder: Record<Tier, number> = { good: 0, better: 1, best: 2 };

/** The products an installer sells, indexed for the estimate, the rules and the pages. */
export interface Catalog {
  readonly products: readonly Product[];
  get(id: string): Product | undefined;
  /** Products filling a role, good → best, then by price. */
  byRole(role: RoleId): Product[];
  byGroup(group: ProductGroup): Product[];
  ofType<T extends ProductType>(type: T): ProductOfType<T>[];
  /** Other products in the same role: what the customer can swap to. */
  alternatives(product: Product): Product[];
  /** The cable product used for runs of a kind. */
  cableFor(kind: CableKind): ProductOfType<'cable'> | undefined;
}

/**
 * The distinct values of a numeric spec among the products in a role, lowest first: what the pages
 * quote as "ours hear up to…" or "ignore pets up to…". Products without the spec are left out.
 */
export function specValues<T extends ProductType>(catalog: Catalog, role: RoleId, type: T, spec: (product: ProductOfType<T>) => number | undefined): number[] {
  const values = catalog
    .byRole(role)
    .filter(isOfType(type))
    .flatMap((product) => spec(product) ?? []);
  return [...new Set(values)].sort((a, b) => a - b);
}

export function byTierThenPrice(a: Product, b: Product): number {
  return tierOrder[a.tier] - tierOrder[b.tier] || a.priceCents - b.priceCents || a.id.localeCompare(b.id);
}

export function createCatalog(products: readonly Product[]): Catalog {
  const sorted = [...products].sort(byTierThenPrice);
  const byId = new Map(sorted.map((p) => [p.id, p]));
  const roleIndex = new Map<RoleId, Product[]>();
  for (const product of sorted) {
    const list = roleIndex.get(product.role) ?? [];
    list.push(product);
    roleIndex.set(product.role, list);
  }
  const cables = new Map(sorted.filter(isCable).map((c) => [c.specs.cableKind, c]));

  return {
    products: sorted,
    get: (id) => byId.get(id),
    byRole: (role) => roleIndex.get(role) ?? [],
    byGroup: (group) => sorted.filter((p) => groupOfRole(p.role) === group),
    ofType: <T extends ProductType>(type: T) => sorted.filter((p): p is ProductOfType<T> => p.type === type),
    alternatives: (product) => (roleIndex.get(product.role) ?? []).filter((p) => p.id !== product.id),
    cableFor: (kind) => cables.get(kind),
  };
}

export interface CatalogProblem {
  productId: string;
  field: string;
  message: string;
}

/**
 * Checks what a single file's schema cannot: references between products and settings.
 * An empty list means the catalog is consistent.
 */
export function checkCatalog(catalog: Catalog, settings: Settings): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  for (const product of catalog.products) {
    if (isInstalled(product) && product.install.cable && !catalog.cableFor(product.install.cable)) {
      problems.push({
        productId: product.id,
        field: 'install.cable',
        message: `no cable product has cableKind "${product.install.cable}"`,
      });
    }
  }
  const travel = catalog.get(settings.travel.productId);
  if (!travel || travel.role !== 'travel') {
    problems.push({
      productId: settings.travel.productId,
      field: 'settings.travel.productId',
      message: 'settings name a travel product that is not in the catalog with role "travel"',
    });
  }
  for (const role of Object.keys(roles) as RoleId[]) {
    if (catalog.byRole(role).length === 0) {
      problems.push({ productId: '-', field: 'role', message: `no product fills the role "${role}"` });
    }
  }
  return problems;
}
