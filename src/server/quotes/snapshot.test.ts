import { describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import { freezeEstimate } from './snapshot';

/** Every object a value holds, itself included. */
function objectsIn(value: unknown, found = new Set<object>()): Set<object> {
  if (value && typeof value === 'object' && !found.has(value)) {
    found.add(value);
    for (const child of Object.values(value)) objectsIn(child, found);
  }
  return found;
}

describe('freezeEstimate', () => {
  const configuration = fixtureConfig([
    fixtureSite([
      { productId: 'cam', quantity: 4 },
      { productId: 'nvr', quantity: 1 },
      { productId: 'contact', quantity: 3, connection: 'wireless' },
    ], { planId: 'plan-36' }),
  ]);

  it('shares no object with the live catalog, the settings or an earlier estimate', () => {
    const live = objectsIn(fixtureData.catalog.products);
    objectsIn(fixtureData.settings, live);
    const first = freezeEstimate(configuration, fixtureData, '2026-05-04');
    objectsIn(first.estimate, live);
    const snapshot = freezeEstimate(configuration, fixtureData, '2026-05-04');
    expect(snapshot.products.length).toBeGreaterThan(0);
    expect([...objectsIn(snapshot)].filter((object) => live.has(object))).toEqual([]);
  });

  it('holds products and settings that nobody can change, so quotes may share them', () => {
    const snapshot = freezeEstimate(configuration, fixtureData, '2026-05-04');
    for (const shared of [...snapshot.products, snapshot.settings]) for (const object of objectsIn(shared)) expect(Object.isFrozen(object)).toBe(true);
    expect(() => {
      (snapshot.products[0] as { name: string }).name = 'Changed';
    }).toThrow(TypeError);
  });

  it('is the same, as JSON, as what the database gives back', () => {
    const snapshot = freezeEstimate(configuration, fixtureData, '2026-05-04');
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot);
  });
});
