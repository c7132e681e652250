import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import { groupOfRole } from '../catalog/roles';
import { runChecks, siteChecks } from '../checks';
import { configurationSchemaFor, type Configuration } from '../configuration/configuration';
import { setQuantity, swapProduct } from '../configuration/edit';
import { lineReason } from '../configuration/reason';
import { configurationArb } from '../fixtures/arbitraries';
import { estimate, type EstimateLine } from '../estimate/estimate';
import { homeAreas, viewPurposes } from '../guidelines/vocabulary';
import { premisesSchema, type Premises } from '../premises/premises';
import { wiringAccessOptions } from '../settings/vocabulary';
import { packageTiers } from './need';
import { recommend } from './recommend';

const data = loadData();
const today = '2026-11-23';

/** A home asking for exactly one system: evidence → video, monitoring → intrusion, fire-co → fire, smart-locks → access. */
const oneSystemHome = fc
  .record({
    storeys: fc.integer({ min: 1, max: 3 }),
    basement: fc.boolean(),
    floorAreaM2: fc.integer({ min: 60, max: 350 }),
    bedrooms: fc.integer({ min: 1, max: 5 }),
    exteriorDoors: fc.integer({ min: 1, max: 4 }),
    accessibleWindows: fc.integer({ min: 0, max: 12 }),
    attachedGarage: fc.boolean(),
    fuelBurning: fc.boolean(),
    pets: fc.constantFrom('none', 'small', 'large'),
    outdoorAreas: fc.subarray([...homeAreas], { minLength: 1 }),
    wiringAccess: fc.constantFrom(...wiringAccessOptions),
    goals: fc.constantFrom(['evidence'], ['monitoring'], ['fire-co'], ['smart-locks']),
    budget: fc.constantFrom('essential', 'recommended', 'complete'),
  })
  .map((answers) => premisesSchema.parse({ kind: 'home', ...answers }));

const watchArea = fc.record({
  name: fc.constantFrom('Entrance', 'Lobby', 'Loading dock', 'Parking lot', 'Gate', 'Stock room'),
  purpose: fc.constantFrom(...viewPurposes),
  distanceM: fc.integer({ min: 2, max: 40 }),
  outdoor: fc.boolean(),
});

/** A business asking for three or four systems on premises of real size. */
const severalSystemsBusiness = fc
  .record({
    systems: fc.subarray(['video', 'intrusion', 'fire', 'access'] as const, { minLength: 3 }),
    sites: fc.array(
      fc.record({
        name: fc.constantFrom('Head office', 'Warehouse', 'Shop'),
        premisesType: fc.constantFrom('office', 'retail', 'warehouse', 'restaurant', 'clinic', 'other'),
        storeys: fc.integer({ min: 1, max: 4 }),
        floorAreaM2: fc.integer({ min: 500, max: 5000 }),
        exits: fc.integer({ min: 2, max: 8 }),
        accessDoors: fc.integer({ min: 2, max: 10 }),
        // Up to what the assessment accepts: credentials for thousands of staff take more than one line.
        staff: fc.oneof(fc.integer({ min: 10, max: 300 }), fc.integer({ min: 300, max: 5000 })),
        areasToWatch: fc.array(watchArea, { minLength: 3, maxLength: 10 }),
        wiringAccess: fc.constantFrom(...wiringAccessOptions),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    budget: fc.constantFrom('essential', 'recommended', 'complete'),
  })
  .map((answers) => premisesSchema.parse({ kind: 'business', ...answers }));

function systemsOf(config: Configuration): Set<string> {
  const systems = new Set<string>();
  for (const line of config.sites.flatMap((s) => s.lines)) {
    const group = groupOfRole(data.catalog.get(line.productId)!.role);
    if (group !== 'services' && group !== 'monitoring') systems.add(group);
  }
  return systems;
}

const anyPremises = fc.oneof(oneSystemHome, severalSystemsBusiness);

describe('recommendations over the shipped catalog', () => {
  it('are valid configurations whose every line says why', () => {
    const schema = configurationSchemaFor(data.catalog);
    fc.assert(
      fc.property(anyPremises, (premises: Premises) => {
        for (const config of Object.values(recommend(premises, data).packages)) {
          expect(schema.safeParse(config).success).toBe(true);
          for (const line of config.sites.flatMap((s) => s.lines)) expect(lineReason(line, data.catalog.get(line.productId)!, data).length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never put the customer on a contract: every plan they start with is month to month', () => {
    fc.assert(
      fc.property(anyPremises, (premises) => {
        for (const config of Object.values(recommend(premises, data).packages)) {
          for (const site of config.sites) {
            const plan = site.planId ? data.catalog.get(site.planId) : undefined;
            if (plan?.type === 'monitoring-plan') expect(plan.specs.termMonths).toBe(0);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('fit the doors with the smallest door controller that has a port for each', () => {
    const sizes = data.catalog.ofType('door-controller').filter((c) => c.suits.includes('business')).map((c) => c.specs.doors);
    fc.assert(
      fc.property(severalSystemsBusiness, fc.integer({ min: 1, max: 3 * Math.max(...sizes) }), (business, doors) => {
        if (business.kind !== 'business') throw new Error('the business arbitrary made a home');
        const premises = { ...business, systems: [...new Set([...business.systems, 'access' as const])], sites: business.sites.map((site) => ({ ...site, accessDoors: doors })) };
        for (const config of Object.values(recommend(premises, data).packages)) {
          for (const site of config.sites) {
            const controllers = site.lines.flatMap((line) => {
              const product = data.catalog.get(line.productId)!;
              return product.type === 'door-controller' ? [{ ports: product.specs.doors, quantity: line.quantity }] : [];
            });
            const ports = controllers.reduce((sum, c) => sum + c.ports * c.quantity, 0);
            expect(ports).toBeGreaterThanOrEqual(doors);
            const fitsOne = sizes.filter((n) => n >= doors);
            if (fitsOne.length) expect(controllers).toEqual([{ ports: Math.min(...fitsOne), quantity: 1 }]);
            else expect(ports - Math.max(...sizes)).toBeLessThan(doors);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('leave no head-end problem (recorder, PoE, panel, door controllers) unsolved', () => {
    fc.assert(
      fc.property(anyPremises, (premises) => {
        for (const config of Object.values(recommend(premises, data).packages)) {
          const unsolved = runChecks(config, data).filter((c) => c.status === 'problem' && ['recording', 'network', 'intrusion', 'access'].includes(c.topic));
          expect(unsolved).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never make a better package cheaper than a leaner one', () => {
    fc.assert(
      fc.property(anyPremises, (premises) => {
        const [essential, recommended, complete] = packageTiers.map((tier) => estimate(recommend(premises, data).packages[tier], data, { today }).oneTime);
        expect(essential!.low).toBeLessThanOrEqual(recommended!.low);
        expect(recommended!.low).toBeLessThanOrEqual(complete!.low);
      }),
      { numRuns: 60 },
    );
  });

  it('install one system for a home in hours: within a single working day', () => {
    fc.assert(
      fc.property(oneSystemHome, fc.constantFrom('essential' as const, 'recommended' as const), (home, tier) => {
        const config = recommend(home, data).packages[tier];
        expect(systemsOf(config).size).toBeLessThanOrEqual(1);
        const { duration } = estimate(config, data, { today });
        expect(duration.days.low).toBeLessThanOrEqual(1);
        expect(duration.hours.low).toBeLessThanOrEqual(duration.technicians.low * data.settings.crew.hoursPerDay);
      }),
      { numRuns: 80 },
    );
  });

  it('install several systems for a business over days', () => {
    fc.assert(
      fc.property(severalSystemsBusiness, fc.constantFrom(...packageTiers), (business, tier) => {
        const config = recommend(business, data).packages[tier];
        expect(systemsOf(config).size).toBeGreaterThanOrEqual(3);
        expect(estimate(config, data, { today }).duration.days.low).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 80 },
    );
  });
});

describe('programming is charged once', () => {
  const claimsProgramming = /programm|commission|app setup/i;
  const chargesProgramming = (line: EstimateLine) => line.kind !== 'labor' && claimsProgramming.test(`${line.label} ${line.reason}`);

  function programmingChargedOnce(config: Configuration) {
    for (const site of estimate(config, data, { today }).sites) {
      const labor = site.lines.filter((l) => l.kind === 'labor');
      // Labor says it includes programming (the published figures are "in all"); nothing else charges for it.
      for (const line of labor) expect(line.reason).toMatch(/programming and testing/);
      expect(site.lines.filter(chargesProgramming).map((l) => l.label)).toEqual([]);
    }
  }

  it('in every package recommended for a home or a business: labor includes it and no service line charges it again', () => {
    fc.assert(fc.property(anyPremises, (premises) => Object.values(recommend(premises, data).packages).forEach(programmingChargedOnce)), { numRuns: 60 });
  });

  it('in any configuration of the shipped catalog, whatever the customer adds', () => {
    fc.assert(fc.property(configurationArb(data.catalog), programmingChargedOnce), { numRuns: 80 });
  });

  it('as no service in the catalog sells programming', () => {
    const services = data.catalog.ofType('service').filter((s) => claimsProgramming.test(`${s.name} ${s.summary} ${s.highlights.join(' ')}`));
    expect(services.map((s) => s.id)).toEqual([]);
  });
});

describe('reasons after a swap or a quantity edit', () => {
  it('agree with the line and with its check, for every product that can fill the role', () => {
    const lengths = (text: string) => text.match(/\d[\d,.]* (ft|m)(?![²\w])/g) ?? [];
    fc.assert(
      fc.property(anyPremises, fc.constantFrom(...packageTiers), fc.integer({ min: 1, max: 40 }), (premises, pkg, quantity) => {
        const config = recommend(premises, data).packages[pkg];
        for (const site of config.sites) {
          site.lines.forEach((line, index) => {
            const role = data.catalog.get(line.productId)!.role;
            for (const product of data.catalog.byRole(role)) {
              const edited = setQuantity(swapProduct(config, site.id, index, product.id), site.id, index, quantity);
              const editedSite = edited.sites.find((s) => s.id === site.id)!;
              const editedLine = editedSite.lines[index]!;
              const reason = lineReason(editedLine, product, data);
              if (quantity === line.recommended) expect(reason).not.toMatch(/you changed/);
              else expect(reason).toContain(`Recommended: ${line.recommended}; you changed it to ${quantity}.`);
              if (editedLine.reused > 0) expect(reason).toContain(`${editedLine.reused} of ${quantity} already on site`);
              const checks = siteChecks(editedSite, config.audience, data);
              if (editedLine.view && product.type === 'camera') {
                const check = checks.find((c) => c.id === `${site.id}:view:${index}`)!;
                // Every distance the reason gives is one the check gives, and both say whether the camera can.
                for (const length of lengths(reason)) expect(`${check.title} ${check.detail}`).toContain(length);
                expect(reason.includes('only up to'), reason).toBe(check.detail.includes('this camera reaches'));
              } else {
                // A distance in any other reason is a placement rule, and the site's checks give the same.
                const checked = checks.map((c) => c.detail).join(' ');
                for (const length of lengths(reason)) expect(checked).toContain(length);
              }
            }
          });
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe('check titles', () => {
  it('name only products that are in the configuration', () => {
    const named = (title: string) => data.catalog.products.filter((p) => title.includes(p.name));
    const titlesAgree = (config: Configuration) => {
      for (const site of config.sites) {
        const fitted = new Set(site.lines.map((l) => l.productId));
        for (const check of siteChecks(site, config.audience, data)) for (const product of named(check.title)) expect(fitted, check.title).toContain(product.id);
      }
    };
    fc.assert(
      fc.property(anyPremises, (premises) => Object.values(recommend(premises, data).packages).forEach(titlesAgree)),
      { numRuns: 20 },
    );
    fc.assert(fc.property(configurationArb(data.catalog), titlesAgree), { numRuns: 100 });
  });
});
