import type { Catalog } from './catalog/catalog';
import type { Guidelines } from './guidelines/guidelines';
import type { Settings } from './settings/settings';

/** Everything the domain reads from src/data: products, the installer's settings and design guidelines. */
export interface SiteData {
  catalog: Catalog;
  settings: Settings;
  guidelines: Guidelines;
}
