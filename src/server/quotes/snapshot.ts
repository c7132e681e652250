import type { Catalog } from '../../domain/catalog/catalog';
import type { Product } from '../../domain/catalog/product';
import type { Configuration } from '../../domain/configuration/configuration';
import { estimate, type Estimate, type EstimateData } from '../../domain/estimate/estimate';
import type { Settings } from '../../domain/settings/settings';

/**
 * What a quote revision freezes: the estimate as the server computed it, every catalog product it
 * used (with the price, name and model of that day) and the settings it was priced with. The quote
 * page renders from this alone, so a later change to the catalog or the settings never changes a
 * quote the customer already holds.
 */
export interface QuoteSnapshot {
  /** Bumped when the shape changes, so old revisions can still be read. */
  version: 1;
  /** The calendar day the estimate was priced on (YYYY-MM-DD, UTC). */
  pricedOn: string;
  estimate: Estimate;
  products: Product[];
  settings: Settings;
}

/** Products an estimate refers to: lines (equipment, services, cable, travel) and monitoring plans. */
function productsUsed(result: Estimate, config: Configuration, catalog: Catalog): Product[] {
  const ids = new Set<string>();
  for (const site of result.sites) for (const line of site.lines) if (line.productId) ids.add(line.productId);
  for (const site of config.sites) if (site.planId) ids.add(site.planId);
  return [...ids].sort().flatMap((id) => {
    const product = catalog.get(id);
    return product ? [product] : [];
  });
}

/**
 * Prices a configuration (already validated against this catalog) and freezes the result. Whatever
 * prices or totals a client sent never get here: only the configuration does.
 */
export function freezeEstimate(config: Configuration, data: EstimateData, today: string): QuoteSnapshot {
  const result = estimate(config, data, { today });
  // A deep copy through JSON: the snapshot is stored as jsonb and must not share objects with the live catalog.
  return JSON.parse(
    JSON.stringify({ version: 1, pricedOn: today, estimate: result, products: productsUsed(result, config, data.catalog), settings: data.settings }),
  ) as QuoteSnapshot;
}
