import type { Catalog } from '../catalog/catalog';
import type { DoorController, Product } from '../catalog/product';
import type { Audience } from '../configuration/configuration';
import type { BusinessSite } from '../premises/premises';
import { count, formatArea, formatLength } from '../units';
import { conditionValueText } from '../wording';
import { allPackages, completeOnly, fromRecommended, type Need, type PackageTier, type RuleContext } from './need';

/** Rules for one business site; which systems apply is decided by the caller. */

export function businessVideoRule(site: BusinessSite): Need[] {
  let camerasToKeep = site.existing.cameras;
  const needs: Need[] = site.areasToWatch.map((area) => {
    const keep = Math.min(camerasToKeep, 1);
    camerasToKeep -= keep;
    return {
      role: area.outdoor ? 'camera-outdoor' : 'camera-indoor',
      quantity: 1,
      reason: keep ? 'An existing camera is kept here if it works with the recorder.' : '',
      packages: allPackages,
      reused: keep,
      view: { label: area.name, purpose: area.purpose, distanceM: area.distanceM },
    };
  });
  const outdoorOverview = site.areasToWatch.some((a) => a.outdoor && a.distanceM >= 20);
  if (outdoorOverview) {
    needs.push({ role: 'camera-ptz', quantity: 1, reason: 'A pan-tilt-zoom camera to follow activity across the open outdoor area.', packages: completeOnly });
  }
  if (needs.length === 0) {
    needs.push({ role: 'camera-indoor', quantity: Math.max(1, site.exits), reason: `A camera inside each of ${count(site.exits, 'exit')}, to see who comes and goes.`, packages: allPackages });
  }
  return needs;
}

/** No pets on business premises: a pet-immune sensor would only be less sensitive to people. */
const withoutPetImmunity = (p: Product) => p.type === 'intrusion-sensor' && !p.specs.petImmuneKg;

export function businessIntrusionRule(site: BusinessSite, ctx: RuleContext): Need[] {
  const { intrusion } = ctx.data.guidelines;
  const perimeterDoors = site.exits;
  const motion = Math.ceil(site.floorAreaM2 / intrusion.motionCoverageM2);
  const storefront = site.premisesType === 'retail' || site.premisesType === 'restaurant';
  const area = conditionValueText(site, 'floorAreaM2', ctx.data.settings);
  return [
    { role: 'alarm-panel', quantity: 1, reason: 'The alarm panel: every sensor reports to it and it calls the monitoring center.', packages: allPackages, reused: site.existing.alarmPanel ? 1 : 0, fits: (p) => p.suits.includes('business') },
    { role: 'keypad', quantity: site.buildings, reason: `A keypad at the main entrance of ${count(site.buildings, 'building')}.`, packages: allPackages },
    { role: 'entry-contact', quantity: perimeterDoors, reason: `A contact on each of ${count(perimeterDoors, 'exit door')}.`, packages: allPackages },
    { role: 'motion-sensor', quantity: Math.ceil(motion / 2), reason: `Motion sensors on the main routes through ${area}.`, packages: ['essential'], fits: withoutPetImmunity },
    { role: 'motion-sensor', quantity: motion, reason: `${count(motion, 'motion sensor')} covering ${area}, one per ${formatArea(intrusion.motionCoverageM2, ctx.data.settings.units, ctx.data.settings.locale)}.`, packages: fromRecommended, fits: withoutPetImmunity },
    { role: 'glass-break', quantity: storefront ? Math.max(1, Math.ceil(site.exits / 2)) : 0, reason: 'Glass-break detectors behind the shop-front glass.', packages: fromRecommended },
    { role: 'siren', quantity: 1, reason: 'An indoor siren.', packages: allPackages, fits: (p) => p.type === 'siren' && p.specs.location === 'indoor' },
    { role: 'siren', quantity: 1, reason: 'An outdoor siren with strobe so the alarm is seen from the street.', packages: fromRecommended, fits: (p) => p.type === 'siren' && p.specs.location === 'outdoor' },
  ];
}

export function businessFireRule(site: BusinessSite, ctx: RuleContext): Need[] {
  const { fire } = ctx.data.guidelines;
  const { units, locale } = ctx.data.settings;
  const area = conditionValueText(site, 'floorAreaM2', ctx.data.settings);
  const detectors = Math.ceil(site.floorAreaM2 / fire.commercialDetectorCoverageM2);
  const hornStrobes = Math.ceil(site.floorAreaM2 / fire.hornStrobeCoverageM2);
  const addressable = (p: Product) => p.type !== 'fire-device' && p.type !== 'fire-panel' ? true : p.specs.addressing === 'addressable';
  const conventional = (p: Product) => p.type !== 'fire-device' && p.type !== 'fire-panel' ? true : p.specs.addressing === 'conventional';
  const kinds: [readonly PackageTier[], (p: Product) => boolean][] = [
    [['essential'], conventional],
    [fromRecommended, addressable],
  ];
  return kinds.flatMap(([packages, fits]) => [
    { role: 'fire-panel' as const, quantity: 1, reason: 'The fire alarm control panel, monitored around the clock.', packages, fits },
    { role: 'smoke-detector' as const, quantity: detectors, reason: `${count(detectors, 'smoke detector')} for ${area}, one per ${formatArea(fire.commercialDetectorCoverageM2, units, locale)}.`, packages, fits },
    { role: 'pull-station' as const, quantity: site.exits, reason: `A pull station within ${formatLength(fire.placement.pullStationFromExitMaxM, units, locale)} of each of ${count(site.exits, 'exit')}.`, packages, fits },
    { role: 'horn-strobe' as const, quantity: hornStrobes, reason: `${count(hornStrobes, 'horn/strobe')} so everyone in ${area} hears and sees the alarm.`, packages, fits },
  ]);
}

/**
 * The controllers for some doors: the smallest one with a port for every door, or when none is that
 * big, as many of the largest as it takes.
 */
export function controllersFor(doors: number, catalog: Catalog, audience: Audience): { controller: DoorController; quantity: number } | undefined {
  const controllers = catalog.ofType('door-controller').filter((c) => c.suits.includes(audience)).sort((a, b) => a.specs.doors - b.specs.doors || a.priceCents - b.priceCents);
  const fits = controllers.find((c) => c.specs.doors >= doors);
  if (fits) return { controller: fits, quantity: 1 };
  const largest = controllers.at(-1);
  return largest && { controller: largest, quantity: Math.ceil(doors / largest.specs.doors) };
}

export function businessAccessRule(site: BusinessSite, ctx: RuleContext): Need[] {
  const audited = site.requirements.includes('access-audit');
  // A record of who opened which door needs at least the main entrance read, with cards that cannot be copied.
  const doors = audited ? Math.max(1, site.accessDoors) : site.accessDoors;
  if (doors === 0) return [];
  const spare = Math.ceil((site.staff * ctx.data.guidelines.access.credentialSparePercent) / 100);
  const credentials = site.staff + spare;
  const doorWords = count(doors, 'controlled door');
  const controllers = controllersFor(doors, ctx.data.catalog, ctx.audience);
  const technology = (tech: string) => (p: Product) => p.type === 'credential' && p.specs.technology === tech;
  const essentialCredential: Need = audited
    ? { role: 'credential', quantity: credentials, reason: `${count(site.staff, 'staff credential')} plus ${spare} spare that cannot be copied, so the door record shows who really opened each door.`, packages: ['essential'], fits: technology('smart-card') }
    : { role: 'credential', quantity: credentials, reason: `${count(site.staff, 'staff credential')} plus ${spare} spare.`, packages: ['essential'], fits: technology('prox') };
  return [
    { role: 'reader', quantity: doors, reason: site.accessDoors === 0 ? 'A reader at the main entrance, so every opening is recorded.' : `A reader at each of ${doorWords}.`, packages: allPackages },
    { role: 'door-lock', quantity: doors, reason: `An electric lock at each of ${doorWords}: the door stays locked from outside and opens freely from inside.`, packages: allPackages, fits: (p) => p.type === 'door-lock' && p.specs.kind === 'electric-strike' },
    { role: 'exit-request', quantity: doors, reason: `A request-to-exit sensor at each of ${doorWords}, so leaving never raises an alarm.`, packages: allPackages },
    { role: 'door-position', quantity: doors, reason: `A door position switch at each of ${doorWords}: it reports doors forced or held open.`, packages: allPackages },
    ...(controllers
      ? [{ role: 'door-controller' as const, quantity: controllers.quantity, reason: `${controllers.quantity === 1 ? 'The smallest door controller' : 'Door controllers'} with a port for each of ${doorWords}.`, packages: allPackages, fits: (p: Product) => p.id === controllers.controller.id }]
      : []),
    essentialCredential,
    { role: 'credential', quantity: credentials, reason: `${count(site.staff, 'staff credential')} plus ${spare} spare.`, packages: ['recommended'], fits: technology('smart-card') },
    { role: 'credential', quantity: credentials, reason: `${count(site.staff, 'staff credential')} plus ${spare} spare.`, packages: completeOnly, fits: technology('mobile') },
  ];
}
