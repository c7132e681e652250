import { isPlan } from '~/domain/catalog/guards';
import type { Product } from '~/domain/catalog/product';
import { addableFromProductPage, plansFor } from '~/domain/configuration/choices';
import * as edit from '~/domain/configuration/edit';
import { $siteData } from '../site-data';
import { addToSite, choosePlan } from './actions';
import { startFrom } from './start';
import { $configuration, $notice } from './state';

/**
 * "Add to my system" from a product page: `/configure?add=<productId>` adds one of it to the working
 * configuration (its first site), or starts a configuration for it when there is none, and says so.
 * A monitoring plan is chosen for the first site it can watch.
 */

const notAdded = (details: string) => $notice.set({ title: 'We could not add that product.', details: [details] });

export function addFromLink(productId: string): void {
  const data = $siteData.get();
  if (!data) return;
  const product = data.catalog.get(productId);
  if (!product || !addableFromProductPage(product)) return notAdded('It is not something we offer on its own. Add products below, or answer a few questions for a package.');
  if (isPlan(product)) return choosePlanFromLink(product);

  const config = $configuration.get();
  if (!config) {
    const audience = product.suits.includes('home') ? 'home' : 'business';
    const empty = edit.emptyConfiguration(audience);
    startFrom(edit.addProduct(empty, empty.sites[0]!.id, product.id, 1), `Started a configuration for the ${product.name}.`);
    $notice.set({ title: `Added 1 × ${product.name}.`, details: ['We started a new configuration with it. Add what else you need, or answer a few questions for a whole package.'] });
    return;
  }
  const site = config.sites[0]!;
  addToSite(site.id, product.id, 1);
  $notice.set({ title: `Added 1 × ${product.name}${config.sites.length > 1 ? ` to ${site.name}` : ''}.`, details: [] });
}

function choosePlanFromLink(plan: Product): void {
  const data = $siteData.get()!;
  const config = $configuration.get();
  const site = config?.sites.find((s) => plansFor(s, data.catalog, config.audience).some((p) => p.id === plan.id));
  if (!site) return notAdded(`The ${plan.name} watches a system your configuration does not have yet. Add that system first, then choose the plan under Monitoring.`);
  choosePlan(site.id, plan.id);
  $notice.set({ title: `Chose the ${plan.name}${config!.sites.length > 1 ? ` for ${site.name}` : ''}.`, details: [] });
}
