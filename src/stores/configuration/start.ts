import type { Audience, Configuration } from '~/domain/configuration/configuration';
import * as edit from '~/domain/configuration/edit';
import { provideSiteData, type ClientData } from '../site-data';
import { replaceWithoutPackage } from './packages';
import { checkOnServer } from './server';
import { $configuration, $notice } from './state';

/** Starting points: the saved configuration brought up to date, a package, an empty one, none. */

/**
 * Gives the stores the page's data and brings a saved configuration in line with today's catalog,
 * telling the customer what changed.
 */
export function initConfigurator(data: ClientData) {
  const siteData = provideSiteData(data);
  const saved = $configuration.get();
  if (saved) {
    const { configuration, changes } = edit.repairForCatalog(saved, siteData.catalog);
    if (configuration !== saved) {
      $configuration.set(configuration);
      $notice.set({ title: 'Your saved configuration was updated to match what we offer today.', details: changes });
    }
  }
  return siteData;
}

/**
 * Has the server check the saved configuration: one it cannot read is set aside (undo brings it back)
 * with the reasons; while the server cannot be reached, the saved one is kept as it is.
 */
export async function verifySaved(): Promise<void> {
  const saved = $configuration.get();
  if (!saved) return;
  const result = await checkOnServer({ configuration: saved });
  if ($configuration.get() !== saved) return;
  if (result.ok) {
    if (JSON.stringify(result.configuration) !== JSON.stringify(saved)) $configuration.set(result.configuration);
  } else if (result.reason === 'invalid') {
    replaceWithoutPackage(null, 'Set aside a saved configuration we could not read.');
    $notice.set({ title: 'Your saved configuration could not be read, so we set it aside.', details: result.issues.slice(0, 5).map((i) => `${i.path.join(' › ')}: ${i.message}`) });
  }
}

/** Loads any whole configuration that is not a package (see packages.ts), keeping the previous one for undo. */
export function startFrom(config: Configuration, label = 'Replaced your earlier configuration.'): void {
  replaceWithoutPackage(config, label);
}

export function startEmpty(audience: Audience): void {
  startFrom(edit.emptyConfiguration(audience), 'Started an empty configuration.');
}

export function clearConfiguration(): void {
  replaceWithoutPackage(null, 'Cleared the configuration.');
}
