/**
 * `npm run bench:estimate`: how long recommending and estimating take for a home and for a 25-site
 * business, on the shipped catalog. Vitest's bench mode prints the figures; the target (under 2 ms
 * per business recompute) is read by people, not asserted.
 */
import { test } from 'vitest';
import { runChecks } from '~/domain/checks';
import type { Configuration } from '~/domain/configuration/configuration';
import { setQuantity } from '~/domain/configuration/edit';
import { estimate } from '~/domain/estimate/estimate';
import { premisesSchema } from '~/domain/premises/premises';
import { recommend } from '~/domain/recommend/recommend';
import { loadData } from '../helpers/data-files';

const data = loadData();
// Local bindings: Vitest's module runner turns imports into getters, which would be timed too.
const [price, check, recommendFor, edit] = [estimate, runChecks, recommend, setQuantity];
const today = new Date().toISOString().slice(0, 10);

const home = premisesSchema.parse({
  kind: 'home',
  storeys: 2,
  basement: true,
  floorAreaM2: 220,
  bedrooms: 4,
  exteriorDoors: 3,
  accessibleWindows: 10,
  attachedGarage: true,
  pets: 'small',
  outdoorAreas: ['front-door', 'driveway', 'backyard', 'side-gate'],
  goals: ['deter', 'evidence', 'monitoring', 'fire-co'],
});

const business = premisesSchema.parse({
  kind: 'business',
  systems: ['video', 'intrusion', 'fire', 'access'],
  sites: Array.from({ length: 25 }, (_, i) => ({
    name: `Branch ${i + 1}`,
    postalCode: `9${String(4100 + i).padStart(4, '0')}`,
    premisesType: (['office', 'retail', 'warehouse', 'restaurant', 'clinic'] as const)[i % 5],
    storeys: 1 + (i % 3),
    floorAreaM2: 400 + i * 90,
    exits: 2 + (i % 4),
    accessDoors: 2 + (i % 3),
    staff: 15 + i,
    areasToWatch: [
      { name: 'Entrance', purpose: 'identify', distanceM: 4, outdoor: false },
      { name: 'Sales floor', purpose: 'observe', distanceM: 12, outdoor: false },
      { name: 'Parking lot', purpose: 'observe', distanceM: 30, outdoor: true },
      { name: 'Gate', purpose: 'read-plate', distanceM: 10, outdoor: true },
    ],
    requirements: i % 2 ? ['insurer-monitoring'] : ['fire-alarm-code'],
  })),
});

const homeConfig = recommendFor(home, data).packages.recommended;
const businessConfig = recommendFor(business, data).packages.recommended;

const lines = (config: typeof homeConfig) => config.sites.reduce((sum, s) => sum + s.lines.length, 0);

/** A fresh data object defeats the per-site caches, so every site is priced and checked. */
function cold(config: Configuration) {
  const fresh = { ...data };
  price(config, fresh, { today });
  check(config, fresh);
}

/** What the configurator does on each change: one immutable edit, then estimate and checks. */
function afterOneEdit(config: Configuration) {
  let edits = 0;
  return () => {
    const site = config.sites[edits % config.sites.length]!;
    const next = edit(config, site.id, 0, (site.lines[0]!.quantity % 5) + 1);
    edits += 1;
    price(next, data, { today });
    check(next, data);
  };
}

test(`home, ${lines(homeConfig)} lines`, async ({ bench }) => {
  await bench.compare(
    bench('recommend: three packages', () => {
      recommendFor(home, data);
    }),
    bench('cold: estimate + checks', () => cold(homeConfig)),
    bench('recompute after one edit', afterOneEdit(homeConfig)),
  );
});

test(`business, 25 sites, ${lines(businessConfig)} lines (target: recompute under 2 ms)`, async ({ bench }) => {
  await bench.compare(
    bench('recommend: three packages', () => {
      recommendFor(business, data);
    }),
    bench('cold: estimate + checks, every site', () => cold(businessConfig)),
    bench('recompute after one edit', afterOneEdit(businessConfig)),
  );
});
