import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import type { Product } from '../catalog/product';
import type { RoleId } from '../catalog/roles';
import { runChecks, type Check } from '../checks';
import type { Configuration } from '../configuration/configuration';
import { premisesSchema, type BusinessPremises } from '../premises/premises';
import { monitoringChoices, premisesTypes, siteRequirements, systemGoals, type Goal, type MonitoringChoice, type Requirement } from '../premises/vocabulary';
import { packageTiers, type PackageTier } from './need';
import { recommend, type Recommendation } from './recommend';

/**
 * Every requirement, goal and monitoring answer the assessment offers, straight from the premises
 * definitions: each must change the recommendation or the checks in the way it means. An option added
 * to the domain without an entry below fails to compile and fails here.
 */

const data = loadData();

const products = (config: Configuration): { product: Product; quantity: number }[] =>
  config.sites.flatMap((s) => s.lines.map((l) => ({ product: data.catalog.get(l.productId)!, quantity: l.quantity })));
const unitsOf = (config: Configuration, ...roles: RoleId[]) => products(config).filter((p) => roles.includes(p.product.role)).reduce((n, p) => n + p.quantity, 0);
const planOf = (config: Configuration) => {
  const plan = config.sites[0]!.planId ? data.catalog.get(config.sites[0]!.planId) : undefined;
  return plan?.type === 'monitoring-plan' ? plan : undefined;
};
const packagesOf = (r: Recommendation) => packageTiers.map((tier) => r.packages[tier]);
const checkOf = (config: Configuration, id: string): Check | undefined => runChecks(config, data).find((c) => c.id === `${config.sites[0]!.id}:${id}`);
const withoutPlan = (config: Configuration): Configuration => ({ ...config, sites: config.sites.map(({ planId: _, ...site }) => site) });

/** Businesses whose answers leave each requirement something to change: different systems asked, doors or none. */
const businessBases: BusinessPremises[] = [
  { systems: ['video', 'intrusion'], accessDoors: 0 },
  { systems: ['intrusion'], accessDoors: 2 },
  { systems: ['video'], accessDoors: 0 },
  { systems: ['access', 'video'], accessDoors: 3 },
].map(({ systems, accessDoors }) =>
  premisesSchema.parse({
    kind: 'business',
    systems,
    monitoring: 'none',
    sites: [{ name: 'Depot', premisesType: 'warehouse', floorAreaM2: 1200, exits: 3, accessDoors, staff: 20, areasToWatch: [{ name: 'Loading dock', purpose: 'observe', distanceM: 12, outdoor: true }, { name: 'Till', purpose: 'identify', distanceM: 4 }] }],
  }) as BusinessPremises,
);

const requiring = (base: BusinessPremises, requirement: Requirement): BusinessPremises => ({ ...base, sites: base.sites.map((s) => ({ ...s, requirements: [requirement] })) });

/** What each requirement guarantees in a package, against the same package without it. */
const requirementMeanings: Record<Requirement, (chosen: Configuration, without: Configuration, tier: PackageTier) => void> = {
  'video-retention-90': (chosen, without) => {
    expect(chosen.sites[0]!.recording?.retentionDays).toBe(90);
    const storage = checkOf(chosen, 'recording:storage');
    expect(storage).toMatchObject({ status: 'pass', detail: expect.stringContaining('90 days of continuous recording') });
    expect(checkOf(without, 'recording:storage')?.detail ?? '').not.toContain('90 days');
    expect(checkOf(chosen, 'requirement:video-retention-90')?.status).toBe('pass');
    // Keeping fewer days than required is flagged, whatever the storage.
    const shortened = { ...chosen, sites: chosen.sites.map((s) => ({ ...s, recording: { retentionDays: 30, mode: 'continuous' as const } })) };
    expect(checkOf(shortened, 'requirement:video-retention-90')?.status).toBe('warning');
  },
  'insurer-monitoring': (chosen, without) => {
    expect(unitsOf(chosen, 'alarm-panel')).toBeGreaterThan(0);
    expect(planOf(chosen)?.specs.monitors).toContain('intrusion');
    expect(planOf(without)?.specs.monitors.includes('intrusion') ?? false).toBe(false);
    expect(checkOf(chosen, 'requirement:insurer-monitoring')?.status).toBe('pass');
    expect(checkOf(withoutPlan(chosen), 'requirement:insurer-monitoring')?.status).toBe('warning');
  },
  'fire-alarm-code': (chosen, without) => {
    expect(unitsOf(chosen, 'fire-panel')).toBeGreaterThan(0);
    expect(unitsOf(without, 'fire-panel')).toBe(0);
    expect(planOf(chosen)?.specs.monitors).toContain('fire');
    expect(checkOf(chosen, 'requirement:fire-alarm-code')?.status).toBe('pass');
    expect(checkOf(withoutPlan(chosen), 'requirement:fire-alarm-code')?.status).toBe('warning');
  },
  'access-audit': (chosen, without, tier) => {
    expect(unitsOf(chosen, 'reader')).toBeGreaterThan(0);
    const credentials = products(chosen).filter((p) => p.product.type === 'credential');
    expect(credentials.length).toBeGreaterThan(0);
    for (const { product } of credentials) expect(product.type === 'credential' && product.specs.cloneResistant).toBe(true);
    // Essential otherwise uses prox cards, which can be copied (or has no reader when access was not asked).
    const copyableWithout = products(without).some((p) => p.product.type === 'credential' && !p.product.specs.cloneResistant);
    if (tier === 'essential') expect(unitsOf(without, 'reader') === 0 || copyableWithout).toBe(true);
    expect(checkOf(chosen, 'requirement:access-audit')?.status).toBe('pass');
    const prox = data.catalog.ofType('credential').find((c) => !c.specs.cloneResistant)!;
    const copyable = { ...chosen, sites: chosen.sites.map((s) => ({ ...s, lines: s.lines.map((l) => (data.catalog.get(l.productId)?.type === 'credential' ? { ...l, productId: prox.id } : l)) })) };
    expect(checkOf(copyable, 'requirement:access-audit')?.status).toBe('warning');
  },
};

describe('every site requirement changes the recommendation and the checks', () => {
  it.each(siteRequirements.map((r) => [r]))('%s', (requirement) => {
    const meaning = requirementMeanings[requirement];
    expect(meaning, `no meaning written for the requirement ${requirement}`).toBeTypeOf('function');
    for (const base of businessBases) {
      const chosen = recommend(requiring(base, requirement), data);
      const without = recommend(base, data);
      packageTiers.forEach((tier) => meaning(chosen.packages[tier], without.packages[tier], tier));
      expect(packagesOf(chosen)).not.toEqual(packagesOf(without));
    }
  });

  it('lets no package of any requirement leave its own requirement check failing', () => {
    for (const base of businessBases) {
      const allRequired = recommend({ ...base, sites: base.sites.map((s) => ({ ...s, requirements: [...siteRequirements] })) }, data);
      for (const config of packagesOf(allRequired)) {
        expect(runChecks(config, data).filter((c) => c.topic === 'requirement' && c.status !== 'pass')).toEqual([]);
      }
    }
  });
});

const home = (goals: Goal[]) => premisesSchema.parse({ kind: 'home', goals, exteriorDoors: 2, outdoorAreas: ['front-door', 'driveway'] });

/** What each goal adds to every package (Essential included), where without it only Complete has it or nothing does. */
const goalMeanings: Record<Goal, (config: Configuration) => boolean> = {
  deter: (config) => unitsOf(config, 'alarm-panel') > 0 && unitsOf(config, 'camera-outdoor', 'camera-doorbell') > 0,
  evidence: (config) => unitsOf(config, 'camera-outdoor', 'camera-doorbell') > 0,
  monitoring: (config) => unitsOf(config, 'alarm-panel') > 0 && planOf(config) !== undefined,
  'fire-co': (config) => unitsOf(config, 'smoke-alarm', 'combo-alarm') > 0,
  'smart-locks': (config) => unitsOf(config, 'smart-lock') >= 2,
};

describe('every home goal changes the recommendation', () => {
  it.each(systemGoals.map((g) => [g]))('%s', (goal) => {
    const meaning = goalMeanings[goal];
    expect(meaning, `no meaning written for the goal ${goal}`).toBeTypeOf('function');
    const chosen = recommend(home([goal]), data);
    const without = recommend(home([]), data);
    for (const config of packagesOf(chosen)) expect(meaning(config)).toBe(true);
    expect(meaning(without.packages.essential)).toBe(false);
  });
});

const termMeanings: Record<MonitoringChoice, (termMonths: number | undefined) => boolean> = {
  'month-to-month': (months) => months === 0,
  contract: (months) => months !== undefined && months > 0,
  none: (months) => months === undefined,
};

describe('the business monitoring answer decides the plan', () => {
  const base = businessBases[0]!;

  it.each(monitoringChoices.map((m) => [m]))('%s', (monitoring) => {
    const meaning = termMeanings[monitoring];
    expect(meaning, `no meaning written for the monitoring answer ${monitoring}`).toBeTypeOf('function');
    for (const config of packagesOf(recommend({ ...base, monitoring }, data))) expect(meaning(planOf(config)?.specs.termMonths)).toBe(true);
  });

  it('is month to month unless the customer picks otherwise, also when a requirement makes monitoring necessary', () => {
    const unanswered = premisesSchema.parse({ kind: 'business', sites: [{ name: 'Shop' }] });
    expect(unanswered.kind === 'business' && unanswered.monitoring).toBe('month-to-month');
    for (const config of packagesOf(recommend({ ...base, monitoring: 'none', sites: base.sites.map((s) => ({ ...s, requirements: ['insurer-monitoring', 'fire-alarm-code'] })) }, data))) {
      expect(planOf(config)?.specs.termMonths).toBe(0);
    }
  });
});

describe('pet-immune motion sensors', () => {
  const motionSensors = (r: Recommendation) =>
    packagesOf(r).flatMap((config) => products(config).flatMap(({ product }) => (product.role === 'motion-sensor' && product.type === 'intrusion-sensor' ? [product] : [])));

  it('are never recommended for business premises of any type', () => {
    for (const premisesType of premisesTypes) {
      const business = premisesSchema.parse({ kind: 'business', systems: ['intrusion'], sites: [{ name: 'Site', premisesType, floorAreaM2: 800 }] });
      const sensors = motionSensors(recommend(business, data));
      expect(sensors.length, premisesType).toBeGreaterThan(0);
      for (const sensor of sensors) expect(sensor.specs.petImmuneKg ?? 0, `${premisesType}: ${sensor.name}`).toBe(0);
    }
  });

  it('are recommended for homes exactly when there are pets, rated for their size', () => {
    const minimumKg = { none: 0, small: 18, large: 36 } as const;
    for (const pets of ['none', 'small', 'large'] as const) {
      const sensors = motionSensors(recommend(premisesSchema.parse({ kind: 'home', pets, goals: ['deter'] }), data));
      expect(sensors.length).toBeGreaterThan(0);
      for (const sensor of sensors) {
        const kg = sensor.specs.petImmuneKg ?? 0;
        if (pets === 'none') expect(kg, sensor.name).toBe(0);
        else expect(kg, sensor.name).toBeGreaterThanOrEqual(minimumKg[pets]);
      }
    }
  });
});
