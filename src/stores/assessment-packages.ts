import { atom } from 'nanostores';
import type { Configuration } from '../domain/configuration/configuration';
import type { Estimate } from '../domain/estimate/estimate';
import type { Premises } from '../domain/premises/premises';
import type { PackageTier } from '../domain/recommend/tiers';

/** The three packages for the assessment's answers, as POST /api/estimate recommends and prices them. */
export interface PricedPackages {
  /** The package matching the budget leaning. */
  start: PackageTier;
  packages: Record<PackageTier, { configuration: Configuration; estimate: Estimate }>;
}

/**
 * The packages for one set of answers (`key`, the premises as sent). The server prices them with
 * its catalog and today's date, so the browser neither ships the estimate nor decides a price.
 */
export type PackagesState = { key: string } & ({ status: 'loading' } | { status: 'failed' } | { status: 'ready'; priced: PricedPackages });

export const $packages = atom<PackagesState | null>(null);

export const packagesKey = (premises: Premises) => JSON.stringify(premises);

/** Asks for the packages of these answers, unless they are loaded or on their way; after a failure, asks again. */
export async function loadPackages(premises: Premises): Promise<void> {
  const key = packagesKey(premises);
  const current = $packages.get();
  if (current?.key === key && current.status !== 'failed') return;
  $packages.set({ key, status: 'loading' });
  let next: PackagesState;
  try {
    const response = await fetch('/api/estimate', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ premises }) });
    if (!response.ok) throw new Error(`POST /api/estimate answered ${response.status}`);
    next = { key, status: 'ready', priced: ((await response.json()) as { recommendation: PricedPackages }).recommendation };
  } catch {
    next = { key, status: 'failed' };
  }
  // An answer for answers since changed is dropped: the newer request's answer is the one shown.
  if ($packages.get()?.key === key) $packages.set(next);
}
