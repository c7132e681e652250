import type { Configuration } from '~/domain/configuration/configuration';
import type { Duration } from '~/domain/estimate/duration';
import type { Range } from '~/domain/money';
import { packageTiers, packageTitles, type PackageTier } from '~/domain/recommend/tiers';
import type { PackageContents, PricedRecommendation } from '~/domain/recommend/priced';

/** One package as the results compare it: what it costs, how long it takes and what is in it. */
export interface PackageSummary extends PackageContents {
  tier: PackageTier;
  title: string;
  configuration: Configuration;
  oneTime: Range;
  monthlyCents: number;
  /** Contract months of the plan(s); 0 = month to month, null = no monitoring. */
  termMonths: number | null;
  duration: Duration;
  /** The package matching the customer's budget leaning. */
  highlighted: boolean;
}

/** The three packages as the server recommended, priced and described them, in the words the results compare them in. */
export function summarisePackages(recommendation: PricedRecommendation): PackageSummary[] {
  return packageTiers.map((tier) => {
    const { configuration, estimate: result, contents } = recommendation.packages[tier];
    const plans = result.sites.flatMap((s) => (s.plan ? [s.plan] : []));
    return {
      tier,
      title: packageTitles[tier],
      configuration,
      oneTime: result.oneTime,
      monthlyCents: result.monthlyCents,
      termMonths: plans.length ? Math.max(...plans.map((p) => p.termMonths)) : null,
      duration: result.duration,
      ...contents,
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
