import type { Catalog } from '../catalog/catalog';
import type { Product, ProductOfType, ProductType } from '../catalog/product';
import type { RoleId, SystemId } from '../catalog/roles';
import type { Audience, Line, Site } from '../configuration/configuration';
import type { Change } from '../configuration/edit';
import type { SiteData } from '../site-data';

/**
 * An engineering check: a rule of thumb applied to what is configured, with a clear pass, a warning
 * (works, but not as asked) or a problem (unsafe or will not work), the numbers behind it, and where
 * possible a one-click change that fixes it.
 */
export type CheckStatus = 'pass' | 'warning' | 'problem';

export interface Suggestion {
  /** What the button says: "Swap to the 8 MP varifocal bullet". */
  label: string;
  change: Change;
}

export type CheckTopic = 'camera-view' | 'recording' | 'network' | 'cabling' | 'life-safety' | 'intrusion' | 'access';

export interface Check {
  /** Stable across recomputes, so the page can keep focus and announce changes. */
  id: string;
  siteId: string;
  system: SystemId;
  topic: CheckTopic;
  status: CheckStatus;
  title: string;
  detail: string;
  suggestion?: Suggestion;
}

export interface ResolvedLine {
  line: Line;
  index: number;
  product: Product;
}

/** One site's lines with their products, and what the checks need to word and size their advice. */
export interface SiteView {
  site: Site;
  audience: Audience;
  lines: ResolvedLine[];
  data: SiteData;
}

export function siteView(site: Site, audience: Audience, data: SiteData): SiteView {
  const lines = site.lines.flatMap((line, index) => {
    const product = data.catalog.get(line.productId);
    return product ? [{ line, index, product }] : [];
  });
  return { site, audience, lines, data };
}

/** Lines holding products of a type, narrowed. */
export function linesOfType<T extends ProductType>(view: SiteView, type: T): (ResolvedLine & { product: ProductOfType<T> })[] {
  return view.lines.filter((l): l is ResolvedLine & { product: ProductOfType<T> } => l.product.type === type);
}

/** Units on site in a role, counting reused ones: they are there too. */
export function unitsInRole(view: SiteView, ...roles: RoleId[]): number {
  return view.lines.filter((l) => roles.includes(l.product.role)).reduce((sum, l) => sum + l.line.quantity, 0);
}

export function sumOver<T>(items: T[], value: (item: T) => number): number {
  return items.reduce((sum, item) => sum + value(item), 0);
}

/**
 * The product to suggest for a role: the one this site already uses, else the least expensive that
 * suits the customer and passes `fits`.
 */
export function productToSuggest(view: SiteView, role: RoleId, fits: (p: Product) => boolean = () => true): Product | undefined {
  const used = view.lines.find((l) => l.product.role === role && fits(l.product));
  if (used) return used.product;
  return cheapest(view.data.catalog, role, (p) => fits(p) && p.suits.includes(view.audience));
}

export function cheapest(catalog: Catalog, role: RoleId, fits: (p: Product) => boolean): Product | undefined {
  return catalog
    .byRole(role)
    .filter(fits)
    .sort((a, b) => a.priceCents - b.priceCents)[0];
}

export function addSuggestion(view: SiteView, product: Product, quantity: number, reason: string): Suggestion {
  return {
    label: `Add ${quantity} × ${product.name}`,
    change: { action: 'add', siteId: view.site.id, productId: product.id, quantity, reason },
  };
}
