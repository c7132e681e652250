import { cleanTestStorage, useTestStorageEngine } from '@nanostores/persistent';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshStore } from '~tests/helpers/configuration-stores';
import { loadData } from '~tests/helpers/data-files';
import { isPlan } from '~/domain/catalog/guards';
import { groupOfRole } from '~/domain/catalog/roles';
import { addableFromProductPage } from '~/domain/configuration/choices';

useTestStorageEngine();
beforeEach(() => cleanTestStorage());

const shipped = loadData();
const data = { products: [...shipped.catalog.products], settings: shipped.settings, guidelines: shipped.guidelines };
const unitsOf = (store: Awaited<ReturnType<typeof freshStore>>, productId: string) =>
  store.$configuration.get()!.sites[0]!.lines.filter((l) => l.productId === productId).reduce((n, l) => n + l.quantity, 0);

describe('"Add to my system" from a product page', () => {
  const addable = shipped.catalog.products.filter((p) => addableFromProductPage(p) && !isPlan(p));

  it.each(addable.map((p) => [p.id, p]))('adds one %s to a new configuration, then one more to it', async (_, product) => {
    const store = await freshStore();
    store.initConfigurator(data);
    store.addFromLink(product.id);
    expect(store.$configuration.get()!.audience).toBe(product.suits.includes('home') ? 'home' : 'business');
    expect(unitsOf(store, product.id)).toBe(1);
    expect(store.$notice.get()?.title).toBe(`Added 1 × ${product.name}.`);
    store.addFromLink(product.id);
    expect(unitsOf(store, product.id)).toBe(2);
    expect(store.$notice.get()).toEqual({ title: `Added 1 × ${product.name}.`, details: [] });
  });

  it.each(shipped.catalog.ofType('monitoring-plan').map((p) => [p.id, p]))('chooses the %s plan for a site with a system it watches, and says when there is none', async (_, plan) => {
    const store = await freshStore();
    store.initConfigurator(data);
    store.addFromLink(plan.id);
    expect(store.$configuration.get()).toBeNull();
    expect(store.$notice.get()?.title).toBe('We could not add that product.');
    const audience = plan.suits[0]!;
    const watched = shipped.catalog.products.find((p) => !isPlan(p) && addableFromProductPage(p) && p.suits.includes(audience) && plan.specs.forSystems.includes(groupOfRole(p.role) as never))!;
    store.startEmpty(audience);
    store.addFromLink(watched.id);
    store.addFromLink(plan.id);
    expect(store.$configuration.get()!.sites[0]!.planId).toBe(plan.id);
    expect(store.$notice.get()?.title).toBe(`Chose the ${plan.name}.`);
  });

  it('adds to the first site of a business and names it, and refuses what is not sold on its own', async () => {
    const store = await freshStore();
    store.initConfigurator(data);
    store.startEmpty('business');
    store.addNewSite('Warehouse');
    const camera = shipped.catalog.byRole('camera-outdoor')[0]!;
    store.addFromLink(camera.id);
    expect(store.$notice.get()?.title).toBe(`Added 1 × ${camera.name} to Site 1.`);
    const before = store.$configuration.get();
    store.addFromLink('no-such-product');
    expect(store.$configuration.get()).toBe(before);
    expect(store.$notice.get()?.title).toBe('We could not add that product.');
  });

  it('reads the product from the address and gives the address back without it', async () => {
    const store = await freshStore();
    expect(store.addRequest('http://localhost/configure?add=cam-1&x=1#c=abc')).toEqual({ productId: 'cam-1', rest: '/configure?x=1#c=abc' });
    expect(store.addRequest('http://localhost/configure')).toBeNull();
  });
});
