import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import { groupOfRole, roleIds } from '../catalog/roles';
import { fixtureData, fixtureSite, mixedSystemsSite } from '../fixtures';
import { addableRoles, plansFor, siteSystems, swapOptions } from './choices';
import { audiences } from './configuration';

const { catalog } = fixtureData;
const get = (id: string) => catalog.get(id)!;

const site = mixedSystemsSite();

describe('catalog choices for a site', () => {
  it('know the systems a site has lines for, in a fixed order', () => {
    expect(siteSystems(site, catalog)).toEqual(['video', 'intrusion', 'fire']);
  });

  it('offer swaps in the same role and roles to add from', () => {
    expect(swapOptions(get('cam'), catalog, 'home').map((p) => p.id)).toEqual(['cam-best']);
    expect(swapOptions(get('panel'), catalog, 'home')).toEqual([]);
    const video = addableRoles('video', catalog, 'home').map((r) => r.role);
    expect(video).toEqual(['camera-outdoor', 'recorder', 'poe-switch', 'drive']);
    expect(addableRoles('services', catalog, 'home').map((r) => r.role)).toEqual(['permit', 'training']);
  });

  it('offer only plans that can watch a system on the site', () => {
    expect(plansFor(site, catalog, 'home').map((p) => p.id).sort()).toEqual(['plan-36', 'plan-monthly']);
    expect(plansFor(fixtureSite([{ productId: 'cam', quantity: 1 }]), catalog, 'home')).toEqual([]);
  });
});

describe('catalog choices over the shipped catalog', () => {
  const shipped = loadData().catalog;

  it.each(audiences)('never offer %s customers a swap for a permit or service line, and offer one for every equipment role with a choice', (audience) => {
    const swappable = new Set(shipped.products.filter((p) => swapOptions(p, shipped, audience).length > 0).map((p) => groupOfRole(p.role)));
    expect(swappable.has('services')).toBe(false);
    expect(shipped.products.some((p) => groupOfRole(p.role) === 'services' && shipped.alternatives(p).length > 0)).toBe(true);
    for (const system of ['video', 'intrusion', 'fire', 'access'] as const) expect(swappable.has(system)).toBe(true);
  });

  it.each(audiences)('offer every product only swaps in its own role, suiting %s customers whenever one does', (audience) => {
    for (const product of shipped.products) {
      const options = swapOptions(product, shipped, audience);
      const alternatives = shipped.alternatives(product);
      if (['services', 'monitoring'].includes(groupOfRole(product.role))) {
        expect(options, product.id).toEqual([]);
        continue;
      }
      expect(options.every((p) => p.role === product.role && p.id !== product.id)).toBe(true);
      if (alternatives.some((p) => p.suits.includes(audience))) expect(options.every((p) => p.suits.includes(audience))).toBe(true);
      else expect(options).toEqual(alternatives);
    }
  });

  it.each(audiences)('offer %s customers roles to add only from the group asked, never cable or travel', (audience) => {
    const groups = [...new Set(roleIds.map(groupOfRole))];
    for (const group of groups) {
      for (const { role, products } of addableRoles(group, shipped, audience)) {
        expect(groupOfRole(role)).toBe(group);
        expect(['cable', 'travel']).not.toContain(role);
        expect(products.length).toBeGreaterThan(0);
        expect(products.every((p) => p.role === role)).toBe(true);
      }
    }
  });
});
