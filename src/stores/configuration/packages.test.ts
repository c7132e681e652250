import { cleanTestStorage, useTestStorageEngine } from '@nanostores/persistent';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '~tests/helpers/configuration-stores';
import { fixtureConfig, fixtureSite } from '~/domain/fixtures';

useTestStorageEngine();
beforeEach(() => cleanTestStorage());

const packages = {
  essential: fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }])]),
  recommended: fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }, { productId: 'nvr', quantity: 1 }])]),
  complete: fixtureConfig([fixtureSite([{ productId: 'cam-best', quantity: 4 }, { productId: 'nvr', quantity: 1 }])]),
};

describe('the package in use', () => {
  it('is named, turns "customized" once a line changes, and survives a reload', async () => {
    let store = await freshStore();
    store.startPackage('recommended', packages);
    expect(store.$packageStatus.get()).toEqual({ tier: 'recommended', title: 'Recommended', customized: false });
    store.changeConditions('site-1', { storeys: 2 });
    expect(store.$packageStatus.get()?.customized).toBe(false);
    // The same lines with their keys in another order (as the server's check returns them) are no change.
    const { productId, quantity, reused } = store.$configuration.get()!.sites[0]!.lines[0]!;
    store.$configuration.set({ ...store.$configuration.get()!, sites: [{ ...store.$configuration.get()!.sites[0]!, lines: [{ reused, quantity, productId }, ...store.$configuration.get()!.sites[0]!.lines.slice(1)] }] });
    expect(store.$packageStatus.get()?.customized).toBe(false);
    store.changeQuantity('site-1', 0, 3);
    expect(store.$packageStatus.get()?.customized).toBe(true);
    store = await freshStore();
    expect(store.$packageStatus.get()).toEqual({ tier: 'recommended', title: 'Recommended', customized: true });
  });

  it('switches to another package, and undo brings back the edits and the package they were', async () => {
    const store = await freshStore();
    store.startPackage('recommended', packages);
    store.changeQuantity('site-1', 0, 3);
    const edited = store.$configuration.get();
    store.switchPackage('complete');
    expect(store.$configuration.get()).toEqual(packages.complete);
    expect(store.$packageStatus.get()).toEqual({ tier: 'complete', title: 'Complete', customized: false });
    expect(store.$undo.get()?.label).toBe('Switched to the Complete package. Your changes are gone unless you undo.');
    store.undo();
    expect(store.$configuration.get()).toEqual(edited);
    expect(store.$packageStatus.get()).toEqual({ tier: 'recommended', title: 'Recommended', customized: true });
    store.switchPackage('recommended');
    expect(store.$configuration.get()).toEqual(packages.recommended);
    expect(store.$packageStatus.get()?.customized).toBe(false);
  });

  it('goes with any start that is not a package, and comes back with its undo', async () => {
    const store = await freshStore();
    store.startPackage('essential', packages);
    store.startEmpty('home');
    expect(store.$packageStatus.get()).toBeNull();
    store.undo();
    expect(store.$packageStatus.get()?.tier).toBe('essential');
    store.clearConfiguration();
    expect(store.$package.get()).toBeNull();
  });
});
