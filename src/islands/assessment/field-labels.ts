/** The assessment's field keys as the customer reads them, for its messages. */

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
