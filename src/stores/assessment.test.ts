import { cleanTestStorage, getTestStorage, setTestStorageKey, useTestStorageEngine } from '@nanostores/persistent';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureGuidelines, fixturePremisesRules, fixtureSettings } from '../domain/fixtures';
import { newHomeDraft } from '../domain/premises/draft';

useTestStorageEngine();

async function freshStore() {
  vi.resetModules();
  const store = await import('./assessment');
  store.$assessmentData.set({ settings: { ...fixtureSettings, units: 'imperial' }, guidelines: fixtureGuidelines });
  store.$premisesRules.set(fixturePremisesRules);
  return store;
}

beforeEach(() => cleanTestStorage());

describe('saved assessment', () => {
  it('starts at the first step with no answers', async () => {
    const store = await freshStore();
    expect(store.$assessment.get()).toEqual(store.newAssessment());
    expect(store.$reading.get()).toBeNull();
  });

  it('resumes after a reload where the customer left off', async () => {
    const first = await freshStore();
    first.choosePath('home');
    first.updateHome({ area: '2,400', storeys: 'three' });
    first.nextStep(true);
    expect(JSON.parse(getTestStorage()[first.ASSESSMENT_KEY]!).step).toBe(2);
    const second = await freshStore();
    expect(second.$assessment.get()).toMatchObject({ path: 'home', step: 2, home: { area: '2,400', storeys: 'three' } });
  });

  it('starts afresh from unreadable saves and keeps the readable parts of odd ones', async () => {
    const { ASSESSMENT_KEY, decodeAssessment, newAssessment } = await freshStore();
    expect(decodeAssessment('{oops')).toEqual(newAssessment());
    expect(decodeAssessment('null')).toEqual(newAssessment());
    expect(decodeAssessment(JSON.stringify({ path: 'castle', step: 4 }))).toMatchObject({ path: null, step: 0 });
    expect(decodeAssessment(JSON.stringify({ path: 'home', step: 99, home: { bedrooms: '4' }, attempted: ['property', 3] }))).toMatchObject({
      path: 'home',
      step: 7,
      home: { bedrooms: '4' },
      attempted: ['property'],
    });
    setTestStorageKey(ASSESSMENT_KEY, '{"path":"business","step":2,"business":{"sites":"no"}}');
    const store = await freshStore();
    expect(store.$assessment.get().business.sites).toHaveLength(1);
  });
});

describe('moving through the steps', () => {
  it('stays on a step with problems, shows them and moves on once fixed', async () => {
    const store = await freshStore();
    store.choosePath('home');
    store.updateHome({ area: 'huge' });
    expect(store.nextStep()).toBe(false);
    expect(store.$assessment.get()).toMatchObject({ step: 1, attempted: ['property'] });
    expect(store.$reading.get()!.errors.area).toContain('enter a number');
    store.updateHome({ area: '2,400' });
    expect(store.nextStep()).toBe(true);
    expect(store.$assessment.get().step).toBe(2);
  });

  it('skips a step keeping what was typed, and uses defaults in the premises', async () => {
    const store = await freshStore();
    store.choosePath('home');
    store.updateHome({ bedrooms: 'lots' });
    expect(store.nextStep(true)).toBe(true);
    expect(store.$assessment.get().home.bedrooms).toBe('lots');
    expect(store.$reading.get()!.premises).toMatchObject({ bedrooms: 3 });
  });

  it('goes back, jumps and clamps to the results step', async () => {
    const store = await freshStore();
    store.choosePath('business');
    store.goToStep(99);
    expect(store.$assessment.get().step).toBe(6);
    expect(store.resultsStep(store.$assessment.get())).toBe(6);
    store.previousStep();
    expect(store.$assessment.get().step).toBe(5);
    store.restartAssessment();
    expect(store.$assessment.get()).toEqual(store.newAssessment());
    expect(store.nextStep()).toBe(false);
  });
});

describe('editing answers', () => {
  it('adds, edits and removes business sites and areas', async () => {
    const store = await freshStore();
    store.choosePath('business');
    store.updateBusiness({ organisation: 'Acme' });
    expect(store.addSiteDraft()).toBe(1);
    store.updateSite(1, { name: 'Depot', area: '12,000' });
    store.addArea(1);
    store.addArea(1);
    store.updateArea(1, 1, { name: 'Gate', distance: '60', outdoor: true, purpose: 'read-plate' });
    store.removeArea(1, 0);
    const { business } = store.$assessment.get();
    expect(business.organisation).toBe('Acme');
    expect(business.sites[1]).toMatchObject({ name: 'Depot', area: '12,000' });
    expect(business.sites[1]!.areasToWatch).toEqual([{ name: 'Gate', purpose: 'read-plate', distance: '60', outdoor: true }]);
    const premises = store.$reading.get()!.premises;
    expect(premises.kind === 'business' && premises.sites[1]!.areasToWatch[0]!.distanceM).toBeCloseTo(18.3, 1);
    store.removeSiteDraft(0);
    store.removeSiteDraft(0);
    expect(store.$assessment.get().business.sites.map((s) => s.name)).toEqual(['Depot']);
  });

  it('toggles values in lists', async () => {
    const { toggled } = await freshStore();
    expect(toggled(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
  });

  it('keeps the home draft separate from the business one', async () => {
    const store = await freshStore();
    store.choosePath('home');
    store.updateHome({ bedrooms: '5' });
    store.choosePath('business');
    expect(store.$assessment.get().home).toEqual({ ...newHomeDraft(), bedrooms: '5' });
  });
});

describe('starting over', () => {
  it('clears the answers and can be undone', async () => {
    const store = await freshStore();
    store.choosePath('home');
    store.updateHome({ bedrooms: '4' });
    store.restartAssessment();
    expect(store.$assessment.get()).toEqual(store.newAssessment());
    store.undoRestart();
    expect(store.$assessment.get()).toMatchObject({ path: 'home', home: { bedrooms: '4' } });
    expect(store.$cleared.get()).toBeNull();
  });
});
