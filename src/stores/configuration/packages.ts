import { persistentAtom } from '@nanostores/persistent';
import { computed } from 'nanostores';
import type { Configuration } from '~/domain/configuration/configuration';
import { sameContent } from '~/domain/configuration/content';
import { packageTiers, packageTitles, type PackageTier } from '~/domain/recommend/tiers';
import { PACKAGE_KEY } from './keys';
import { $configuration, $linkProblem } from './state';
import { replaceWith } from './undo';

/**
 * The package the configuration started from: the three packages the assessment offered and the one
 * in use, saved beside the configuration so the configurator can name it and switch to another. Any
 * other start (a share link, an empty one, a product added to nothing) leaves no package; undo puts
 * back the package that went with the configuration it restores.
 */

export { PACKAGE_KEY };

export interface PackageChoice {
  tier: PackageTier;
  packages: Record<PackageTier, Configuration>;
}

function decodePackage(text: string | undefined): PackageChoice | null {
  if (!text) return null;
  try {
    const saved = JSON.parse(text) as Partial<PackageChoice> | null;
    const packages = saved?.packages;
    if (!saved || !packageTiers.includes(saved.tier!) || !packages || !packageTiers.every((tier) => Array.isArray(packages[tier]?.sites))) return null;
    return saved as PackageChoice;
  } catch {
    return null;
  }
}

export const $package = persistentAtom<PackageChoice | null>(PACKAGE_KEY, null, {
  encode: (choice) => (choice ? JSON.stringify(choice) : (undefined as unknown as string)),
  decode: decodePackage,
});

/** The package in use and whether the customer has changed its lines since; null when none applies. */
export const $packageStatus = computed([$package, $configuration], (choice, config) => {
  if (!choice || !config) return null;
  return { tier: choice.tier, title: packageTitles[choice.tier], customized: !sameContent(config, choice.packages[choice.tier]) };
});

/** Sets the package, leaving storage alone when nothing changes (no package stays no package). */
const setPackage = (next: PackageChoice | null) => {
  if ($package.get() !== next) $package.set(next);
};

/** Replaces the configuration and the package together; undo brings both back. */
function replacePackage(next: PackageChoice | null, config: Configuration | null, label: string): void {
  const before = $package.get();
  $linkProblem.set(null);
  replaceWith(config, label, () => setPackage(before));
  setPackage(next);
}

/** Starts from one of the packages the assessment offered, remembering the others to switch to. */
export function startPackage(tier: PackageTier, packages: Record<PackageTier, Configuration>): void {
  replacePackage({ tier, packages }, packages[tier], `Replaced your earlier configuration with the ${packageTitles[tier]} package.`);
}

/** Switches to another package (or back to this one as offered); any changes go, and undo brings them back. */
export function switchPackage(tier: PackageTier): void {
  const choice = $package.get();
  if (!choice) return;
  const status = $packageStatus.get();
  const label = tier === choice.tier ? `Put the ${packageTitles[tier]} package back as we offered it.` : `Switched to the ${packageTitles[tier]} package.`;
  replacePackage({ ...choice, tier }, choice.packages[tier], status?.customized ? `${label} Your changes are gone unless you undo.` : label);
}

/** A start that is no package (a share link, an empty configuration): the package bar goes, undo brings it back. */
export function replaceWithoutPackage(config: Configuration | null, label: string): void {
  replacePackage(null, config, label);
}
