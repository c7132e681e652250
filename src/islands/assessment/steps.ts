import type { Path } from '~/domain/premises/draft';
import type { FieldErrors } from '~/domain/premises/read-draft';

/**
 * The assessment's steps, in the order the customer answers them, and the field names its messages
 * use. Drafts and how they are read are domain (src/domain/premises).
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

// ---------- Field names for messages ----------

const labels: Record<string, string> = {
  propertyType: 'Kind of home',
  storeys: 'Floors',
  basement: 'Basement',
  area: 'Floor area',
  bedrooms: 'Bedrooms',
  postalCode: 'ZIP code',
  exteriorDoors: 'Doors to the outside',
  accessibleWindows: 'Windows reachable from outside',
  attachedGarage: 'Attached garage',
  fuelBurning: 'Gas, oil or wood burning',
  pets: 'Pets',
  outdoorAreas: 'Areas outside',
  smokeAlarms: 'Smoke alarms you have',
  coAlarms: 'CO alarms you have',
  cameras: 'Cameras you have',
  wiringAccess: 'Cable access',
  internet: 'Internet',
  goals: 'What matters to you',
  budget: 'Budget',
  monitoring: 'Monitoring',
  organisation: 'Business name',
  systems: 'Systems',
  sites: 'Sites',
  name: 'Name',
  premisesType: 'Type of premises',
  buildings: 'Buildings',
  ceiling: 'Highest ceiling',
  exits: 'Exits',
  accessDoors: 'Doors with card access',
  staff: 'Staff',
  hours: 'Opening hours',
  requirements: 'Requirements',
  purpose: 'What the picture must show',
  distance: 'Distance',
};

/** "Floor area", "Site 2, area 1: Distance": a field key as the customer reads it. */
export function fieldLabel(key: string): string {
  const parts = key.split('.');
  const field = labels[parts[parts.length - 1]!] ?? parts[parts.length - 1]!;
  if (parts[0] !== 'sites' || parts.length < 3) return field;
  const where = [`Site ${Number(parts[1]) + 1}`];
  if (parts[2] === 'areasToWatch' && parts.length > 4) where.push(`area ${Number(parts[3]) + 1}`);
  return `${where.join(', ')}: ${field}`;
}
