import { vi } from 'vitest';
import { fixtureConfig, fixtureGuidelines, fixtureProducts, fixtureSettings, fixtureSite } from '~/domain/fixtures';
import type { ClientData } from '~/stores/site-data';

/**
 * Every configuration store module (src/stores/configuration/*) as one object. Imported together
 * after `vi.resetModules()`, the modules share one fresh `$configuration`, which reads whatever the
 * storage holds now.
 */
export async function configurationStores() {
  const [state, server, undo, start, actions, phases, share, packages, add, addRequest] = await Promise.all([
    import('~/stores/configuration/state'),
    import('~/stores/configuration/server'),
    import('~/stores/configuration/undo'),
    import('~/stores/configuration/start'),
    import('~/stores/configuration/actions'),
    import('~/stores/configuration/phases'),
    import('~/stores/configuration/share'),
    import('~/stores/configuration/packages'),
    import('~/stores/configuration/add'),
    import('~/stores/configuration/add-request'),
  ]);
  return { ...state, ...server, ...undo, ...start, ...actions, ...phases, ...share, ...packages, ...add, ...addRequest };
}

/** A fresh copy of the store modules, for the store tests. */
export async function freshStore() {
  vi.resetModules();
  return configurationStores();
}

export const storeData: ClientData = { products: fixtureProducts, settings: fixtureSettings, guidelines: fixtureGuidelines };

/** A small home configuration: two cameras with a recorder, four contacts. */
export const homeConfiguration = () =>
  fixtureConfig([
    fixtureSite([
      { productId: 'cam', quantity: 2, reason: 'Front and back' },
      { productId: 'nvr', quantity: 1 },
      { productId: 'contact', quantity: 4 },
    ]),
  ]);
