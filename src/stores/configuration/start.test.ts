import { cleanTestStorage, getTestStorage, setTestStorageKey, useTestStorageEngine } from '@nanostores/persistent';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerCheckEndpoint } from '~tests/helpers/check-endpoint';
import { freshStore, homeConfiguration as home, storeData as data } from '~tests/helpers/configuration-stores';
import { createCatalog } from '~/domain/catalog/catalog';
import { fixtureConfig, fixtureGuidelines, fixtureProducts, fixtureSite } from '~/domain/fixtures';

useTestStorageEngine();

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
    broken.sites[0]!.conditions.floorAreaM2 = 1;
    setTestStorageKey('secure-quote:configuration:v1', JSON.stringify(broken));
    store = await freshStore();
    store.initConfigurator(data);
    await store.verifySaved();
    expect(store.$configuration.get()).toBeNull();
    expect(store.$notice.get()?.title).toMatch(/could not be read/);
    expect(store.$notice.get()?.details).toEqual(['sites › 0 › conditions › floorAreaM2: at least 10 m² (about 110 sq ft)']);
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
  });

  it('removes saved items the catalog no longer has and says so', async () => {
    const { CONFIGURATION_KEY } = await freshStore();
    const old = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }, { productId: 'retired-camera', quantity: 2 }])]);
    setTestStorageKey(CONFIGURATION_KEY, JSON.stringify(old));
    const store = await freshStore();
    store.initConfigurator(data);
    expect(store.$configuration.get()!.sites[0]!.lines.map((l) => l.productId)).toEqual(['cam']);
    expect(store.$notice.get()!.details[0]).toContain('"retired-camera" is no longer offered');
    const stop = store.followPricing();
    await vi.waitFor(() => expect(store.$estimate.get()).not.toBeNull());
    const priced = store.$estimate.get()!.sites[0]!.lines.flatMap((l) => (l.productId ? [l.productId] : []));
    expect(priced).toContain('cam');
    expect(priced).not.toContain('retired-camera');
    stop();
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
