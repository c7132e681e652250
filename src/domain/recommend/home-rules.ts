import type { Product } from '../catalog/product';
import type { HomePremises } from '../premises/premises';
import { count } from '../units';
import { allPackages, completeOnly, fromRecommended, type Need, type PackageTier, type RuleContext } from './need';

/**
 * Rules for a home: each turns the assessment into needs with the reason and the numbers behind them.
 * Counts come from the premises and the design guidelines, never from literals here.
 */

/** Storeys including the basement: every one needs a smoke alarm. */
export const storeysWithBasement = (home: HomePremises) => home.storeys + (home.basement ? 1 : 0);

const storeyWords = (home: HomePremises) =>
  `${count(home.storeys, 'story', 'stories')}${home.basement ? ' and the basement' : ''}`;

const wants = (home: HomePremises, ...goals: HomePremises['goals']) => goals.some((g) => home.goals.includes(g));

/** Packages a system goes in: all when the customer asked for it, otherwise only Complete. */
const packagesFor = (asked: boolean): readonly PackageTier[] => (asked ? allPackages : completeOnly);

export function smokeAndCoRule(home: HomePremises, ctx: RuleContext): Need[] {
  const packages = packagesFor(wants(home, 'fire-co'));
  const storeys = storeysWithBasement(home);
  const areaPerStorey = home.floorAreaM2 / storeys;
  const perStorey = Math.max(1, Math.ceil(areaPerStorey / ctx.data.guidelines.fire.residentialStoreyAreaPerSmokeM2));
  const hallways = storeys * perStorey;
  const needsCo = home.fuelBurning || home.attachedGarage;
  const coSource = [home.fuelBurning && 'fuel-burning appliances', home.attachedGarage && 'an attached garage'].filter(Boolean).join(' and ');
  const keep = (n: number) => (n > 0 ? ' Alarms you already have are kept if under 10 years old.' : '');
  const reusedSmoke = Math.min(home.existing.smokeAlarms, home.bedrooms);
  const reusedHall = Math.min(home.existing.smokeAlarms - reusedSmoke, hallways);
  const needs: Need[] = [
    {
      role: 'smoke-alarm',
      quantity: home.bedrooms,
      reason: `A smoke alarm in each of ${count(home.bedrooms, 'bedroom')}.${keep(reusedSmoke)}`,
      packages,
      reused: reusedSmoke,
    },
    {
      role: needsCo ? 'combo-alarm' : 'smoke-alarm',
      quantity: hallways,
      reason: `${perStorey > 1 ? `${perStorey} alarms` : 'One alarm'} outside the sleeping areas on each of ${storeyWords(home)}${
        needsCo ? `, combined smoke and CO because of ${coSource}` : ''
      }.${needsCo ? '' : keep(reusedHall)}`,
      packages,
      reused: needsCo ? Math.min(home.existing.coAlarms, hallways) : reusedHall,
    },
  ];
  if (home.attachedGarage) {
    needs.push({
      role: 'heat-alarm',
      quantity: 1,
      reason: 'A heat alarm in the attached garage, where exhaust and dust would set off a smoke alarm.',
      packages: packages === completeOnly ? completeOnly : fromRecommended,
    });
  }
  return needs;
}

/** Pet-immune sensors where there are pets (heavy enough for them), plain ones elsewhere: immunity costs sensitivity. */
const petImmuneFor = (home: HomePremises) => (p: Product) => {
  const immuneKg = p.type === 'intrusion-sensor' ? (p.specs.petImmuneKg ?? 0) : 0;
  return home.pets === 'none' ? immuneKg === 0 : immuneKg >= (home.pets === 'small' ? 18 : 36);
};

export function intrusionRule(home: HomePremises, ctx: RuleContext): Need[] {
  const packages = packagesFor(wants(home, 'deter', 'monitoring'));
  const { intrusion } = ctx.data.guidelines;
  const doors = home.exteriorDoors + (home.attachedGarage ? 1 : 0);
  const motionPerStorey = home.storeys;
  const motionByArea = Math.ceil(home.floorAreaM2 / intrusion.motionCoverageM2);
  const glassBreaks = Math.ceil(home.accessibleWindows / intrusion.windowsPerGlassBreak);
  const petWords = home.pets === 'none' ? '' : `, pet-immune for ${home.pets === 'small' ? 'pets under 40 lb' : 'larger pets'}`;
  const only = (tiers: readonly PackageTier[]) => tiers.filter((t) => packages.includes(t));
  return [
    { role: 'alarm-panel', quantity: 1, reason: 'The alarm panel: every sensor reports to it and it calls out when the alarm goes off.', packages, reused: home.existing.alarmPanel ? 1 : 0 },
    { role: 'keypad', quantity: 1, reason: 'A keypad by the main door to arm and disarm.', packages },
    { role: 'keypad', quantity: home.storeys > 1 ? 1 : 0, reason: 'A second keypad upstairs, to arm at night without going down.', packages: only(completeOnly) },
    {
      role: 'entry-contact',
      quantity: doors,
      reason: `A contact on each of ${count(home.exteriorDoors, 'exterior door')}${home.attachedGarage ? ' and the garage-to-house door' : ''}.`,
      packages,
    },
    { role: 'motion-sensor', quantity: 1, reason: `A motion sensor covering the main hallway${petWords}.`, packages: only(['essential']), fits: petImmuneFor(home) },
    {
      role: 'motion-sensor',
      quantity: Math.max(motionPerStorey, 1),
      reason: `A motion sensor on each of ${count(home.storeys, 'story', 'stories')} above ground${petWords}.`,
      packages: only(['recommended']),
      fits: petImmuneFor(home),
    },
    {
      role: 'motion-sensor',
      quantity: Math.max(motionByArea, motionPerStorey),
      reason: `${count(Math.max(motionByArea, motionPerStorey), 'motion sensor')}, one per ${Math.round(intrusion.motionCoverageM2)} m² of floor${petWords}.`,
      packages: only(completeOnly),
      fits: petImmuneFor(home),
    },
    {
      role: 'glass-break',
      quantity: glassBreaks,
      reason: `${count(glassBreaks, 'glass-break detector')} listening for ${count(home.accessibleWindows, 'accessible window')}, about ${intrusion.windowsPerGlassBreak} per room.`,
      packages: only(['recommended']),
    },
    { role: 'entry-contact', quantity: home.accessibleWindows, reason: `A contact on each of ${count(home.accessibleWindows, 'accessible window')}.`, packages: only(completeOnly) },
    { role: 'siren', quantity: 1, reason: 'An indoor siren so an intruder hears the alarm straight away.', packages: only(fromRecommended), fits: (p) => p.type === 'siren' && p.specs.location === 'indoor' },
    { role: 'siren', quantity: 1, reason: 'An outdoor siren with strobe so neighbors notice.', packages: only(completeOnly), fits: (p) => p.type === 'siren' && p.specs.location === 'outdoor' },
    { role: 'key-fob', quantity: intrusion.keyFobsPerHome, reason: `${count(intrusion.keyFobsPerHome, 'key fob')} to arm and disarm from the driveway.`, packages: only(completeOnly) },
  ];
}

export function videoRule(home: HomePremises, ctx: RuleContext): Need[] {
  const packages = packagesFor(wants(home, 'deter', 'evidence'));
  const areas = ctx.data.guidelines.video.homeAreas;
  let camerasToKeep = home.existing.cameras;
  const needs: Need[] = home.outdoorAreas.map((area) => {
    const { label, purpose, distanceM } = areas[area];
    const doorbell = area === 'front-door';
    const keep = doorbell ? (home.existing.doorbellCamera ? 1 : 0) : Math.min(camerasToKeep, 1);
    if (!doorbell) camerasToKeep -= keep;
    return {
      role: doorbell ? 'camera-doorbell' : 'camera-outdoor',
      quantity: 1,
      reason: doorbell ? 'A video doorbell: answer the door from your phone.' : keep ? 'Your existing camera here is kept if it works with the recorder.' : '',
      packages,
      reused: keep,
      view: { label, purpose, distanceM },
    } satisfies Need;
  });
  needs.push({ role: 'camera-indoor', quantity: 1, reason: 'An indoor camera covering the main entrance from inside.', packages: completeOnly });
  return needs;
}

export function smartLockRule(home: HomePremises): Need[] {
  if (!wants(home, 'smart-locks')) return [];
  return [
    {
      role: 'smart-lock',
      quantity: home.exteriorDoors,
      reason: `A smart lock on each of ${count(home.exteriorDoors, 'exterior door')}: open with a code or your phone, give guests their own code, and see who came home.`,
      packages: allPackages,
    },
  ];
}

export function monitoringGoal(home: HomePremises): boolean {
  return wants(home, 'monitoring');
}
