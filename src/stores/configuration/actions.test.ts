import { cleanTestStorage, setTestStorageKey, useTestStorageEngine } from '@nanostores/persistent';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerCheckEndpoint } from '~tests/helpers/check-endpoint';
import { freshStore, homeConfiguration as home, storeData as data } from '~tests/helpers/configuration-stores';
import { createCatalog } from '~/domain/catalog/catalog';
import { fixtureConfig, fixtureGuidelines, fixtureProducts, fixtureSite } from '~/domain/fixtures';

useTestStorageEngine();

let stopPricing = () => {};
let asked: unknown[] = [];
beforeEach(() => {
  cleanTestStorage();
  asked = answerCheckEndpoint({ catalog: createCatalog(fixtureProducts), settings: data.settings, guidelines: fixtureGuidelines });
});

afterEach(() => stopPricing());

describe('actions', () => {
  /** Started from the home configuration, priced by the server after each edit. */
  async function started() {
    const store = await freshStore();
    store.initConfigurator(data);
    stopPricing = store.followPricing(5);
    store.startFrom(home());
    return store;
  }

  /** The estimate once the server has answered for the latest edit. */
  async function priced(store: Awaited<ReturnType<typeof started>>) {
    await vi.waitFor(() => expect(store.$pricingState.get()).toBe('ready'));
    return store.$estimate.get()!;
  }

  it('edit lines and keep the estimate in step', async () => {
    const store = await started();
    const before = (await priced(store)).oneTime;
    store.changeQuantity('site-1', 0, 4);
    expect(store.$configuration.get()!.sites[0]!.lines[0]!.quantity).toBe(4);
    expect(store.$pricingState.get()).toBe('updating');
    const after = (await priced(store)).oneTime;
    expect(after.low).toBeGreaterThan(before.low);
    store.changeReused('site-1', 0, 2);
    store.setConnection('site-1', 2, 'wired');
    store.swapLine('site-1', 0, 'cam-best');
    expect(store.$configuration.get()!.sites[0]!.lines[0]).toMatchObject({ productId: 'cam-best', quantity: 4, reused: 2 });
    expect(store.$configuration.get()!.sites[0]!.lines[2]!.connection).toBe('wired');
  });

  it('remove a line with undo', async () => {
    const store = await started();
    store.removeLineAt('site-1', 1, 'Test recorder');
    expect(store.$configuration.get()!.sites[0]!.lines).toHaveLength(2);
    expect(store.$undo.get()!.label).toBe('Removed Test recorder.');
    store.undo();
    expect(store.$configuration.get()).toEqual(home());
    expect(store.$undo.get()).toBeNull();
  });

  it('add products, choose a plan and see it in the estimate', async () => {
    const store = await started();
    store.addToSite('site-1', 'panel', 1);
    store.choosePlan('site-1', 'plan-36');
    const result = await priced(store);
    expect(result.monthlyCents).toBe(3000);
    expect(result.sites[0]!.plan!.endDate).toBe('2029-11-22');
    expect(store.$today.get()).toBe('2026-11-23');
    store.choosePlan('site-1', undefined);
    expect((await priced(store)).monthlyCents).toBe(0);
  });

  it('follow the server’s checks after edits settle, and apply a suggestion in one step', async () => {
    const store = await freshStore();
    store.initConfigurator(data);
    const stop = store.followPricing(5);
    store.startFrom(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]));
    await vi.waitFor(() => expect(store.$checks.get().some((c) => c.suggestion)).toBe(true));
    expect(store.$pricingState.get()).toBe('ready');
    const fix = store.$checks.get().find((c) => c.suggestion)!;
    store.applySuggestion(fix.suggestion!.change);
    await vi.waitFor(() => expect(store.$checks.get().find((c) => c.id === fix.id)?.status).not.toBe('problem'));
    stop();
  });

  it('say the figures are unavailable when the server cannot be reached, keeping the last answer, and ask again on request', async () => {
    const store = await freshStore();
    store.initConfigurator(data);
    const stop = store.followPricing(5);
    store.startFrom(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]));
    await vi.waitFor(() => expect(store.$checks.get().length).toBeGreaterThan(0));
    const [checks, estimate] = [store.$checks.get(), store.$estimate.get()];
    const answer = globalThis.fetch;
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline');
    });
    store.changeQuantity('site-1', 0, 3);
    await vi.waitFor(() => expect(store.$pricingState.get()).toBe('unavailable'));
    expect(store.$checks.get()).toBe(checks);
    expect(store.$estimate.get()).toBe(estimate);
    vi.stubGlobal('fetch', answer);
    await store.priceAgain();
    expect(store.$pricingState.get()).toBe('ready');
    expect(store.$estimate.get()!.oneTime.low).toBeGreaterThan(estimate!.oneTime.low);
    stop();
  });

  it('ask the server once for a configuration that is checked and then priced: the start, a checked condition change', async () => {
    const { CONFIGURATION_KEY } = await freshStore();
    setTestStorageKey(CONFIGURATION_KEY, JSON.stringify(home()));
    const store = await freshStore();
    store.initConfigurator(data);
    stopPricing = store.followPricing(5);
    await store.verifySaved();
    await priced(store);
    expect(asked).toHaveLength(1);
    expect(await store.changeConditionsChecked('site-1', { storeys: 3 })).toBeUndefined();
    expect((await priced(store)).sites[0]!.duration).toBeDefined();
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatchObject({ configuration: { sites: [{ conditions: { storeys: 3 } }] } });
  });

  it('ask again by themselves once the server says they may, after it refused too many requests', async () => {
    const store = await started();
    await priced(store);
    const answer = globalThis.fetch;
    let refused = 0;
    vi.stubGlobal('fetch', async (...args: Parameters<typeof fetch>) => {
      if (refused++ > 0) return answer(...args);
      return new Response('{}', { status: 429, headers: { 'Retry-After': '1' } });
    });
    store.changeQuantity('site-1', 0, 5);
    await vi.waitFor(() => expect(store.$pricingState.get()).toBe('unavailable'));
    await vi.waitFor(() => expect(store.$pricingState.get()).toBe('ready'), { timeout: 3000 });
    expect(refused).toBe(2);
    expect(store.$estimate.get()!.sites[0]!.lines.find((l) => l.productId === 'cam')!.quantity).toBe(5);
  });

  it('ask nothing more once the configurator stops following prices, even with a refusal waiting to be asked again', async () => {
    const store = await started();
    await priced(store);
    let calls = 0;
    vi.stubGlobal('fetch', async () => (calls++, new Response('{}', { status: 429, headers: { 'Retry-After': '1' } })));
    store.changeQuantity('site-1', 0, 5);
    await vi.waitFor(() => expect(store.$pricingState.get()).toBe('unavailable'));
    stopPricing();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(calls).toBe(1);
  });

  it('edit site conditions, recording, sites and phases', async () => {
    const store = await started();
    store.changeConditions('site-1', { storeys: 3, postalCode: undefined });
    expect(store.$configuration.get()!.sites[0]!.conditions).not.toHaveProperty('postalCode');
    expect((await priced(store)).sites[0]!.travelZone.assumed).toBe(true);
    store.changeRecording('site-1', { retentionDays: 90, mode: 'continuous' });
    expect(store.$configuration.get()!.sites[0]!.recording!.retentionDays).toBe(90);
    const id = store.addNewSite('Warehouse')!;
    expect(id).toBe('site-2');
    store.renameSiteTo(id, 'North warehouse');
    store.addToSite(id, 'smoke', 2);
    expect((await priced(store)).sites.map((s) => s.name)).toEqual(['Home', 'North warehouse']);
    store.addNewPhase('First', 100_000);
    store.setPhase('site-1', 0, 1);
    await priced(store);
    expect(store.$phaseTotals.get().map((p) => p.phase)).toEqual([1, null]);
    store.removePhaseAt(0);
    await priced(store);
    expect(store.$phaseTotals.get()).toEqual([]);
    store.undo();
    expect(store.$configuration.get()!.phases).toHaveLength(1);
    store.removeSiteById(id);
    expect(store.$configuration.get()!.sites).toHaveLength(1);
    store.changeStartDate('2027-02-01');
    expect(store.$configuration.get()!.startDate).toBe('2027-02-01');
  });

  it('do nothing without a configuration', async () => {
    const store = await freshStore();
    store.initConfigurator(data);
    store.changeQuantity('site-1', 0, 3);
    expect(store.addNewSite('x')).toBeUndefined();
    expect(store.$configuration.get()).toBeNull();
    expect(await store.shareCode()).toBeNull();
  });
});
