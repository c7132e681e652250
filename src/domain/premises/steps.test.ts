import { describe, expect, it } from 'vitest';
import { businessSteps, errorsForStep, homeSteps } from './steps';

describe('assessment steps', () => {
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
});
