import type { Catalog } from '~/domain/catalog/catalog';
import type { Configuration } from '~/domain/configuration/configuration';
import type { Duration } from '~/domain/estimate/duration';
import type { Range } from '~/domain/money';
import { packageTiers, packageTitles, type PackageTier } from '~/domain/recommend/tiers';
import type { PricedRecommendation } from '~/domain/recommend/priced';

/** One package as the results compare it: what it costs, how long it takes and what is in it. */
export interface PackageSummary {
  tier: PackageTier;
  title: string;
  configuration: Configuration;
  oneTime: Range;
  monthlyCents: number;
  /** Contract months of the plan(s); 0 = month to month, null = no monitoring. */
  termMonths: number | null;
  duration: Duration;
  /** Devices installed (units of equipment, not services). */
  items: number;
  /** The biggest items by what they cost, then by units: "4 × 4 MP turret camera". */
  mainItems: { name: string; quantity: number }[];
  /** The package matching the customer's budget leaning. */
  highlighted: boolean;
}

/** The three packages as the server recommended and priced them, in the words the results compare them in. */
export function summarisePackages(recommendation: PricedRecommendation, catalog: Catalog, mainCount = 4): PackageSummary[] {
  return packageTiers.map((tier) => {
    const { configuration, estimate: result } = recommendation.packages[tier];
    const units = new Map<string, { quantity: number; cents: number }>();
    for (const site of configuration.sites) {
      for (const line of site.lines) {
        const product = catalog.get(line.productId);
        if (!product || !('install' in product)) continue;
        const item = units.get(product.name) ?? { quantity: 0, cents: 0 };
        units.set(product.name, { quantity: item.quantity + line.quantity, cents: item.cents + line.quantity * product.priceCents });
      }
    }
    const plans = result.sites.flatMap((s) => (s.plan ? [s.plan] : []));
    return {
      tier,
      title: packageTitles[tier],
      configuration,
      oneTime: result.oneTime,
      monthlyCents: result.monthlyCents,
      termMonths: plans.length ? Math.max(...plans.map((p) => p.termMonths)) : null,
      duration: result.duration,
      items: [...units.values()].reduce((sum, item) => sum + item.quantity, 0),
      mainItems: [...units]
        .sort((a, b) => b[1].cents - a[1].cents || b[1].quantity - a[1].quantity || a[0].localeCompare(b[0]))
        .slice(0, mainCount)
        .map(([name, { quantity }]) => ({ name, quantity })),
      highlighted: tier === recommendation.start,
    };
  });
}

/**
 * The order the results show packages in: the one matching the budget leaning first, so a phone shows
 * it without scrolling, then the others leanest first. Every card gives the same facts, so they compare.
 */
export function matchFirst(summaries: PackageSummary[]): PackageSummary[] {
  return [...summaries.filter((s) => s.highlighted), ...summaries.filter((s) => !s.highlighted)];
}
