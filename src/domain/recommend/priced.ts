import type { Catalog } from '../catalog/catalog';
import { runChecks, type Check } from '../checks';
import type { Configuration } from '../configuration/configuration';
import { estimate, type Estimate } from '../estimate/estimate';
import { phaseTotals, type PhaseTotal } from '../estimate/phases';
import type { Premises } from '../premises/premises';
import type { SiteData } from '../site-data';
import { recommend, type Recommendation } from './recommend';
import { packageTiers, type PackageTier } from './tiers';

/** A package as a customer compares it: the configuration, its estimate and its checks. */
export interface PricedPackage {
  configuration: Configuration;
  estimate: Estimate;
  checks: Check[];
}

/** What a package holds, as the assessment's results compare packages: the catalog's names, so the page needs no catalog. */
export interface PackageContents {
  /** Devices installed (units of equipment, not services). */
  items: number;
  /** The biggest items by what they cost, then by units, then by name: "4 × 4 MP turret camera". */
  mainItems: { name: string; quantity: number }[];
}

/** How many of a package's items the results name. */
export const MAIN_ITEMS = 4;

export function packageContents(configuration: Configuration, catalog: Catalog, mainCount = MAIN_ITEMS): PackageContents {
  const units = new Map<string, { quantity: number; cents: number }>();
  for (const site of configuration.sites) {
    for (const line of site.lines) {
      const product = catalog.get(line.productId);
      if (!product || !('install' in product)) continue;
      const item = units.get(product.name) ?? { quantity: 0, cents: 0 };
      units.set(product.name, { quantity: item.quantity + line.quantity, cents: item.cents + line.quantity * product.priceCents });
    }
  }
  return {
    items: [...units.values()].reduce((sum, item) => sum + item.quantity, 0),
    mainItems: [...units]
      .sort((a, b) => b[1].cents - a[1].cents || b[1].quantity - a[1].quantity || a[0].localeCompare(b[0]))
      .slice(0, mainCount)
      .map(([name, { quantity }]) => ({ name, quantity })),
  };
}

/** A recommended package: priced, checked, and what it holds. */
export interface RecommendedPackage extends PricedPackage {
  contents: PackageContents;
}

/** The three packages for some premises, each priced: what POST /api/estimate answers to the assessment's answers. */
export interface PricedRecommendation extends Omit<Recommendation, 'packages'> {
  packages: Record<PackageTier, RecommendedPackage>;
}

/** Prices a configuration with the catalog and settings as they are on `today`. */
export function pricedPackage(configuration: Configuration, data: SiteData, today: string): PricedPackage {
  return { configuration, estimate: estimate(configuration, data, { today }), checks: runChecks(configuration, data) };
}

/** What the configurator shows beside a configuration as it is edited, all priced by the server. */
export interface PricedEdit extends Omit<PricedPackage, 'configuration'> {
  /** The installer's calendar day the prices and monitoring terms are from. */
  pricedOn: string;
  phaseTotals: PhaseTotal[];
}

export function pricedEdit(configuration: Configuration, data: SiteData, today: string): PricedEdit {
  const { estimate, checks } = pricedPackage(configuration, data, today);
  return { pricedOn: today, estimate, phaseTotals: phaseTotals(configuration, data, { today }), checks };
}

export function pricedRecommendation(premises: Premises, data: SiteData, today: string): PricedRecommendation {
  const { packages, ...recommendation } = recommend(premises, data);
  const recommended = (configuration: Configuration): RecommendedPackage => ({ ...pricedPackage(configuration, data, today), contents: packageContents(configuration, data.catalog) });
  return { ...recommendation, packages: Object.fromEntries(packageTiers.map((tier) => [tier, recommended(packages[tier])])) as PricedRecommendation['packages'] };
}
