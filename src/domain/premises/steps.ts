import type { Path } from './draft';
import type { FieldErrors } from './read-draft';

/**
 * The assessment's steps, in the order the customer answers them, and which fields each step asks
 * for: the store moves on only from a step whose fields have no problems, so this is the draft's
 * shape, not a view concern. Field names as the customer reads them are the island's
 * (islands/assessment/field-labels.ts).
 */

export interface Step {
  id: string;
  title: string;
  /** Field keys (or prefixes, for per-site fields) whose problems belong to this step. */
  fields: RegExp;
}

export const homeSteps: Step[] = [
  { id: 'property', title: 'Your home', fields: /^(propertyType|storeys|basement|area|bedrooms|postalCode)$/ },
  { id: 'entry', title: 'Doors and windows', fields: /^(exteriorDoors|accessibleWindows|attachedGarage)$/ },
  { id: 'household', title: 'Heating and pets', fields: /^(fuelBurning|pets)$/ },
  { id: 'outside', title: 'Outside', fields: /^outdoorAreas/ },
  { id: 'existing', title: 'What you have', fields: /^(existing\.|wiringAccess|internet)/ },
  { id: 'goals', title: 'What matters to you', fields: /^(goals|budget)/ },
];

export const businessSteps: Step[] = [
  { id: 'about', title: 'Your business', fields: /^(organisation|systems)/ },
  { id: 'sites', title: 'Your sites', fields: /^sites(\.\d+\.(name|postalCode|premisesType|buildings|storeys|area|ceiling|exits|accessDoors|staff|hours|wiringAccess))?$/ },
  { id: 'areas', title: 'Areas to watch', fields: /^sites\.\d+\.areasToWatch/ },
  { id: 'needs', title: 'Requirements and existing systems', fields: /^sites\.\d+\.(requirements|existing)/ },
  { id: 'budget', title: 'Monitoring and budget', fields: /^(monitoring|budget)/ },
];

export const stepsFor = (path: Path) => (path === 'home' ? homeSteps : businessSteps);

/** Problems that belong to one step, in the order the fields appear. */
export function errorsForStep(errors: FieldErrors, step: Step): [string, string][] {
  return Object.entries(errors).filter(([key]) => step.fields.test(key));
}
