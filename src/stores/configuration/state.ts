import { persistentAtom } from '@nanostores/persistent';
import { atom } from 'nanostores';
import type { Configuration } from '~/domain/configuration/configuration';
import type { DecodeResult } from '~/domain/configuration/link';
import { CONFIGURATION_KEY } from './keys';

/**
 * The configuration the customer is working on: one persistent atom (localStorage, so it survives a
 * reload) and the messages the page shows about it. The key carries a version: a later format uses
 * a new key, never misreads this one. Actions live beside it (start.ts, actions.ts, share.ts); the
 * server's checks in server.ts; the estimate and phase totals in estimate.ts.
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
