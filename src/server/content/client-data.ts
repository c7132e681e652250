import { productRows } from '~/domain/catalog/specs';
import type { SpecRow } from '~/domain/catalog/compare';
import type { SiteData } from '~/domain/site-data';
import type { ClientData } from '~/stores/site-data';

/** What a page passes to an island: products without what only product pages show (handover steps, highlights, picture). */
export function clientData(data: SiteData): ClientData {
  return {
    products: data.catalog.products.map((product) => ({ ...product, howToUse: [], highlights: [], image: '' })),
    settings: data.settings,
    guidelines: data.guidelines,
  };
}

/**
 * Every product's comparison rows, formatted at build time so the browser does not ship the
 * formatting code; served as one file that the swap dialog loads the first time it opens
 * (src/pages/configure/spec-rows.json.ts), rather than in the page's island props.
 */
export function specRowsByProduct(data: SiteData): Record<string, SpecRow[]> {
  return Object.fromEntries(data.catalog.products.map((product) => [product.id, productRows(product, data.settings)]));
}
