import type { Product } from '~/domain/catalog/product';
import { isPlan } from '~/domain/catalog/guards';
import type { RoleId } from '~/domain/catalog/roles';
import type { Configuration, Site } from '~/domain/configuration/configuration';
import { addDays } from '~/domain/estimate/dates';
import { premisesSchema } from '~/domain/premises/premises';
import { recommend } from '~/domain/recommend/recommend';
import { packageTiers, packageTitles, type PackageTier } from '~/domain/recommend/tiers';
import { addOnOfLines } from '~/server/quotes/options';
import type { NewQuote } from '~/server/quotes/quote';
import { installerDay, loadData } from './data-files';

/**
 * Configurations built from the shipped catalog (src/data), which the test server prices too. Products
 * are picked by role, so the tests keep working when the catalog's products change.
 */

export function productFor(role: RoleId): Product {
  const product = loadData().catalog.byRole(role)[0];
  if (!product) throw new Error(`The catalog has no product for the role ${role}`);
  return product;
}

/** A monitoring plan with a fixed term, so a quote shows an end date and cancellation terms. */
export function termPlan(): Product {
  const plan = loadData().catalog.products.filter(isPlan).find((p) => p.specs.termMonths > 0);
  if (!plan) throw new Error('The catalog has no monitoring plan with a term');
  return plan;
}

export function homeSite(overrides: Partial<Site> = {}): Site {
  return {
    id: 'home',
    name: 'Home',
    conditions: { storeys: 2, floorAreaM2: 180, ceilingHeightM: 2.5, wiringAccess: 'partial', postalCode: '94100' },
    lines: [
      { productId: productFor('camera-outdoor').id, quantity: 3, reused: 0, reason: 'Front door, driveway and back yard.' },
      { productId: productFor('recorder').id, quantity: 1, reused: 0 },
      { productId: productFor('alarm-panel').id, quantity: 1, reused: 0 },
      { productId: productFor('entry-contact').id, quantity: 4, reused: 0 },
      { productId: productFor('smoke-alarm').id, quantity: 3, reused: 0 },
    ],
    planId: termPlan().id,
    ...overrides,
  };
}

export function homeConfiguration(): Configuration {
  return { audience: 'home', sites: [homeSite()], phases: [] };
}

/** Two sites, for the one-page-per-site print layout and per-site addresses. */
export function twoSiteConfiguration(): Configuration {
  return {
    audience: 'business',
    sites: [
      homeSite({ id: 'shop', name: 'Main Street shop', planId: undefined }),
      homeSite({ id: 'warehouse', name: 'Warehouse', conditions: { storeys: 1, floorAreaM2: 900, ceilingHeightM: 6, wiringAccess: 'open', postalCode: '94100' } }),
    ],
    phases: [],
  };
}

/**
 * A valid installation request for the home configuration, as the JSON API takes it; `overrides`
 * replace whole fields (a test about a name passes its own `contact`).
 */
export function installationRequest(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'installation',
    contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '(555) 010-2000' },
    addresses: [{ siteId: 'home', line1: '12 Analytical Way', city: 'Bayview', region: 'CA', postalCode: '94100' }],
    windows: [{ date: addDays(installerDay(), 7), part: 'morning' }],
    notes: 'Gate is on the left.',
    consent: true,
    configuration: homeConfiguration(),
    ...overrides,
  };
}

export { loadData };

/** The three packages the shipped rules offer a home with cameras, fire and monitoring, leaning to `budget`. */
export function assessmentPackages(budget: PackageTier = 'recommended'): Record<PackageTier, Configuration> {
  return recommend(premisesSchema.parse({ kind: 'home', goals: ['deter', 'fire-co', 'monitoring'], budget }), loadData()).packages;
}

/**
 * A homeowner's quote offering the assessment's three packages (the shipped rules on a home with
 * cameras, fire and monitoring), the one the customer picked first, and two add-ons priced from
 * catalog lines on it: what `createQuote` takes to offer alternatives.
 */
export function packagesQuoteInput(tier: PackageTier = 'recommended'): Pick<NewQuote, 'configuration' | 'options'> {
  const data = loadData();
  const packages = assessmentPackages(tier);
  const configuration = packages[tier];
  const siteId = configuration.sites[0]!.id;
  const today = installerDay();
  return {
    configuration,
    options: {
      primary: { id: tier, name: packageTitles[tier] },
      alternatives: packageTiers.filter((other) => other !== tier).map((other) => ({ id: other, name: packageTitles[other], configuration: packages[other] })),
      addOns: [
        addOnOfLines({ id: 'extra-camera', name: 'One more outdoor camera', detail: 'For a side gate or a second driveway' }, configuration, siteId, [{ productId: productFor('camera-outdoor').id, quantity: 1, reused: 0 }], data, today),
        addOnOfLines({ id: 'extra-smoke', name: 'Two more smoke alarms', detail: null }, configuration, siteId, [{ productId: productFor('smoke-alarm').id, quantity: 2, reused: 0 }], data, today),
      ],
    },
  };
}
