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

/** The three packages for some premises, each priced: what POST /api/estimate answers to the assessment's answers. */
export interface PricedRecommendation extends Omit<Recommendation, 'packages'> {
  packages: Record<PackageTier, PricedPackage>;
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
  return { ...recommendation, packages: Object.fromEntries(packageTiers.map((tier) => [tier, pricedPackage(packages[tier], data, today)])) as PricedRecommendation['packages'] };
}
