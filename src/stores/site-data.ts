import { atom } from 'nanostores';
import { createCatalog } from '../domain/catalog/catalog';
import type { Product } from '../domain/catalog/product';
import type { SiteData } from '../domain/site-data';
import type { Guidelines } from '../domain/guidelines/guidelines';
import type { Settings } from '../domain/settings/settings';

/**
 * The catalog, settings and guidelines an island works with. Pages read them at build time and pass
 * them to the island as props (plain data, no functions); the island rebuilds the catalog index once.
 */
export interface ClientData {
  products: Product[];
  settings: Settings;
  guidelines: Guidelines;
}

export const $siteData = atom<SiteData | null>(null);

let provided: ClientData | undefined;
/** Makes the page's data available to the stores; calling it again with the same props is free. */
export function provideSiteData(data: ClientData): SiteData {
  const current = $siteData.get();
  if (current && provided === data) return current;
  provided = data;
  const siteData: SiteData = { catalog: createCatalog(data.products), settings: data.settings, guidelines: data.guidelines };
  $siteData.set(siteData);
  return siteData;
}

/** Today's date, YYYY-MM-DD in the visitor's time zone: monitoring terms start from it. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
