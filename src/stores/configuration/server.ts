import { atom } from 'nanostores';
import type { Check } from '~/domain/checks';
import type { Configuration } from '~/domain/configuration/configuration';
import type { CheckedResult } from '~/domain/configuration/link';
import type { Estimate } from '~/domain/estimate/estimate';
import type { PhaseTotal } from '~/domain/estimate/phases';
import { todayIso } from '../site-data';
import { $configuration } from './state';

/**
 * What the configurator asks the server: the one call (POST /api/configurations/check), and the
 * estimate, phase totals and engineering checks it keeps asking for while the customer edits.
 * Prices are the server's to compute (the browser could be told anything), and the pricing, the
 * schema and the checks would take the configurator past its JavaScript budget.
 */

const unavailable: CheckedResult = {
  ok: false,
  reason: 'unavailable',
  message: 'We could not check this just now. Check your connection and try again.',
  issues: [],
};

/** Unavailable because the server asked us to wait (429): it says how long, in seconds. */
type Answer = CheckedResult & { retryAfterSeconds?: number };

async function ask(body: { code: string } | { configuration: Configuration }): Promise<Answer> {
  try {
    const response = await fetch('/api/configurations/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status === 429) return { ...unavailable, retryAfterSeconds: Math.min(60, Number(response.headers.get('Retry-After')) || 10) };
    return response.ok ? ((await response.json()) as CheckedResult) : unavailable;
  } catch {
    return unavailable;
  }
}

/**
 * The last configuration asked about and its answer (in flight or come), so that the start's check
 * of the saved configuration, a checked condition change and the pricing that follows each share
 * one request. Once answered, it is kept under the configuration as the server read it too (defaults
 * filled in), which is what the start or an opened share code carries on with; an answer that could
 * not be had is not kept.
 */
let last: { configs: Configuration[]; answer: Promise<Answer> } | undefined;

function keep(config: Configuration | null, answer: Promise<Answer>): Promise<Answer> {
  const kept = { configs: config ? [config] : [], answer };
  if (config) last = kept;
  void answer.then((result) => {
    if (result.ok && (!config || last === kept)) last = { configs: [...kept.configs, result.configuration], answer };
    else if (!result.ok && result.reason === 'unavailable' && last === kept) last = undefined;
  });
  return answer;
}

/**
 * Asks the server to read, price and check a share code or a configuration against the shared
 * schema and today's catalog (POST /api/configurations/check). A network failure, or a refusal
 * such as too many requests, reads as `unavailable` (with how long to wait, for too many requests).
 */
export function checkOnServer(body: { code: string } | { configuration: Configuration }): Promise<Answer> {
  if ('configuration' in body && last?.configs.includes(body.configuration)) return last.answer;
  return keep('configuration' in body ? body.configuration : null, ask(body));
}

/** The last estimate the server gave; null until the first answer, or without a configuration. */
export const $estimate = atom<Estimate | null>(null);
/** Each phase against its budget, from the same answer; empty without phases. */
export const $phaseTotals = atom<PhaseTotal[]>([]);
export const $checks = atom<Check[]>([]);
/** The installer's calendar day the figures are from (the visitor's until the first answer): monitoring terms run from it. */
export const $today = atom(todayIso());
/**
 * `updating` from a change until the server's answer for it (the figures shown are for an earlier
 * version); `unavailable` when the last answer could not be had.
 */
export const $pricingState = atom<'ready' | 'updating' | 'unavailable'>('ready');

let asked = 0;
/** The ask again after too many requests, while one is waiting: stopping the pricing cancels it. */
let retry: ReturnType<typeof setTimeout> | undefined;
/** The configuration the figures shown were made for: a check's fix is only applied to that one. */
let pricedConfiguration: Configuration | null = null;

/** True when the checks shown were made for exactly this configuration, so their line numbers hold. */
export const checksAreFor = (config: Configuration): boolean => config === pricedConfiguration;

async function price(config: Configuration | null): Promise<void> {
  const question = ++asked;
  if (!config) {
    pricedConfiguration = null;
    $estimate.set(null);
    $phaseTotals.set([]);
    $checks.set([]);
    $pricingState.set('ready');
    return;
  }
  const result = await checkOnServer({ configuration: config });
  if (question !== asked) return;
  if (!result.ok) {
    $pricingState.set('unavailable');
    // Too many changes in a minute: ask again once the server says we may, unless the customer changed something since.
    if (result.retryAfterSeconds) retry = setTimeout(() => question === asked && void price(config), result.retryAfterSeconds * 1000);
    return;
  }
  pricedConfiguration = config;
  $today.set(result.pricedOn);
  $estimate.set(result.estimate);
  $phaseTotals.set(result.phaseTotals);
  $checks.set(result.checks);
  $pricingState.set('ready');
}

/** Asks again now for the working configuration (after an answer could not be had). */
export function priceAgain(): Promise<void> {
  $pricingState.set('updating');
  return price($configuration.get());
}

/**
 * Prices and checks the working configuration at once, then again each time edits pause for
 * `delayMs`; the figures read as updating from the edit on. Returns a stop function.
 */
export function followPricing(delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let first = true;
  const unsubscribe = $configuration.subscribe((config) => {
    clearTimeout(timer);
    if (config) $pricingState.set('updating');
    timer = setTimeout(() => void price(config), first ? 0 : delayMs);
    first = false;
  });
  return () => {
    clearTimeout(timer);
    clearTimeout(retry);
    unsubscribe();
  };
}
