import { cleanTestStorage, useTestStorageEngine } from '@nanostores/persistent';
import { beforeEach, describe, expect, it } from 'vitest';
import { answerCheckEndpoint } from '~tests/helpers/check-endpoint';
import { freshStore, homeConfiguration as home, storeData as data } from '~tests/helpers/configuration-stores';
import { createCatalog } from '~/domain/catalog/catalog';
import { encodeConfiguration } from '~/domain/configuration/link';
import { fixtureConfig, fixtureGuidelines, fixtureProducts, fixtureSite } from '~/domain/fixtures';

useTestStorageEngine();

beforeEach(() => {
  cleanTestStorage();
  answerCheckEndpoint({ catalog: createCatalog(fixtureProducts), settings: data.settings, guidelines: fixtureGuidelines });
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
