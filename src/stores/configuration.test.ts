import { cleanTestStorage, getTestStorage, setTestStorageKey, useTestStorageEngine } from '@nanostores/persistent';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerCheckEndpoint } from '../../tests/helpers/check-endpoint';
import { createCatalog } from '../domain/catalog/catalog';
import { encodeConfiguration } from '../domain/configuration/link';
import { fixtureConfig, fixtureGuidelines, fixtureProducts, fixtureSettings, fixtureSite } from '../domain/fixtures';
import type { ClientData } from './site-data';

useTestStorageEngine();

const data: ClientData = { products: fixtureProducts, settings: fixtureSettings, guidelines: fixtureGuidelines };
const home = () =>
  fixtureConfig([
    fixtureSite([
      { productId: 'cam', quantity: 2, reason: 'Front and back' },
      { productId: 'nvr', quantity: 1 },
      { productId: 'contact', quantity: 4 },
    ]),
  ]);

/** A fresh copy of the store module, reading whatever the test storage holds now. */
async function freshStore() {
  vi.resetModules();
  const store = await import('./configuration');
  store.$today.set('2026-11-23');
  return store;
}

beforeEach(() => {
  cleanTestStorage();
  answerCheckEndpoint({ catalog: createCatalog(fixtureProducts), settings: data.settings, guidelines: fixtureGuidelines });
});

describe('saved configuration', () => {
  it('has the server check it: a readable one stays, an unreadable one is set aside with the reasons', async () => {
    setTestStorageKey('secure-quote:configuration:v1', JSON.stringify(home()));
    let store = await freshStore();
    store.initConfigurator(data);
    await store.verifySaved();
    expect(store.$configuration.get()).toEqual(home());

    const broken = home();
    broken.sites[0]!.conditions.storeys = 0;
    setTestStorageKey('secure-quote:configuration:v1', JSON.stringify(broken));
    store = await freshStore();
    store.initConfigurator(data);
    await store.verifySaved();
    expect(store.$configuration.get()).toBeNull();
    expect(store.$notice.get()?.title).toMatch(/could not be read/);
    expect(store.$notice.get()?.details).toEqual(['sites › 0 › conditions › storeys: at least 1 storey']);
    store.undo();
    expect(store.$configuration.get()).toEqual(broken);
  });

  it('keeps the saved configuration when the server cannot be reached', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline');
    });
    setTestStorageKey('secure-quote:configuration:v1', JSON.stringify(home()));
    const store = await freshStore();
    store.initConfigurator(data);
    await store.verifySaved();
    expect(store.$configuration.get()).toEqual(home());
    expect(await store.checkOnServer({ code: 'v1.x' })).toMatchObject({ ok: false, reason: 'unavailable' });
  });

  it('reads only text shaped like a configuration', async () => {
    const { decodeSaved } = await freshStore();
    expect(decodeSaved(JSON.stringify(home()))).toEqual(home());
    expect(decodeSaved('{"audience":"home","sites":[]}')).toBeNull();
    expect(decodeSaved('{not json')).toBeNull();
    expect(decodeSaved(undefined)).toBeNull();
  });

  it('survives a reload through storage under a versioned key', async () => {
    const first = await freshStore();
    first.initConfigurator(data);
    first.startFrom(home());
    expect(JSON.parse(getTestStorage()[first.CONFIGURATION_KEY]!)).toEqual(home());
    expect(first.CONFIGURATION_KEY).toMatch(/:v1$/);
    const second = await freshStore();
    expect(second.$configuration.get()).toEqual(home());
  });

  it('falls back to no configuration when the saved value is corrupted', async () => {
    const { CONFIGURATION_KEY } = await freshStore();
    setTestStorageKey(CONFIGURATION_KEY, '{"audience":"home","sites":[{"id":"BAD ID"}]}');
    const store = await freshStore();
    expect(store.$configuration.get()).toBeNull();
    store.initConfigurator(data);
    expect(store.$estimate.get()).toBeNull();
  });

  it('removes saved items the catalog no longer has and says so', async () => {
    const { CONFIGURATION_KEY } = await freshStore();
    const old = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }, { productId: 'retired-camera', quantity: 2 }])]);
    setTestStorageKey(CONFIGURATION_KEY, JSON.stringify(old));
    const store = await freshStore();
    store.initConfigurator(data);
    expect(store.$configuration.get()!.sites[0]!.lines.map((l) => l.productId)).toEqual(['cam']);
    expect(store.$notice.get()!.details[0]).toContain('"retired-camera" is no longer offered');
    expect(store.$estimate.get()).not.toBeNull();
  });

  it('clears storage when the configuration is cleared, and undo brings it back', async () => {
    const store = await freshStore();
    store.initConfigurator(data);
    store.startFrom(home());
    store.clearConfiguration();
    expect(getTestStorage()[store.CONFIGURATION_KEY]).toBeUndefined();
    store.undo();
    expect(store.$configuration.get()).toEqual(home());
  });
});

describe('actions', () => {
  async function started() {
    const store = await freshStore();
    store.initConfigurator(data);
    store.startFrom(home());
    return store;
  }

  it('edit lines and keep the estimate in step', async () => {
    const store = await started();
    const before = store.$estimate.get()!.oneTime;
    store.changeQuantity('site-1', 0, 4);
    expect(store.$configuration.get()!.sites[0]!.lines[0]!.quantity).toBe(4);
    const after = store.$estimate.get()!.oneTime;
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
    const result = store.$estimate.get()!;
    expect(result.monthlyCents).toBe(3000);
    expect(result.sites[0]!.plan!.endDate).toBe('2029-11-22');
    store.choosePlan('site-1', undefined);
    expect(store.$estimate.get()!.monthlyCents).toBe(0);
  });

  it('follow the server’s checks after edits settle, and apply a suggestion in one step', async () => {
    const store = await freshStore();
    store.initConfigurator(data);
    const stop = store.followChecks(5);
    store.startFrom(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]));
    await vi.waitFor(() => expect(store.$checks.get().some((c) => c.suggestion)).toBe(true));
    expect(store.$checksState.get()).toBe('ready');
    const fix = store.$checks.get().find((c) => c.suggestion)!;
    store.applySuggestion(fix.suggestion!.change);
    await vi.waitFor(() => expect(store.$checks.get().find((c) => c.id === fix.id)?.status).not.toBe('problem'));
    stop();
  });

  it('say the checks are unavailable when the server cannot be reached, keeping the last answer', async () => {
    const store = await freshStore();
    store.initConfigurator(data);
    const stop = store.followChecks(5);
    store.startFrom(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]));
    await vi.waitFor(() => expect(store.$checks.get().length).toBeGreaterThan(0));
    const before = store.$checks.get();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('offline');
    });
    store.changeQuantity('site-1', 0, 3);
    await vi.waitFor(() => expect(store.$checksState.get()).toBe('unavailable'));
    expect(store.$checks.get()).toBe(before);
    stop();
  });

  it('edit site conditions, recording, sites and phases', async () => {
    const store = await started();
    store.changeConditions('site-1', { storeys: 3, postalCode: undefined });
    expect(store.$configuration.get()!.sites[0]!.conditions).not.toHaveProperty('postalCode');
    expect(store.$estimate.get()!.sites[0]!.travelZone.assumed).toBe(true);
    store.changeRecording('site-1', { retentionDays: 90, mode: 'continuous' });
    expect(store.$configuration.get()!.sites[0]!.recording!.retentionDays).toBe(90);
    const id = store.addNewSite('Warehouse')!;
    expect(id).toBe('site-2');
    store.renameSiteTo(id, 'North warehouse');
    store.addToSite(id, 'smoke', 2);
    expect(store.$estimate.get()!.sites.map((s) => s.name)).toEqual(['Home', 'North warehouse']);
    store.addNewPhase('First', 100_000);
    store.setPhase('site-1', 0, 1);
    expect(store.$phaseTotals.get().map((p) => p.phase)).toEqual([1, null]);
    store.removePhaseAt(0);
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

describe('share links through the store', () => {
  it('round-trip: the code of one configuration opens the same configuration', async () => {
    const sender = await freshStore();
    sender.initConfigurator(data);
    sender.startFrom(home());
    sender.addNewPhase('Phase A', 5000);
    const sent = sender.$configuration.get();
    const code = (await sender.shareCode())!;
    cleanTestStorage();
    const receiver = await freshStore();
    receiver.initConfigurator(data);
    expect(await receiver.openShareCode(code)).toBe(true);
    expect(receiver.$configuration.get()).toEqual(sent);
    expect(receiver.$notice.get()!.title).toBe('Opened the shared configuration.');
    expect(receiver.$linkProblem.get()).toBeNull();
  });

  it('keep the saved configuration and explain a damaged, old or invalid link', async () => {
    const store = await freshStore();
    store.initConfigurator(data);
    store.startFrom(home());
    const good = (await encodeConfiguration(home()))!;

    expect(await store.openShareCode(good.slice(0, -8))).toBe(false);
    expect(store.$linkProblem.get()).toMatchObject({ reason: 'damaged' });
    expect(store.$configuration.get()).toEqual(home());

    expect(await store.openShareCode('v0.abcdef')).toBe(false);
    expect(store.$linkProblem.get()).toMatchObject({ reason: 'unsupported-version' });

    const gone = await encodeConfiguration(fixtureConfig([fixtureSite([{ productId: 'retired-camera', quantity: 1 }])]));
    expect(await store.openShareCode(gone)).toBe(false);
    expect(store.$linkProblem.get()).toMatchObject({ reason: 'invalid' });
    expect(store.$linkProblem.get()!.issues[0]!.message).toContain('retired-camera');
    expect(store.$configuration.get()).toEqual(home());

    store.dismissLinkProblem();
    expect(store.$linkProblem.get()).toBeNull();
  });

  it('replace the working configuration with undo', async () => {
    const store = await freshStore();
    store.initConfigurator(data);
    store.startFrom(home());
    const other = fixtureConfig([fixtureSite([{ productId: 'smoke', quantity: 3 }])]);
    expect(await store.openShareCode(await encodeConfiguration(other))).toBe(true);
    expect(store.$configuration.get()).toEqual(other);
    store.undo();
    expect(store.$configuration.get()).toEqual(home());
  });

  it('find the code in a fragment', async () => {
    const { codeFromHash } = await freshStore();
    expect(codeFromHash('#c=v1.abc_-')).toBe('v1.abc_-');
    expect(codeFromHash('#x=1&c=v1.abc')).toBe('v1.abc');
    expect(codeFromHash('#c=v1.a%2Bb')).toBe('v1.a+b');
    expect(codeFromHash('#c=%E0%A4%A')).toBe('%E0%A4%A');
    expect(codeFromHash('#main')).toBeNull();
    expect(codeFromHash('')).toBeNull();
  });
});
