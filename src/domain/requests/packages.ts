import { z } from 'zod';
import type { configurationSchema, Configuration } from '../configuration/configuration';
import { sameContent } from '../configuration/content';
import { packageTiers, packageTitles, type PackageTier } from '../recommend/tiers';

/**
 * The assessment's three packages, sent with a request whose configuration started from one of them,
 * so the quote offers all three to choose from. Only configurations travel: the server validates
 * each against the catalog and prices it itself, like the request's own configuration.
 */

type ConfigurationSchema = z.core.$ZodType<z.output<typeof configurationSchema>, z.input<typeof configurationSchema>>;

export function packagesSchema(configuration: ConfigurationSchema) {
  return z.object({
    /** The package the configuration started from. */
    tier: z.enum(packageTiers, { error: 'Say which package the configuration started from: "essential", "recommended" or "complete"' }),
    /** The three packages as the assessment offered them. */
    offered: z.object(
      { essential: configuration, recommended: configuration, complete: configuration },
      { error: 'Send the three packages the assessment offered: "essential", "recommended" and "complete"' },
    ),
  }, { error: 'Send the packages as the package started from ("tier") and the three offered ("offered")' });
}

export interface RequestPackages {
  tier: PackageTier;
  offered: Record<PackageTier, Configuration>;
}

/**
 * Packages come with a home's configuration (a business's quote keeps its phases and sites as
 * configured), and every package must fit it: a home's, with the same sites in the same order, so
 * each address given for a site is where its package would be installed.
 */
export function packagesIssues(packages: RequestPackages, configuration: Configuration): { path: (string | number)[]; message: string }[] {
  if (configuration.audience !== 'home') return [{ path: ['packages'], message: 'Packages come with a home’s configuration: send a business configuration without them' }];
  const siteIds = JSON.stringify(configuration.sites.map((site) => site.id));
  return packageTiers.flatMap((tier) => {
    const offered = packages.offered[tier];
    const path = ['packages', 'offered', tier];
    if (offered.audience !== configuration.audience) return [{ path: [...path, 'audience'], message: `The ${packageTitles[tier]} package is for a ${offered.audience}, your configuration for a ${configuration.audience}` }];
    if (JSON.stringify(offered.sites.map((site) => site.id)) !== siteIds) return [{ path: [...path, 'sites'], message: `The ${packageTitles[tier]} package has other sites than your configuration` }];
    return [];
  });
}

/** Ids and names of the three packages on a quote: the customer's own first, named for whether they changed it. */
export function packageAlternatives(packages: RequestPackages, configuration: Configuration) {
  const customized = !sameContent(configuration, packages.offered[packages.tier]);
  const title = packageTitles[packages.tier];
  return {
    primary: { id: packages.tier, name: customized ? `${title} (as you changed it)` : title },
    alternatives: packageTiers.filter((tier) => tier !== packages.tier).map((tier) => ({ id: tier, name: packageTitles[tier], configuration: packages.offered[tier] })),
  };
}
