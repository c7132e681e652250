import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadData, root } from '~tests/helpers/data-files';
import { checkCatalog, createCatalog, specValues } from './catalog';
import { isInstalled, isOfType } from './guards';
import { roleIds, roles } from './roles';

const { catalog, settings } = loadData();

describe('the shipped catalog', () => {
  it('holds at least 45 products', () => {
    expect(catalog.products.length).toBeGreaterThanOrEqual(45);
  });

  it('is consistent with itself and the settings', () => {
    expect(checkCatalog(catalog, settings)).toEqual([]);
  });

  it.each(roleIds.filter((role) => roles[role].group !== 'services'))('offers a real choice for the role %s', (role) => {
    expect(catalog.byRole(role).length).toBeGreaterThanOrEqual(2);
  });

  it('has a local picture for every product', () => {
    const missing = catalog.products.filter((p) => !existsSync(join(root, 'public', p.image)));
    expect(missing.map((p) => `${p.id}: ${p.image}`)).toEqual([]);
  });

  it('gives every product its "how to use it" handover steps, and every installed product a warranty length', () => {
    for (const product of catalog.products) {
      expect(product.howToUse.length, product.id).toBeGreaterThanOrEqual(2);
      expect(new Set(product.howToUse).size, `${product.id} repeats a step`).toBe(product.howToUse.length);
      for (const step of product.howToUse) expect(step, product.id).toMatch(/^[A-Z0-9].*[.!]$/);
    }
    for (const product of catalog.products.filter(isInstalled)) expect('warrantyYears' in product ? product.warrantyYears : undefined, product.id).toEqual(expect.any(Number));
  });

  it('gives every installed product an install time for how it is connected', () => {
    for (const product of catalog.products.filter(isInstalled)) {
      const { wiredMinutes, wirelessMinutes } = product.install;
      expect((wiredMinutes ?? 0) + (wirelessMinutes ?? 0), product.id).toBeGreaterThan(0);
    }
  });
});

describe('createCatalog', () => {
  it('finds alternatives in the same role only', () => {
    const camera = catalog.byRole('camera-outdoor')[0]!;
    const alternatives = catalog.alternatives(camera);
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.every((p) => p.role === camera.role && p.id !== camera.id)).toBe(true);
  });

  it('orders a role good → better → best', () => {
    const order = { good: 0, better: 1, best: 2 };
    for (const role of roleIds) {
      const tiers = catalog.byRole(role).map((p) => order[p.tier]);
      expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    }
  });
});

describe('specValues', () => {
  it('lists the distinct values of a spec in a role, lowest first, leaving out products without it', () => {
    const sensor = loadData().catalog.byRole('motion-sensor').find(isOfType('intrusion-sensor'))!;
    const withPetLimit = (id: string, petImmuneKg: number | undefined) => ({ ...sensor, id, specs: { ...sensor.specs, petImmuneKg } });
    const catalog = createCatalog([withPetLimit('a', 36), withPetLimit('b', 18), withPetLimit('c', 36), withPetLimit('d', undefined)]);
    expect(specValues(catalog, 'motion-sensor', 'intrusion-sensor', (p) => p.specs.petImmuneKg)).toEqual([18, 36]);
    expect(specValues(catalog, 'glass-break', 'intrusion-sensor', (p) => p.specs.petImmuneKg)).toEqual([]);
  });
});
