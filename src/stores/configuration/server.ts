import { atom } from 'nanostores';
import type { Check } from '~/domain/checks';
import type { Configuration } from '~/domain/configuration/configuration';
import type { CheckedResult } from '~/domain/configuration/link';
import { $configuration } from './state';

/**
 * What the configurator asks the server: the one call (POST /api/configurations/check) and the
 * engineering checks it keeps asking for while the customer edits.
 */

const unavailable: CheckedResult = {
  ok: false,
  reason: 'unavailable',
  message: 'We could not check this just now. Check your connection and try again.',
  issues: [],
};

/**
 * Asks the server to check a share code or a configuration against the shared schema and today's
 * catalog (POST /api/configurations/check). A network failure reads as `unavailable`.
 */
export async function checkOnServer(body: { code: string } | { configuration: Configuration }): Promise<CheckedResult> {
  try {
    const response = await fetch('/api/configurations/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return response.ok ? ((await response.json()) as CheckedResult) : unavailable;
  } catch {
    return unavailable;
  }
}

/**
 * The engineering checks come from the server, asked again shortly after each change: with the
 * schema they would take the configurator past its JavaScript budget.
 */
export const $checks = atom<Check[]>([]);
/** `checking` while an answer is awaited; `unavailable` when the last one could not be had. */
export const $checksState = atom<'ready' | 'checking' | 'unavailable'>('ready');

let checksAsked = 0;
/** The configuration the current checks were made for: a fix is only applied to that one. */
let checkedConfiguration: Configuration | null = null;

/** True when the checks shown were made for exactly this configuration, so their line numbers hold. */
export const checksAreFor = (config: Configuration): boolean => config === checkedConfiguration;

async function refreshChecks(config: Configuration | null): Promise<void> {
  const asked = ++checksAsked;
  if (!config) {
    $checks.set([]);
    $checksState.set('ready');
    return;
  }
  $checksState.set('checking');
  const result = await checkOnServer({ configuration: config });
  if (asked !== checksAsked) return;
  if (result.ok) {
    $checks.set(result.checks);
    checkedConfiguration = config;
  }
  $checksState.set(result.ok ? 'ready' : 'unavailable');
}

/** Checks the working configuration again once edits pause for `delayMs`; returns a stop function. */
export function followChecks(delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = $configuration.subscribe((config) => {
    clearTimeout(timer);
    timer = setTimeout(() => void refreshChecks(config), delayMs);
  });
  return () => {
    clearTimeout(timer);
    unsubscribe();
  };
}
