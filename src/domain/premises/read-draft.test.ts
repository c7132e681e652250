import { describe, expect, it } from 'vitest';
import { newArea, newBusinessDraft, newHomeDraft, newSiteDraft } from './draft';
import { fieldKey, parseNumber, readDraft } from './read-draft';
import { fixturePremisesRules } from '../fixtures';

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
    const { premises, errors } = readDraft('home', newHomeDraft(), 'imperial', fixturePremisesRules);
    expect(errors).toEqual({});
    expect(premises).toMatchObject({ kind: 'home', propertyType: 'house', storeys: 2, floorAreaM2: 180, bedrooms: 3, fuelBurning: true, attachedGarage: false, basement: false });
    expect(premises).not.toHaveProperty('postalCode');
  });

  it('converts sq ft to m² and reads yes/no answers', () => {
    const draft = { ...newHomeDraft(), area: '2,153', storeys: '3', basement: 'yes' as const, fuelBurning: 'no' as const, pets: 'large' as const, postalCode: ' 94107 ' };
    const { premises, errors } = readDraft('home', draft, 'imperial', fixturePremisesRules);
    expect(errors).toEqual({});
    expect(premises).toMatchObject({ storeys: 3, basement: true, fuelBurning: false, pets: 'large', postalCode: '94107' });
    expect(premises.kind === 'home' && premises.floorAreaM2).toBeCloseTo(200, 0);
    expect(readDraft('home', { ...newHomeDraft(), area: '200' }, 'metric', fixturePremisesRules).premises).toMatchObject({ floorAreaM2: 200 });
  });

  it('names every problem by field and uses the default in its place', () => {
    const draft = { ...newHomeDraft(), area: 'big', storeys: '9', bedrooms: '2.5', postalCode: 'AB_12', existing: { ...newHomeDraft().existing, cameras: '-1' } };
    const { premises, errors } = readDraft('home', draft, 'imperial', fixturePremisesRules);
    expect(errors).toEqual({
      area: 'enter a number, like 12 (or leave it blank if you are not sure)',
      storeys: 'at most 6 stories',
      bedrooms: 'bedrooms: a whole number',
      postalCode: 'letters, digits, spaces and dashes only',
      'existing.cameras': 'cameras cannot be negative',
    });
    expect(premises).toMatchObject({ storeys: 2, floorAreaM2: 180, bedrooms: 3, existing: { cameras: 0 } });
    expect(premises).not.toHaveProperty('postalCode');
  });

  it('keeps chosen lists, including an empty one', () => {
    const { premises } = readDraft('home', { ...newHomeDraft(), outdoorAreas: [], goals: ['monitoring'] }, 'imperial', fixturePremisesRules);
    expect(premises).toMatchObject({ outdoorAreas: [], goals: ['monitoring'] });
  });
});

describe('readDraft for a business', () => {
  it('reads sites and areas in feet', () => {
    const site = { ...newSiteDraft(1), area: '10,764', ceiling: '12', staff: '25', areasToWatch: [{ ...newArea(1), name: 'Till', purpose: 'identify' as const, distance: '10', outdoor: false }] };
    const { premises, errors } = readDraft('business', { ...newBusinessDraft(), sites: [site] }, 'imperial', fixturePremisesRules);
    expect(errors).toEqual({});
    if (premises.kind !== 'business') throw new Error('expected a business');
    expect(premises.sites[0]!.floorAreaM2).toBeCloseTo(1000, 0);
    expect(premises.sites[0]!.ceilingHeightM).toBeCloseTo(3.66, 2);
    expect(premises.sites[0]!.areasToWatch[0]).toMatchObject({ name: 'Till', purpose: 'identify', outdoor: false });
    expect(premises.sites[0]!.areasToWatch[0]!.distanceM).toBeCloseTo(3.05, 2);
  });

  it('takes the typical distance, without a problem, for an area whose distance is left blank', () => {
    const sites = [{ ...newSiteDraft(1), areasToWatch: [{ ...newArea(1), name: 'Gate', distance: '' }] }];
    const { premises, errors } = readDraft('business', { ...newBusinessDraft(), sites }, 'metric', fixturePremisesRules);
    expect(errors).toEqual({});
    if (premises.kind !== 'business') throw new Error('expected a business');
    expect(premises.sites[0]!.areasToWatch[0]!.distanceM).toBe(10);
  });

  it('keys problems by site and area, with fallbacks for required fields', () => {
    const sites = [
      newSiteDraft(1),
      { ...newSiteDraft(2), name: '  ', exits: 'x', areasToWatch: [{ ...newArea(1), name: '', distance: '2000' }] },
    ];
    const { premises, errors } = readDraft('business', { ...newBusinessDraft(), systems: [], sites }, 'metric', fixturePremisesRules);
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

describe('field keys and messages', () => {
  it('key problems by the draft field', () => {
    expect(fieldKey(['sites', 0, 'areasToWatch', 1, 'distanceM'])).toBe('sites.0.areasToWatch.1.distance');
  });

  it('word a generic schema message plainly (the domain error map, ../issues)', () => {
    const { errors } = readDraft('home', { ...newHomeDraft(), propertyType: 'castle' as never }, 'imperial', fixturePremisesRules);
    expect(errors).toEqual({ propertyType: 'choose one of the options' });
  });
});
