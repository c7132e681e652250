import { productRows } from '~/domain/catalog/specs';
import type { SiteData } from '~/domain/site-data';
import type { ClientData } from '~/stores/site-data';

/**
 * What a page passes to an island: products without what only product pages show (handover steps,
 * highlights, picture), and, when asked, every product's comparison rows formatted here at build
 * time, so the browser does not ship the formatting code.
 */
export function clientData(data: SiteData, options: { specRows?: boolean } = {}): ClientData {
  return {
    products: data.catalog.products.map((product) => ({ ...product, howToUse: [], highlights: [], image: '' })),
    settings: data.settings,
    guidelines: data.guidelines,
    ...(options.specRows ? { specRows: Object.fromEntries(data.catalog.products.map((p) => [p.id, productRows(p, data.settings)])) } : {}),
  };
}
