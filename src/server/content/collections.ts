import { getCollection, getEntry } from 'astro:content';
import { createCatalog, type Catalog } from '~/domain/catalog/catalog';
import type { Product } from '~/domain/catalog/product';
import type { Settings } from '~/domain/settings/settings';
import type { SiteData } from '~/domain/site-data';

/**
 * The catalog, settings and guidelines from the content collections, loaded once per process. Pages use it at
 * build time; actions and API routes use it at request time, so the server prices from the same data.
 */
let data: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const entries = await getCollection('products');
  const products: Product[] = entries.map((entry) => ({ ...entry.data, id: entry.id }));
  const settings = await getEntry('settings', 'settings');
  const guidelines = await getEntry('guidelines', 'guidelines');
  if (!settings) throw new Error('src/data/settings/settings.yaml is missing');
  if (!guidelines) throw new Error('src/data/guidelines/guidelines.yaml is missing');
  return { catalog: createCatalog(products), settings: settings.data, guidelines: guidelines.data };
}

export function loadData(): Promise<SiteData> {
  data ??= load();
  return data;
}

export async function loadCatalog(): Promise<Catalog> {
  return (await loadData()).catalog;
}

export async function loadSettings(): Promise<Settings> {
  return (await loadData()).settings;
}
