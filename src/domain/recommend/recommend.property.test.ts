import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '../../../tests/helpers/data-files';
import { groupOfRole } from '../catalog/roles';
import { runChecks } from '../checks';
import { configurationSchemaFor, type Configuration } from '../configuration/configuration';
import { estimate } from '../estimate/estimate';
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
          for (const line of config.sites.flatMap((s) => s.lines)) expect(line.reason?.length ?? 0).toBeGreaterThan(10);
        }
      }),
      { numRuns: 60 },
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
        expect(duration.days.central).toBeLessThanOrEqual(1);
        expect(duration.hours.central).toBeLessThanOrEqual(duration.technicians * data.settings.crew.hoursPerDay);
      }),
      { numRuns: 80 },
    );
  });

  it('install several systems for a business over days', () => {
    fc.assert(
      fc.property(severalSystemsBusiness, fc.constantFrom(...packageTiers), (business, tier) => {
        const config = recommend(business, data).packages[tier];
        expect(systemsOf(config).size).toBeGreaterThanOrEqual(3);
        expect(estimate(config, data, { today }).duration.days.central).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 80 },
    );
  });
});
