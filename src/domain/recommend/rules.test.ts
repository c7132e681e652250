import { describe, expect, it } from 'vitest';
import { fixtureData } from '../fixtures';
import { businessSiteSchema, homePremisesSchema, type BusinessSite, type HomePremises } from '../premises/premises';
import { businessAccessRule, businessFireRule, businessIntrusionRule, businessVideoRule } from './business-rules';
import { intrusionRule, smartLockRule, smokeAndCoRule, videoRule } from './home-rules';
import { productFor, type Need, type RuleContext } from './need';

const homeCtx: RuleContext = { data: fixtureData, audience: 'home' };
const businessCtx: RuleContext = { data: fixtureData, audience: 'business' };
const home = (answers: Partial<HomePremises> = {}) => homePremisesSchema.parse({ kind: 'home', ...answers });
const site = (answers: Partial<BusinessSite> = {}) => businessSiteSchema.parse({ name: 'Main office', ...answers });
const inPackage = (needs: Need[], pkg: 'essential' | 'recommended' | 'complete') => needs.filter((n) => n.packages.includes(pkg) && n.quantity > 0);
const total = (needs: Need[], role: Need['role']) => needs.filter((n) => n.role === role).reduce((s, n) => s + n.quantity, 0);

describe('smoke and CO rule', () => {
  it('puts a smoke alarm in every bedroom and one outside the sleeping areas on every story', () => {
    const needs = inPackage(smokeAndCoRule(home({ bedrooms: 3, storeys: 2, basement: true, floorAreaM2: 180, fuelBurning: false, goals: ['fire-co'] }), homeCtx), 'essential');
    expect(total(needs, 'smoke-alarm')).toBe(6);
    expect(needs.map((n) => n.reason)).toEqual([
      'A smoke alarm in each of 3 bedrooms.',
      'One alarm outside the sleeping areas on each of 2 stories and the basement.',
    ]);
  });

  it('uses combination smoke and CO alarms in the hallways when fuel is burned, and a heat alarm in an attached garage', () => {
    const needs = smokeAndCoRule(home({ bedrooms: 2, storeys: 1, floorAreaM2: 100, fuelBurning: true, attachedGarage: true, goals: ['fire-co'] }), homeCtx);
    expect(total(inPackage(needs, 'essential'), 'combo-alarm')).toBe(1);
    expect(needs.find((n) => n.role === 'combo-alarm')!.reason).toMatch(/because of fuel-burning appliances and an attached garage/);
    expect(inPackage(needs, 'essential').some((n) => n.role === 'heat-alarm')).toBe(false);
    expect(inPackage(needs, 'recommended').some((n) => n.role === 'heat-alarm')).toBe(true);
  });

  it('adds hallway alarms on large stories, per the guideline area', () => {
    // 2 storeys of 300 m² at 140 m² per alarm: 3 per storey.
    const needs = smokeAndCoRule(home({ bedrooms: 4, storeys: 2, floorAreaM2: 600, fuelBurning: false, goals: ['fire-co'] }), homeCtx);
    expect(needs[1]).toMatchObject({ quantity: 6, reason: '3 alarms outside the sleeping areas on each of 2 stories.' });
  });

  it('keeps alarms the customer has, and offers fire safety only in Complete when not asked for', () => {
    const needs = smokeAndCoRule(home({ bedrooms: 3, existing: { smokeAlarms: 2, coAlarms: 0, cameras: 0, alarmPanel: false, doorbellCamera: false }, goals: ['deter'] }), homeCtx);
    expect(needs[0]).toMatchObject({ reused: 2, reason: 'A smoke alarm in each of 3 bedrooms. Alarms you already have are kept if under 10 years old.' });
    expect(inPackage(needs, 'essential')).toEqual([]);
    expect(inPackage(needs, 'complete').length).toBeGreaterThan(0);
  });
});

describe('intrusion rule', () => {
  it('covers every exterior door and the garage door, with one motion sensor in Essential', () => {
    const needs = inPackage(intrusionRule(home({ exteriorDoors: 3, attachedGarage: true, goals: ['deter'] }), homeCtx), 'essential');
    expect(total(needs, 'entry-contact')).toBe(4);
    expect(total(needs, 'motion-sensor')).toBe(1);
    expect(total(needs, 'alarm-panel')).toBe(1);
    expect(needs.find((n) => n.role === 'entry-contact')!.reason).toBe('A contact on each of 3 exterior doors and the garage-to-house door.');
  });

  it('adds glass-break in Recommended and window contacts, key fobs and a second keypad in Complete', () => {
    const needs = intrusionRule(home({ storeys: 2, accessibleWindows: 9, goals: ['deter'] }), homeCtx);
    expect(total(inPackage(needs, 'recommended'), 'glass-break')).toBe(3);
    expect(total(inPackage(needs, 'complete'), 'entry-contact')).toBe(2 + 9);
    expect(total(inPackage(needs, 'complete'), 'key-fob')).toBe(2);
    expect(total(inPackage(needs, 'complete'), 'keypad')).toBe(2);
  });

  it('asks for pet-immune motion sensors when there are pets', () => {
    const needs = intrusionRule(home({ pets: 'small', goals: ['deter'] }), homeCtx);
    const motion = needs.find((n) => n.role === 'motion-sensor')!;
    expect(motion.reason).toMatch(/pet-immune for pets under 40 lb/);
    expect(motion.fits!({ ...fixtureData.catalog.get('motion')!, specs: { sensing: 'passive-infrared', wireless: true, petImmuneKg: 18 } } as never)).toBe(true);
    expect(motion.fits!(fixtureData.catalog.get('motion')!)).toBe(false);
  });

  it('keeps an existing alarm panel', () => {
    const needs = intrusionRule(home({ existing: { smokeAlarms: 0, coAlarms: 0, cameras: 0, alarmPanel: true, doorbellCamera: false }, goals: ['deter'] }), homeCtx);
    expect(needs.find((n) => n.role === 'alarm-panel')!.reused).toBe(1);
  });
});

describe('home video rule', () => {
  it('gives each outdoor area a camera with the view the guidelines set, the front door a doorbell', () => {
    const needs = inPackage(videoRule(home({ outdoorAreas: ['front-door', 'driveway', 'backyard'], goals: ['evidence'] }), homeCtx), 'essential');
    expect(needs.map((n) => [n.role, n.view?.purpose, n.view?.distanceM])).toEqual([
      ['camera-doorbell', 'identify', 2.5],
      ['camera-outdoor', 'recognize', 10],
      ['camera-outdoor', 'observe', 15],
    ]);
    // What the camera can do for the view is worded from the line (lineReason), never written here.
    expect(needs.slice(1).map((n) => n.reason)).toEqual(['', '']);
  });

  it('keeps existing cameras and doorbell', () => {
    const needs = videoRule(home({ outdoorAreas: ['front-door', 'driveway', 'backyard'], existing: { smokeAlarms: 0, coAlarms: 0, cameras: 1, alarmPanel: false, doorbellCamera: true }, goals: ['evidence'] }), homeCtx);
    expect(needs.map((n) => n.reused ?? 0)).toEqual([1, 1, 0, 0]);
  });
});

describe('smart lock rule', () => {
  it('fits a smart lock on every exterior door only when asked', () => {
    expect(smartLockRule(home({ exteriorDoors: 2, goals: ['smart-locks'] }))).toEqual([
      expect.objectContaining({ role: 'smart-lock', quantity: 2, packages: ['essential', 'recommended', 'complete'] }),
    ]);
    expect(smartLockRule(home({ goals: ['deter'] }))).toEqual([]);
  });
});

describe('business rules', () => {
  it('gives each watched area a camera chosen for its purpose, indoor or outdoor', () => {
    const needs = businessVideoRule(site({ areasToWatch: [{ name: 'Entrance', purpose: 'identify', distanceM: 4, outdoor: false }, { name: 'Gate', purpose: 'read-plate', distanceM: 12, outdoor: true }] }));
    expect(needs.map((n) => n.role)).toEqual(['camera-indoor', 'camera-outdoor']);
    expect(needs[1]!.view).toEqual({ label: 'Gate', purpose: 'read-plate', distanceM: 12 });
  });

  it('adds a PTZ in Complete for an open outdoor overview', () => {
    const needs = businessVideoRule(site({ areasToWatch: [{ name: 'Parking lot', purpose: 'observe', distanceM: 40, outdoor: true }] }));
    expect(inPackage(needs, 'complete').some((n) => n.role === 'camera-ptz')).toBe(true);
    expect(inPackage(needs, 'recommended').some((n) => n.role === 'camera-ptz')).toBe(false);
  });

  it('sizes commercial fire alarms by area and exits', () => {
    const needs = inPackage(businessFireRule(site({ floorAreaM2: 1000, exits: 4 }), businessCtx), 'recommended');
    expect(total(needs, 'smoke-detector')).toBe(12);
    expect(total(needs, 'horn-strobe')).toBe(4);
    expect(total(needs, 'pull-station')).toBe(4);
    expect(total(needs, 'fire-panel')).toBe(1);
  });

  it('equips every controlled door and gives staff credentials with spares', () => {
    const needs = businessAccessRule(site({ accessDoors: 3, staff: 25 }), businessCtx);
    for (const role of ['reader', 'door-lock', 'exit-request', 'door-position'] as const) expect(total(inPackage(needs, 'essential'), role)).toBe(3);
    expect(total(inPackage(needs, 'essential'), 'credential')).toBe(28);
    expect(needs.find((n) => n.role === 'credential')!.reason).toBe('25 staff credentials plus 3 spare.');
    expect(businessAccessRule(site({ accessDoors: 0 }), businessCtx)).toEqual([]);
  });

  it('covers exits and floor area with intrusion sensors, glass-break for shop fronts', () => {
    const needs = businessIntrusionRule(site({ floorAreaM2: 440, exits: 3, premisesType: 'retail' }), businessCtx);
    expect(total(inPackage(needs, 'recommended'), 'motion-sensor')).toBe(4);
    expect(total(inPackage(needs, 'essential'), 'motion-sensor')).toBe(2);
    expect(total(inPackage(needs, 'recommended'), 'glass-break')).toBe(2);
    expect(total(inPackage(needs, 'essential'), 'entry-contact')).toBe(3);
  });
});

describe('product choice per package', () => {
  it('starts from the package tier and falls back to the nearest', () => {
    expect(productFor('camera-outdoor', 'essential', homeCtx)?.id).toBe('cam');
    expect(productFor('camera-outdoor', 'complete', homeCtx)?.id).toBe('cam-best');
    expect(productFor('camera-outdoor', 'recommended', homeCtx)?.id).toBe('cam-best');
    expect(productFor('camera-outdoor', 'essential', homeCtx, (p) => p.id === 'cam-best')?.id).toBe('cam-best');
  });
});
