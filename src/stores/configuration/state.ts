import { persistentAtom } from '@nanostores/persistent';
import { atom, computed } from 'nanostores';
import type { Configuration } from '~/domain/configuration/configuration';
import type { DecodeResult } from '~/domain/configuration/link';
import { estimate, type Estimate } from '~/domain/estimate/estimate';
import { phaseTotals, type PhaseTotal } from '~/domain/estimate/phases';
import { $siteData, todayIso } from '../site-data';
import { CONFIGURATION_KEY } from './keys';

/**
 * The configuration the customer is working on: one persistent atom (localStorage, so it survives a
 * reload), the messages the page shows about it, and computed stores for the estimate and the phase
 * totals. The key carries a version: a later format uses a new key, never misreads this one.
 * Actions live beside it (start.ts, actions.ts, share.ts); the server's checks in server.ts.
 */

export { CONFIGURATION_KEY };

/**
 * Saved text back to a configuration. Only its outline is looked at here (the browser does not ship
 * the schema); `verifySaved` then has the server check it properly.
 */
export function decodeSaved(text: string | undefined): Configuration | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return looksLikeConfiguration(value) ? value : null;
  } catch {
    return null;
  }
}

function looksLikeConfiguration(value: unknown): value is Configuration {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<Configuration>;
  return (v.audience === 'home' || v.audience === 'business') && Array.isArray(v.sites) && Array.isArray(v.phases);
}

export const encodeSaved = (config: Configuration | null): string | undefined => (config ? JSON.stringify(config) : undefined);

export const $configuration = persistentAtom<Configuration | null>(CONFIGURATION_KEY, null, {
  encode: encodeSaved as (config: Configuration | null) => string,
  decode: decodeSaved,
});

/** A message about something the configurator did on its own (a link opened, saved items removed). */
export interface Notice {
  title: string;
  details: string[];
}
export const $notice = atom<Notice | null>(null);

export function dismissNotice(): void {
  $notice.set(null);
}

/** Why a share link could not be opened; the page offers ways forward. */
export type LinkProblem = Extract<DecodeResult, { ok: false }>;
export const $linkProblem = atom<LinkProblem | null>(null);

/** Today's date for monitoring terms; an atom so tests can fix it. */
export const $today = atom(todayIso());

export const $estimate = computed([$configuration, $siteData, $today], (config, data, today): Estimate | null => {
  if (!config || !data) return null;
  try {
    return estimate(config, data, { today });
  } catch {
    // Only a configuration that slipped past the catalog checks gets here; the page explains.
    return null;
  }
});

export const $phaseTotals = computed([$configuration, $siteData, $today], (config, data, today): PhaseTotal[] => {
  if (!config || !data || config.phases.length === 0) return [];
  try {
    return phaseTotals(config, data, { today });
  } catch {
    return [];
  }
});
