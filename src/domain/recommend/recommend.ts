import type { Camera, Product } from '../catalog/product';
import { groupOfRole, type SystemId } from '../catalog/roles';
import { siteChecks } from '../checks';
import type { CheckTopic } from '../checks/check';
import type { Audience, Configuration, Line, Site, SiteConditions } from '../configuration/configuration';
import { applyChange } from '../configuration/edit';
import type { SiteData } from '../site-data';
import type { BusinessPremises, BusinessSite, HomePremises, Premises } from '../premises/premises';
import { requiredRetentionDays, type MonitoringChoice } from '../premises/vocabulary';
import { lensSetting } from '../video/pixel-density';
import { businessAccessRule, businessFireRule, businessIntrusionRule, businessVideoRule } from './business-rules';
import { intrusionRule, monitoringGoal, smartLockRule, smokeAndCoRule, storeysWithBasement, videoRule } from './home-rules';
import { linesFor, packageTiers, productFor, type Need, type PackageTier, type RuleContext } from './need';

/**
 * Turns an assessment into three packages (Essential, Recommended, Complete), each a configuration
 * whose every line says why it is there. Head-end equipment (recorders, drives, switches, door
 * controllers) is then sized by applying the engineering checks' own fixes, so a package passes them.
 */

export interface Recommendation {
  audience: Audience;
  /** The package matching the customer's budget leaning, shown first. */
  start: PackageTier;
  packages: Record<PackageTier, Configuration>;
}

/** Cameras: the first in the package's tier order that can do what the view asks, else the one that reaches farthest. */
function pickCamera(need: Need, pkg: PackageTier, ctx: RuleContext): Product | undefined {
  const view = need.view;
  const preferred = productFor(need.role, pkg, ctx, need.fits);
  if (!view || !preferred || preferred.type !== 'camera') return preferred;
  const { guidelines } = ctx.data;
  if (lensSetting(preferred, view.purpose, view.distanceM, guidelines).meets) return preferred;
  const cameras = ctx.data.catalog.byRole(need.role).filter((p): p is Camera => p.type === 'camera' && p.suits.includes(ctx.audience));
  const able = cameras.filter((c) => lensSetting(c, view.purpose, view.distanceM, guidelines).meets).sort((a, b) => a.priceCents - b.priceCents);
  return able[0] ?? cameras.sort((a, b) => lensSetting(b, view.purpose, view.distanceM, guidelines).reachM - lensSetting(a, view.purpose, view.distanceM, guidelines).reachM)[0];
}

function systemsIn(lines: Line[], ctx: RuleContext): SystemId[] {
  const systems = new Set<SystemId>();
  for (const line of lines) {
    const product = ctx.data.catalog.get(line.productId);
    const group = product && groupOfRole(product.role);
    if (group && group !== 'monitoring' && group !== 'services') systems.add(group);
  }
  return [...systems];
}

/** A recorder with a channel for every camera that records to one, in the package's tier. */
function recorderNeed(lines: Line[], ctx: RuleContext, requiredDays?: number): Need | null {
  const cameras = lines.reduce((sum, line) => {
    const product = ctx.data.catalog.get(line.productId);
    return sum + (product?.type === 'camera' && product.specs.recordsTo === 'recorder' ? line.quantity : 0);
  }, 0);
  if (cameras === 0) return null;
  return {
    role: 'recorder',
    quantity: 1,
    reason: `Records ${cameras === 1 ? 'the camera' : cameras === 2 ? 'both cameras' : `all ${cameras} cameras`} on site, so footage never depends on the internet${requiredDays ? `; it keeps ${requiredDays} days, as your requirements ask` : ''}.`,
    packages: packageTiers,
    fits: (p) => p.type === 'recorder' && p.specs.channels >= cameras,
  };
}

function servicesNeeds(systems: SystemId[], planMonitors: string[], audience: Audience): Need[] {
  if (systems.length === 0) return [];
  const needs: Need[] = [
    { role: 'training', quantity: 1, reason: 'A walkthrough at handover: how to use every part, with the written guide.', packages: packageTiers },
  ];
  if (audience === 'business') {
    needs.unshift({ role: 'site-survey', quantity: 1, reason: 'A site survey before installation confirms cable routes, mounting points and the final price.', packages: packageTiers, fits: (p) => p.suits.includes('business') });
  }
  for (const system of ['intrusion', 'fire'] as const) {
    const monitored = planMonitors.includes(system === 'intrusion' ? 'intrusion' : 'fire');
    if (systems.includes(system) && (system === 'fire' ? audience === 'business' || monitored : monitored)) {
      needs.push({
        role: 'permit',
        quantity: 1,
        reason: system === 'fire' ? 'The fire alarm permit the town requires before the system goes live.' : 'Most towns ask monitored alarms to be registered; we file it for you.',
        packages: packageTiers,
        fits: (p) => p.type === 'service' && p.specs.forSystems.includes(system),
      });
    }
  }
  return needs;
}

/**
 * Which packages get a monitoring plan, and which plan each gets: month to month unless the customer
 * picked a contract. Long contracts with exit fees are this market's top complaint, so a contract is
 * only ever the customer's own pick.
 */
function planFor(lines: Line[], pkg: PackageTier, spec: SiteSpec, ctx: RuleContext): Product | undefined {
  if (!spec.planPackages.includes(pkg)) return undefined;
  const systems = systemsIn(lines, ctx);
  const termFits = spec.planTerm ?? planTerms['month-to-month'];
  return productFor('monitoring-plan', pkg, ctx, (p) => p.type === 'monitoring-plan' && p.specs.forSystems.some((s) => systems.includes(s)) && termFits(p.specs.termMonths));
}

const settledTopics: CheckTopic[] = ['recording', 'network', 'intrusion', 'access'];

/** Applies the checks' own fixes for head-end equipment, site by site, until none is left (bounded). */
function settle(site: Site, audience: Audience, data: SiteData): Site {
  let config: Configuration = { audience, sites: [site], phases: [] };
  for (let round = 0; round < 12; round++) {
    const fix = siteChecks(config.sites[0]!, audience, data).find((c) => c.status !== 'pass' && settledTopics.includes(c.topic) && c.suggestion);
    if (!fix?.suggestion) break;
    config = applyChange(config, fix.suggestion.change);
  }
  return config.sites[0]!;
}

interface SiteSpec {
  id: string;
  name: string;
  conditions: SiteConditions;
  needs: Need[];
  planPackages: readonly PackageTier[];
  /** Which contract lengths the customer accepts for a plan (months, 0 = month to month). */
  planTerm?: (termMonths: number) => boolean;
  /** How video is kept when the customer's requirements decide it. */
  recording?: Site['recording'];
}

function buildPackage(specs: SiteSpec[], pkg: PackageTier, ctx: RuleContext): Configuration {
  const sites: Site[] = specs.map((spec) => {
    const devices = linesFor(spec.needs, pkg, ctx, (need) => pickCamera(need, pkg, ctx));
    const recorder = recorderNeed(devices, ctx, spec.recording?.retentionDays);
    const withRecorder = recorder ? [...devices, ...linesFor([recorder], pkg, ctx)] : devices;
    const plan = planFor(withRecorder, pkg, spec, ctx);
    const monitors = plan?.type === 'monitoring-plan' ? plan.specs.monitors : [];
    const services = linesFor(servicesNeeds(systemsIn(withRecorder, ctx), monitors, ctx.audience), pkg, ctx);
    const site: Site = {
      id: spec.id,
      name: spec.name,
      conditions: spec.conditions,
      lines: [...withRecorder, ...services],
      ...(plan ? { planId: plan.id } : {}),
      ...(spec.recording ? { recording: spec.recording } : {}),
    };
    const settled = settle(site, ctx.audience, ctx.data);
    return { ...settled, lines: settled.lines.map((line) => ({ ...line, recommended: line.quantity })) };
  });
  return { audience: ctx.audience, sites, phases: [] };
}

function homeSpec(home: HomePremises, ctx: RuleContext): SiteSpec {
  const planPackages: readonly PackageTier[] = monitoringGoal(home) ? packageTiers : ['complete'];
  return {
    id: 'home',
    name: 'Home',
    conditions: {
      storeys: storeysWithBasement(home),
      floorAreaM2: home.floorAreaM2,
      ceilingHeightM: home.ceilingHeightM,
      wiringAccess: home.wiringAccess,
      bedrooms: home.bedrooms,
      fuelBurning: home.fuelBurning,
      attachedGarage: home.attachedGarage,
      ...(home.postalCode ? { postalCode: home.postalCode } : {}),
      ...(home.assumed.length ? { assumed: home.assumed } : {}),
    },
    needs: [...smokeAndCoRule(home, ctx), ...intrusionRule(home, ctx), ...videoRule(home, ctx), ...smartLockRule(home)],
    planPackages,
  };
}

/** Contract lengths each monitoring answer accepts: a contract only when the customer picked one. */
const planTerms: Record<MonitoringChoice, (termMonths: number) => boolean> = {
  'month-to-month': (months) => months === 0,
  contract: (months) => months > 0,
  none: (months) => months === 0,
};

function businessSpec(site: BusinessSite, index: number, premises: BusinessPremises, ctx: RuleContext): SiteSpec {
  const systems = new Set(premises.systems);
  const required = (requirement: BusinessSite['requirements'][number]) => site.requirements.includes(requirement);
  if (required('fire-alarm-code')) systems.add('fire');
  if (required('access-audit')) systems.add('access');
  if (required('video-retention-90')) systems.add('video');
  if (required('insurer-monitoring')) systems.add('intrusion');
  const needs = [
    ...(systems.has('video') ? businessVideoRule(site) : []),
    ...(systems.has('intrusion') ? businessIntrusionRule(site, ctx) : []),
    ...(systems.has('fire') ? businessFireRule(site, ctx) : []),
    ...(systems.has('access') ? businessAccessRule(site, ctx) : []),
  ];
  const monitoredAlways = required('insurer-monitoring') || systems.has('fire');
  const retentionDays = requiredRetentionDays(site.requirements);
  return {
    id: `site-${index + 1}`,
    name: site.name,
    conditions: {
      storeys: site.storeys,
      floorAreaM2: site.floorAreaM2,
      ceilingHeightM: site.ceilingHeightM,
      wiringAccess: site.wiringAccess,
      exits: site.exits,
      ...(site.postalCode ? { postalCode: site.postalCode } : {}),
      ...(site.requirements.length ? { requirements: site.requirements } : {}),
      ...(site.assumed.length ? { assumed: site.assumed } : {}),
    },
    needs,
    planPackages: monitoredAlways || premises.monitoring !== 'none' ? packageTiers : [],
    planTerm: planTerms[premises.monitoring],
    ...(retentionDays ? { recording: { retentionDays, mode: 'continuous' as const } } : {}),
  };
}

export function recommend(premises: Premises, data: SiteData): Recommendation {
  const ctx: RuleContext = { data, audience: premises.kind === 'home' ? 'home' : 'business' };
  const specs = premises.kind === 'home' ? [homeSpec(premises, ctx)] : premises.sites.map((site, i) => businessSpec(site, i, premises, ctx));
  const packages = Object.fromEntries(packageTiers.map((pkg) => [pkg, buildPackage(specs, pkg, ctx)])) as Record<PackageTier, Configuration>;
  return { audience: ctx.audience, start: premises.budget, packages };
}
