import { atom } from 'nanostores';
import type { Premises } from '../domain/premises/premises';
import type { PricedRecommendation } from '../domain/recommend/priced';

/**
 * The packages for one set of answers (`key`, the premises as sent). The server prices them with
 * its catalog and today's date, so the browser neither ships the estimate nor decides a price.
 */
export type PackagesState = { key: string } & ({ status: 'loading' } | { status: 'failed' } | { status: 'ready'; priced: PricedRecommendation });

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
    next = { key, status: 'ready', priced: ((await response.json()) as { recommendation: PricedRecommendation }).recommendation };
  } catch {
    next = { key, status: 'failed' };
  }
  // An answer for answers since changed is dropped: the newer request's answer is the one shown.
  if ($packages.get()?.key === key) $packages.set(next);
}
