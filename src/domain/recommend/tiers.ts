/** The three packages a recommendation offers, cheapest first, and their names. No imports, so the configurator loads no schema with them. */
export const packageTiers = ['essential', 'recommended', 'complete'] as const;
export type PackageTier = (typeof packageTiers)[number];

/** Each package's name as the customer reads it. */
export const packageTitles: Record<PackageTier, string> = { essential: 'Essential', recommended: 'Recommended', complete: 'Complete' };
