import { persistentAtom } from '@nanostores/persistent';
import { atom, computed } from 'nanostores';
import type { Change, Check } from '../domain/checks';
import type { Audience, Configuration, Line, Site, SiteConditions } from '../domain/configuration/configuration';
import * as edit from '../domain/configuration/edit';
import { encodeConfiguration, type CheckedResult, type DecodeResult } from '../domain/configuration/link';
import { estimate, type Estimate } from '../domain/estimate/estimate';
import { phaseTotals, type PhaseTotal } from '../domain/estimate/phases';
import { $siteData, provideSiteData, todayIso, type ClientData } from './site-data';

/**
 * The configuration the customer is working on: one persistent atom (localStorage, so it survives a
 * reload), named actions wrapping the pure edits, and computed stores for the estimate, the checks
 * and the phase totals. The key carries a version: a later format uses a new key, never misreads
 * this one.
 */

export const CONFIGURATION_KEY = 'secure-quote:configuration:v1';

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

/** One step back: what the configuration was before the last replacing or removing change. */
export interface UndoStep {
  label: string;
  configuration: Configuration | null;
}
export const $undo = atom<UndoStep | null>(null);

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

/**
 * The engineering checks come from the server (POST /api/configurations/check), asked again shortly
 * after each change: with the schema they would take the configurator past its JavaScript budget.
 */
export const $checks = atom<Check[]>([]);
/** `checking` while an answer is awaited; `unavailable` when the last one could not be had. */
export const $checksState = atom<'ready' | 'checking' | 'unavailable'>('ready');

let checksAsked = 0;
/** The configuration the current checks were made for: a fix is only applied to that one. */
let checkedConfiguration: Configuration | null = null;
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

export const $phaseTotals = computed([$configuration, $siteData, $today], (config, data, today): PhaseTotal[] => {
  if (!config || !data || config.phases.length === 0) return [];
  try {
    return phaseTotals(config, data, { today });
  } catch {
    return [];
  }
});

// ---------- Starting points ----------

/**
 * Gives the stores the page's data and brings a saved configuration in line with today's catalog,
 * telling the customer what changed.
 */
export function initConfigurator(data: ClientData) {
  const siteData = provideSiteData(data);
  const saved = $configuration.get();
  if (saved) {
    const { configuration, changes } = edit.repairForCatalog(saved, siteData.catalog);
    if (configuration !== saved) {
      $configuration.set(configuration);
      $notice.set({ title: 'Your saved configuration was updated to match what we offer today.', details: changes });
    }
  }
  return siteData;
}

/**
 * Has the server check the saved configuration: one it cannot read is set aside (undo brings it back)
 * with the reasons; while the server cannot be reached, the saved one is kept as it is.
 */
export async function verifySaved(): Promise<void> {
  const saved = $configuration.get();
  if (!saved) return;
  const result = await checkOnServer({ configuration: saved });
  if ($configuration.get() !== saved) return;
  if (result.ok) {
    if (JSON.stringify(result.configuration) !== JSON.stringify(saved)) $configuration.set(result.configuration);
  } else if (result.reason === 'invalid') {
    replaceWith(null, 'Set aside a saved configuration we could not read.');
    $notice.set({ title: 'Your saved configuration could not be read, so we set it aside.', details: result.issues.slice(0, 5).map((i) => `${i.path.join(' › ')}: ${i.message}`) });
  }
}

function replaceWith(next: Configuration | null, label: string): void {
  const current = $configuration.get();
  if (current) $undo.set({ label, configuration: current });
  $configuration.set(next);
}

/** Loads a package or any whole configuration, keeping the previous one for undo. */
export function startFrom(config: Configuration, label = 'Replaced your earlier configuration.'): void {
  $linkProblem.set(null);
  replaceWith(config, label);
}

export function startEmpty(audience: Audience): void {
  startFrom(edit.emptyConfiguration(audience), 'Started an empty configuration.');
}

export function clearConfiguration(): void {
  replaceWith(null, 'Cleared the configuration.');
}

export function undo(): void {
  const step = $undo.get();
  if (!step) return;
  $configuration.set(step.configuration);
  $undo.set(null);
}

export function dismissNotice(): void {
  $notice.set(null);
}

// ---------- Edits ----------

function change(update: (config: Configuration) => Configuration): void {
  const config = $configuration.get();
  if (!config) return;
  const next = update(config);
  if (next !== config) {
    $undo.set(null);
    $configuration.set(next);
  }
}

/** An edit that removes something: it can be undone. */
function removing(label: string, update: (config: Configuration) => Configuration): void {
  const config = $configuration.get();
  if (!config) return;
  const next = update(config);
  if (next === config) return;
  $configuration.set(next);
  $undo.set({ label, configuration: config });
}

const siteOf = (siteId: string): Site | undefined => $configuration.get()?.sites.find((s) => s.id === siteId);

export const changeQuantity = (siteId: string, lineIndex: number, quantity: number) => change((c) => edit.setQuantity(c, siteId, lineIndex, quantity));
export const changeReused = (siteId: string, lineIndex: number, reused: number) => change((c) => edit.setReused(c, siteId, lineIndex, reused));
export const swapLine = (siteId: string, lineIndex: number, productId: string) => change((c) => edit.swapProduct(c, siteId, lineIndex, productId));
export const setConnection = (siteId: string, lineIndex: number, connection: Line['connection']) => change((c) => edit.setLine(c, siteId, lineIndex, { connection }));
export const setPhase = (siteId: string, lineIndex: number, phase: number | undefined) => change((c) => edit.setLine(c, siteId, lineIndex, { phase }));
export const addToSite = (siteId: string, productId: string, quantity: number, reason?: string) => change((c) => edit.addProduct(c, siteId, productId, Math.max(1, Math.min(500, Math.round(quantity))), reason));
export const choosePlan = (siteId: string, planId: string | undefined) => change((c) => edit.setPlan(c, siteId, planId));
/** Applies a check's fix, unless the configuration changed since the check (its line numbers may have moved). */
export const applySuggestion = (suggestion: Change) => change((c) => (c === checkedConfiguration ? edit.applyChange(c, suggestion) : c));
export const changeConditions = (siteId: string, patch: Partial<SiteConditions>) => change((c) => edit.setConditions(c, siteId, patch));

/**
 * A typed site condition: the server checks the result first, and the message of what it rejects in
 * that site's conditions comes back for the field (nothing changes then).
 */
export async function changeConditionsChecked(siteId: string, patch: Partial<SiteConditions>): Promise<string | undefined> {
  const config = $configuration.get();
  if (!config) return undefined;
  const next = edit.setConditions(config, siteId, patch);
  const result = await checkOnServer({ configuration: next });
  if (!result.ok) {
    const index = config.sites.findIndex((s) => s.id === siteId);
    const issue = result.issues.find((i) => i.path[0] === 'sites' && i.path[1] === index && i.path[2] === 'conditions');
    return issue?.message ?? result.message;
  }
  if ($configuration.get() === config) change(() => next);
  else changeConditions(siteId, patch);
  return undefined;
}
export const changeRecording = (siteId: string, recording: Site['recording']) => change((c) => edit.setRecording(c, siteId, recording));
export const renameSiteTo = (siteId: string, name: string) => change((c) => edit.renameSite(c, siteId, name));
export const addNewPhase = (name: string, budgetCents: number) => change((c) => edit.addPhase(c, name, budgetCents));
export const changePhase = (index: number, patch: { name?: string; budgetCents?: number }) => change((c) => edit.updatePhase(c, index, patch));
export const changeStartDate = (startDate: string | undefined) => change((c) => edit.setStartDate(c, startDate));

export function removeLineAt(siteId: string, lineIndex: number, name: string): void {
  removing(`Removed ${name}.`, (c) => edit.removeLine(c, siteId, lineIndex));
}

/** Adds a site and returns its id (undefined when the configuration is full or missing). */
export function addNewSite(name: string): string | undefined {
  const config = $configuration.get();
  if (!config) return undefined;
  const id = edit.nextSiteId(config);
  change((c) => edit.addSite(c, name));
  return siteOf(id) ? id : undefined;
}

export function removeSiteById(siteId: string): void {
  const name = siteOf(siteId)?.name ?? 'the site';
  removing(`Removed ${name}.`, (c) => edit.removeSite(c, siteId));
}

export function removePhaseAt(index: number): void {
  const name = $configuration.get()?.phases[index]?.name ?? 'the phase';
  removing(`Removed ${name}.`, (c) => edit.removePhase(c, index));
}

// ---------- Share links ----------

/** The code in a `#c=<code>` fragment, or null when the fragment holds none. */
export function codeFromHash(hash: string): string | null {
  const match = /^#?(?:.*&)?c=([^&]*)/.exec(hash);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1]!;
  }
}

/**
 * Opens a share code: a good one replaces the working configuration (undo keeps the old one); an
 * old, damaged or invalid one leaves it untouched and sets `$linkProblem` for the page to explain.
 */
export async function openShareCode(code: string): Promise<boolean> {
  const result = await checkOnServer({ code });
  if (!result.ok) {
    $linkProblem.set(result);
    return false;
  }
  const current = $configuration.get();
  const same = current !== null && JSON.stringify(current) === JSON.stringify(result.configuration);
  if (!same) startFrom(result.configuration, 'Opened a shared configuration in place of yours.');
  $linkProblem.set(null);
  $notice.set({ title: 'Opened the shared configuration.', details: same ? ['It is the same as the one you had saved.'] : [] });
  return true;
}

export function dismissLinkProblem(): void {
  $linkProblem.set(null);
}

/** The share code of the working configuration, or null when there is none. */
export async function shareCode(): Promise<string | null> {
  const config = $configuration.get();
  return config ? encodeConfiguration(config) : null;
}
