import { describe, expect, it } from 'vitest';
import {
  businessSteps,
  errorsForStep,
  fieldKey,
  fieldLabel,
  friendly,
  homeSteps,
  mergeDraft,
  newArea,
  newBusinessDraft,
  newHomeDraft,
  newSiteDraft,
  parseNumber,
  readDraft,
  restoreBusiness,
  restoreHome,
} from './model';

describe('parseNumber', () => {
  it('reads numbers as people type them', () => {
    expect(parseNumber('1,800')).toBe(1800);
    expect(parseNumber(' 2 ')).toBe(2);
    expect(parseNumber('2.5')).toBe(2.5);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('   ')).toBeNull();
    expect(parseNumber('abc')).toBeNaN();
    expect(parseNumber('12 ft')).toBeNaN();
  });
});

describe('readDraft for a home', () => {
  it('gives the schema defaults for an untouched draft', () => {
    const { premises, errors } = readDraft('home', newHomeDraft(), 'imperial');
    expect(errors).toEqual({});
    expect(premises).toMatchObject({ kind: 'home', propertyType: 'house', storeys: 2, floorAreaM2: 180, bedrooms: 3, fuelBurning: true, attachedGarage: false, basement: false });
    expect(premises).not.toHaveProperty('postalCode');
  });

  it('converts sq ft to m² and reads yes/no answers', () => {
    const draft = { ...newHomeDraft(), area: '2,153', storeys: '3', basement: 'yes' as const, fuelBurning: 'no' as const, pets: 'large' as const, postalCode: ' 94107 ' };
    const { premises, errors } = readDraft('home', draft, 'imperial');
    expect(errors).toEqual({});
    expect(premises).toMatchObject({ storeys: 3, basement: true, fuelBurning: false, pets: 'large', postalCode: '94107' });
    expect(premises.kind === 'home' && premises.floorAreaM2).toBeCloseTo(200, 0);
    expect(readDraft('home', { ...newHomeDraft(), area: '200' }, 'metric').premises).toMatchObject({ floorAreaM2: 200 });
  });

  it('names every problem by field and uses the default in its place', () => {
    const draft = { ...newHomeDraft(), area: 'big', storeys: '9', bedrooms: '2.5', postalCode: 'AB_12', existing: { ...newHomeDraft().existing, cameras: '-1' } };
    const { premises, errors } = readDraft('home', draft, 'imperial');
    expect(errors).toEqual({
      area: 'enter a number, like 12 (or leave it blank if you are not sure)',
      storeys: 'at most 6 storeys',
      bedrooms: 'bedrooms: a whole number',
      postalCode: 'letters, digits, spaces and dashes only',
      'existing.cameras': 'cameras cannot be negative',
    });
    expect(premises).toMatchObject({ storeys: 2, floorAreaM2: 180, bedrooms: 3, existing: { cameras: 0 } });
    expect(premises).not.toHaveProperty('postalCode');
  });

  it('keeps chosen lists, including an empty one', () => {
    const { premises } = readDraft('home', { ...newHomeDraft(), outdoorAreas: [], goals: ['monitoring'] }, 'imperial');
    expect(premises).toMatchObject({ outdoorAreas: [], goals: ['monitoring'] });
  });
});

describe('readDraft for a business', () => {
  it('reads sites and areas in feet', () => {
    const site = { ...newSiteDraft(1), area: '10,764', ceiling: '12', staff: '25', areasToWatch: [{ ...newArea(1), name: 'Till', purpose: 'identify' as const, distance: '10', outdoor: false }] };
    const { premises, errors } = readDraft('business', { ...newBusinessDraft(), sites: [site] }, 'imperial');
    expect(errors).toEqual({});
    if (premises.kind !== 'business') throw new Error('expected a business');
    expect(premises.sites[0]!.floorAreaM2).toBeCloseTo(1000, 0);
    expect(premises.sites[0]!.ceilingHeightM).toBeCloseTo(3.66, 2);
    expect(premises.sites[0]!.areasToWatch[0]).toMatchObject({ name: 'Till', purpose: 'identify', outdoor: false });
    expect(premises.sites[0]!.areasToWatch[0]!.distanceM).toBeCloseTo(3.05, 2);
  });

  it('takes the typical distance, without a problem, for an area whose distance is left blank', () => {
    const sites = [{ ...newSiteDraft(1), areasToWatch: [{ ...newArea(1), name: 'Gate', distance: '' }] }];
    const { premises, errors } = readDraft('business', { ...newBusinessDraft(), sites }, 'metric');
    expect(errors).toEqual({});
    if (premises.kind !== 'business') throw new Error('expected a business');
    expect(premises.sites[0]!.areasToWatch[0]!.distanceM).toBe(10);
  });

  it('keys problems by site and area, with fallbacks for required fields', () => {
    const sites = [
      newSiteDraft(1),
      { ...newSiteDraft(2), name: '  ', exits: 'x', areasToWatch: [{ ...newArea(1), name: '', distance: '2000' }] },
    ];
    const { premises, errors } = readDraft('business', { ...newBusinessDraft(), systems: [], sites }, 'metric');
    expect(errors).toEqual({
      systems: 'choose at least one system',
      'sites.1.name': 'give the site a name',
      'sites.1.exits': 'enter a number, like 12 (or leave it blank if you are not sure)',
      'sites.1.areasToWatch.0.name': 'name the area',
      'sites.1.areasToWatch.0.distance': 'at most 300 m (about 980 ft)',
    });
    if (premises.kind !== 'business') throw new Error('expected a business');
    expect(premises.systems).toEqual(['video', 'intrusion']);
    expect(premises.sites[1]).toMatchObject({ name: 'Site 2', exits: 2 });
    expect(premises.sites[1]!.areasToWatch[0]).toMatchObject({ name: 'Area 1', distanceM: 10 });
  });
});

describe('steps and labels', () => {
  it('assign every field key to exactly one step', () => {
    const keys = ['propertyType', 'storeys', 'area', 'exteriorDoors', 'fuelBurning', 'outdoorAreas', 'existing.cameras', 'wiringAccess', 'goals', 'budget'];
    for (const key of keys) expect(homeSteps.filter((s) => s.fields.test(key))).toHaveLength(1);
    const business = ['organisation', 'systems', 'sites', 'sites.0.name', 'sites.3.area', 'sites.0.areasToWatch.2.distance', 'sites.1.requirements', 'sites.0.existing.cameras', 'budget'];
    for (const key of business) expect(businessSteps.filter((s) => s.fields.test(key))).toHaveLength(1);
  });

  it('filter errors to a step', () => {
    const errors = { area: 'a', exteriorDoors: 'b', storeys: 'c' };
    expect(errorsForStep(errors, homeSteps[0]!)).toEqual([['area', 'a'], ['storeys', 'c']]);
  });

  it('turn keys into words', () => {
    expect(fieldLabel('area')).toBe('Floor area');
    expect(fieldLabel('existing.smokeAlarms')).toBe('Smoke alarms you have');
    expect(fieldLabel('sites.1.ceiling')).toBe('Site 2: Highest ceiling');
    expect(fieldLabel('sites.0.areasToWatch.2.distance')).toBe('Site 1, area 3: Distance');
    expect(fieldKey(['sites', 0, 'areasToWatch', 1, 'distanceM'])).toBe('sites.0.areasToWatch.1.distance');
    expect(friendly('Invalid input: expected int, received number')).toBe('enter a whole number');
    expect(friendly('Invalid option: expected one of "a"|"b"')).toBe('choose one of the options');
    expect(friendly('at least 1 storey')).toBe('at least 1 storey');
  });
});

describe('restoring saved drafts', () => {
  it('keep what matches and drop the rest', () => {
    expect(mergeDraft({ a: '', b: false, c: ['x'] }, { a: '12', b: 'yes', c: ['y', 3], d: 1 })).toEqual({ a: '12', b: false, c: ['y'] });
    const home = restoreHome({ area: '2,000', outdoorAreas: ['driveway', 'moat'], goals: ['deter', 'world-peace'], existing: { cameras: '2', alarmPanel: 'no' } });
    expect(home).toMatchObject({ area: '2,000', outdoorAreas: ['driveway'], goals: ['deter'], existing: { cameras: '2', alarmPanel: false } });
    expect(restoreHome(null)).toEqual(newHomeDraft());
    expect(restoreHome('junk')).toEqual(newHomeDraft());
  });

  it('restore business sites and areas, always keeping one site', () => {
    const business = restoreBusiness({
      organisation: 'Acme',
      systems: ['video', 'lasers'],
      sites: [{ name: 'Depot', area: '5000', requirements: ['access-audit', 'moat'], areasToWatch: [{ name: 'Gate', distance: '40', outdoor: true, purpose: 'read-plate' }, 'junk'] }],
    });
    expect(business.systems).toEqual(['video']);
    expect(business.sites[0]).toMatchObject({ name: 'Depot', area: '5000', requirements: ['access-audit'] });
    expect(business.sites[0]!.areasToWatch).toEqual([{ name: 'Gate', purpose: 'read-plate', distance: '40', outdoor: true }]);
    expect(restoreBusiness({ sites: [] }).sites).toEqual([newSiteDraft(1)]);
    expect(restoreBusiness({ sites: ['junk', null] }).sites).toEqual([newSiteDraft(1)]);
  });
});
