import { persistentAtom } from '@nanostores/persistent';
import { atom, computed } from 'nanostores';
import {
  newArea,
  newBusinessDraft,
  newHomeDraft,
  newSiteDraft,
  restoreBusiness,
  restoreHome,
  type AreaDraft,
  type BusinessDraft,
  type HomeDraft,
  type Path,
  type SiteDraft,
} from '../domain/premises/draft';
import type { FieldRule } from '../domain/field-rules/rules';
import { readDraft, type DraftReading } from '../domain/premises/read-draft';
import { stepsFor } from '../domain/premises/steps';
import type { SiteData } from '../domain/site-data';

/**
 * The needs assessment so far: the path (home or business), the step and every answer as typed,
 * saved in localStorage so a reload or a later visit picks up where the customer left off.
 * Step 0 chooses the path, steps 1…n are the questions and n + 1 shows the packages.
 */

export const ASSESSMENT_KEY = 'secure-quote:assessment:v1';

export interface AssessmentState {
  path: Path | null;
  step: number;
  home: HomeDraft;
  business: BusinessDraft;
  /** Steps the customer tried to leave with Next: their problems are shown from then on. */
  attempted: string[];
}

export const newAssessment = (): AssessmentState => ({ path: null, step: 0, home: newHomeDraft(), business: newBusinessDraft(), attempted: [] });

/** Saved text back to a state; anything unreadable starts afresh, and readable parts are kept. */
export function decodeAssessment(text: string | undefined): AssessmentState {
  if (!text) return newAssessment();
  try {
    const saved = JSON.parse(text) as Partial<AssessmentState> | null;
    if (!saved || typeof saved !== 'object') return newAssessment();
    const path = saved.path === 'home' || saved.path === 'business' ? saved.path : null;
    const last = path ? stepsFor(path).length + 1 : 0;
    const step = Number.isInteger(saved.step) ? Math.max(0, Math.min(last, saved.step!)) : 0;
    const attempted = Array.isArray(saved.attempted) ? saved.attempted.filter((s): s is string => typeof s === 'string') : [];
    return { path, step, home: restoreHome(saved.home), business: restoreBusiness(saved.business), attempted };
  } catch {
    return newAssessment();
  }
}

export const $assessment = persistentAtom<AssessmentState>(ASSESSMENT_KEY, newAssessment(), {
  encode: JSON.stringify,
  decode: decodeAssessment,
});

/**
 * What the assessment works with, which the page passes to the island: the settings (units, the
 * company's phone) and the guidelines. No catalog: the server recommends, prices and describes the
 * packages (POST /api/estimate).
 */
export type AssessmentData = Pick<SiteData, 'settings' | 'guidelines'>;

/** The page's data, once the island is live. */
export const $assessmentData = atom<AssessmentData | null>(null);

/** The premises schema's rules (`rulesOf(premisesSchema)`), which the page passes to the island as data. */
export const $premisesRules = atom<FieldRule | null>(null);

/** The answers read as premises, with every problem by field; null until a path is chosen and the rules are in. */
export const $reading = computed([$assessment, $assessmentData, $premisesRules], (state, data, rules): DraftReading | null => {
  if (!state.path || !rules) return null;
  return readDraft(state.path, state.path === 'home' ? state.home : state.business, data?.settings.units ?? 'imperial', rules);
});

const update = (change: (state: AssessmentState) => AssessmentState) => $assessment.set(change($assessment.get()));

/** Index of the results step for the chosen path. */
export const resultsStep = (state: AssessmentState) => (state.path ? stepsFor(state.path).length + 1 : 0);

export function choosePath(path: Path): void {
  $cleared.set(null);
  update((s) => ({ ...s, path, step: 1 }));
}

export function goToStep(step: number): void {
  update((s) => ({ ...s, step: Math.max(0, Math.min(resultsStep(s), step)) }));
}

/**
 * Leaves the current step forward. With `skip` it always moves on (blank answers use typical values
 * and anything typed is kept); otherwise it stays when the step has problems and returns false.
 */
export function nextStep(skip = false): boolean {
  const state = $assessment.get();
  if (!state.path || state.step === 0) return false;
  const step = stepsFor(state.path)[state.step - 1];
  if (step && !skip) {
    const attempted = state.attempted.includes(step.id) ? state.attempted : [...state.attempted, step.id];
    const errors = $reading.get()?.errors ?? {};
    if (Object.keys(errors).some((key) => step.fields.test(key))) {
      $assessment.set({ ...state, attempted });
      return false;
    }
    $assessment.set({ ...state, attempted, step: state.step + 1 });
    return true;
  }
  goToStep(state.step + 1);
  return true;
}

export function previousStep(): void {
  update((s) => ({ ...s, step: Math.max(0, s.step - 1) }));
}

/** The answers before "Start over", so it can be undone while the page is open. */
export const $cleared = atom<AssessmentState | null>(null);

/** Starts again: every answer is cleared (undo brings them back). */
export function restartAssessment(): void {
  $cleared.set($assessment.get());
  $assessment.set(newAssessment());
}

export function undoRestart(): void {
  const previous = $cleared.get();
  if (previous) $assessment.set(previous);
  $cleared.set(null);
}

export function updateHome(patch: Partial<HomeDraft>): void {
  update((s) => ({ ...s, home: { ...s.home, ...patch } }));
}

export function updateBusiness(patch: Partial<Omit<BusinessDraft, 'sites'>>): void {
  update((s) => ({ ...s, business: { ...s.business, ...patch } }));
}

function updateSites(change: (sites: SiteDraft[]) => SiteDraft[]): void {
  update((s) => ({ ...s, business: { ...s.business, sites: change(s.business.sites) } }));
}

export function updateSite(index: number, patch: Partial<SiteDraft>): void {
  updateSites((sites) => sites.map((site, i) => (i === index ? { ...site, ...patch } : site)));
}

export function addSiteDraft(): number {
  updateSites((sites) => (sites.length >= 50 ? sites : [...sites, newSiteDraft(sites.length + 1)]));
  return $assessment.get().business.sites.length - 1;
}

/** Removes a site; the last one stays (a business has at least one). */
export function removeSiteDraft(index: number): void {
  updateSites((sites) => (sites.length <= 1 ? sites : sites.filter((_, i) => i !== index)));
}

export function addArea(siteIndex: number): void {
  updateSites((sites) =>
    sites.map((site, i) => (i === siteIndex && site.areasToWatch.length < 64 ? { ...site, areasToWatch: [...site.areasToWatch, newArea(site.areasToWatch.length + 1)] } : site)),
  );
}

export function updateArea(siteIndex: number, areaIndex: number, patch: Partial<AreaDraft>): void {
  updateSites((sites) =>
    sites.map((site, i) => (i === siteIndex ? { ...site, areasToWatch: site.areasToWatch.map((a, j) => (j === areaIndex ? { ...a, ...patch } : a)) } : site)),
  );
}

export function removeArea(siteIndex: number, areaIndex: number): void {
  updateSites((sites) => sites.map((site, i) => (i === siteIndex ? { ...site, areasToWatch: site.areasToWatch.filter((_, j) => j !== areaIndex) } : site)));
}

/** A list with `value` added or taken out, for checkbox groups. */
export function toggled<T>(list: readonly T[], value: T, on: boolean): T[] {
  const without = list.filter((item) => item !== value);
  return on ? [...without, value] : without;
}
