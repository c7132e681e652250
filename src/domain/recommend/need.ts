import type { Product } from '../catalog/product';
import type { Tier } from '../catalog/vocabulary';
import type { RoleId } from '../catalog/roles';
import { MAX_LINE_QUANTITY, type Audience, type Line, type View } from '../configuration/configuration';
import type { SiteData } from '../site-data';
import { packageTiers, type PackageTier } from './tiers';

export { packageTiers, type PackageTier };

/** Which product tier each package starts from. */
const productTierFor: Record<PackageTier, Tier> = { essential: 'good', recommended: 'better', complete: 'best' };
const tierRank: Record<Tier, number> = { good: 0, better: 1, best: 2 };

/**
 * What a rule asks for: a role, how many, why (in plain words, with what it counted; empty when the
 * view says it all), and which packages include it. What the product does is worded from the line. `fits` narrows the products (pet-immune motion sensors, outdoor sirens…).
 */
export interface Need {
  role: RoleId;
  quantity: number;
  reason: string;
  packages: readonly PackageTier[];
  fits?: (product: Product) => boolean;
  /** Units of it the customer already owns and keeps. */
  reused?: number;
  /** For cameras: what it must see; the camera chosen is one that can. */
  view?: View;
}

export const allPackages = packageTiers;
export const fromRecommended: readonly PackageTier[] = ['recommended', 'complete'];
export const completeOnly: readonly PackageTier[] = ['complete'];

export interface RuleContext {
  data: SiteData;
  audience: Audience;
}

/**
 * The product a package uses for a role: the package's own product tier if the catalog has one that
 * fits the customer, else the nearest tier (cheaper first for Essential, better first otherwise).
 */
export function productFor(role: RoleId, pkg: PackageTier, ctx: RuleContext, fits: (p: Product) => boolean = () => true): Product | undefined {
  const candidates = ctx.data.catalog.byRole(role).filter((p) => fits(p) && p.suits.includes(ctx.audience));
  const pool = candidates.length ? candidates : ctx.data.catalog.byRole(role).filter(fits);
  const target = tierRank[productTierFor[pkg]];
  const distance = (p: Product) => Math.abs(tierRank[p.tier] - target) * 2 + (pkg === 'essential' ? Number(tierRank[p.tier] > target) : Number(tierRank[p.tier] < target));
  return [...pool].sort((a, b) => distance(a) - distance(b) || a.priceCents - b.priceCents)[0];
}

/**
 * Turns a package's needs into configuration lines, skipping roles the catalog cannot fill. A need
 * larger than a line holds (credentials for thousands of staff) takes several lines, the units the
 * customer already owns counted into the first ones.
 */
export function linesFor(needs: Need[], pkg: PackageTier, ctx: RuleContext, pick: (need: Need) => Product | undefined = (need) => productFor(need.role, pkg, ctx, need.fits)): Line[] {
  return needs
    .filter((need) => need.quantity > 0 && need.packages.includes(pkg))
    .flatMap((need) => {
      const product = pick(need);
      if (!product) return [];
      let reused = Math.min(need.reused ?? 0, need.quantity);
      return Array.from({ length: Math.ceil(need.quantity / MAX_LINE_QUANTITY) }, (_, i) => {
        const quantity = Math.min(MAX_LINE_QUANTITY, need.quantity - i * MAX_LINE_QUANTITY);
        const line = { productId: product.id, quantity, reused: Math.min(reused, quantity), ...(need.reason ? { reason: need.reason } : {}), ...(need.view ? { view: need.view } : {}) };
        reused -= line.reused;
        return line;
      });
    });
}
