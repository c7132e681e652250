/**
 * The systems we install and the roles a product can fill in them. A role is the slot a rule
 * recommends ("a smoke alarm in each bedroom"); products with the same role are alternatives the
 * customer can swap between. Roles are part of the domain (rules refer to them), products are data.
 */
export const systems = ['video', 'intrusion', 'fire', 'access'] as const;
export type SystemId = (typeof systems)[number];

export const systemInfo: Record<SystemId, { name: string; short: string; slug: string }> = {
  video: { name: 'Security cameras', short: 'Cameras', slug: 'cameras' },
  intrusion: { name: 'Intrusion alarms', short: 'Alarm', slug: 'intrusion-alarms' },
  fire: { name: 'Fire and CO safety', short: 'Fire & CO', slug: 'fire-and-co' },
  access: { name: 'Access control', short: 'Access', slug: 'access-control' },
};

/** Product groups that are not an installed system of their own. */
export type ProductGroup = SystemId | 'monitoring' | 'services';

interface RoleInfo {
  group: ProductGroup;
  /** Singular, sentence case: "Outdoor camera". */
  name: string;
  plural: string;
}

export const roles = {
  'camera-indoor': { group: 'video', name: 'Indoor camera', plural: 'Indoor cameras' },
  'camera-outdoor': { group: 'video', name: 'Outdoor camera', plural: 'Outdoor cameras' },
  'camera-ptz': { group: 'video', name: 'Pan-tilt-zoom camera', plural: 'Pan-tilt-zoom cameras' },
  'camera-doorbell': { group: 'video', name: 'Video doorbell', plural: 'Video doorbells' },
  recorder: { group: 'video', name: 'Network video recorder', plural: 'Network video recorders' },
  'poe-switch': { group: 'video', name: 'PoE network switch', plural: 'PoE network switches' },
  drive: { group: 'video', name: 'Surveillance hard drive', plural: 'Surveillance hard drives' },
  cable: { group: 'video', name: 'Cable and fittings', plural: 'Cable and fittings' },
  'alarm-panel': { group: 'intrusion', name: 'Alarm panel', plural: 'Alarm panels' },
  keypad: { group: 'intrusion', name: 'Keypad', plural: 'Keypads' },
  'entry-contact': { group: 'intrusion', name: 'Door or window contact', plural: 'Door and window contacts' },
  'motion-sensor': { group: 'intrusion', name: 'Motion sensor', plural: 'Motion sensors' },
  'glass-break': { group: 'intrusion', name: 'Glass-break detector', plural: 'Glass-break detectors' },
  siren: { group: 'intrusion', name: 'Siren', plural: 'Sirens' },
  'key-fob': { group: 'intrusion', name: 'Key fob', plural: 'Key fobs' },
  'smoke-alarm': { group: 'fire', name: 'Smoke alarm', plural: 'Smoke alarms' },
  'co-alarm': { group: 'fire', name: 'Carbon monoxide alarm', plural: 'Carbon monoxide alarms' },
  'combo-alarm': { group: 'fire', name: 'Smoke and CO combination alarm', plural: 'Smoke and CO combination alarms' },
  'heat-alarm': { group: 'fire', name: 'Heat alarm', plural: 'Heat alarms' },
  'interconnect-module': { group: 'fire', name: 'Interconnect module', plural: 'Interconnect modules' },
  'fire-panel': { group: 'fire', name: 'Fire alarm control panel', plural: 'Fire alarm control panels' },
  'smoke-detector': { group: 'fire', name: 'System smoke detector', plural: 'System smoke detectors' },
  'pull-station': { group: 'fire', name: 'Manual pull station', plural: 'Manual pull stations' },
  'horn-strobe': { group: 'fire', name: 'Horn/strobe', plural: 'Horn/strobes' },
  reader: { group: 'access', name: 'Door reader', plural: 'Door readers' },
  'door-lock': { group: 'access', name: 'Electric lock', plural: 'Electric locks' },
  'exit-request': { group: 'access', name: 'Request-to-exit device', plural: 'Request-to-exit devices' },
  'door-position': { group: 'access', name: 'Door position switch', plural: 'Door position switches' },
  'door-controller': { group: 'access', name: 'Door controller', plural: 'Door controllers' },
  credential: { group: 'access', name: 'Credential', plural: 'Credentials' },
  'smart-lock': { group: 'access', name: 'Smart lock', plural: 'Smart locks' },
  'monitoring-plan': { group: 'monitoring', name: 'Monitoring plan', plural: 'Monitoring plans' },
  'site-survey': { group: 'services', name: 'Site survey', plural: 'Site surveys' },
  travel: { group: 'services', name: 'Travel', plural: 'Travel' },
  permit: { group: 'services', name: 'Permit', plural: 'Permits' },
  training: { group: 'services', name: 'Training and handover', plural: 'Training and handover' },
} as const satisfies Record<string, RoleInfo>;

export type RoleId = keyof typeof roles;
export const roleIds = Object.keys(roles) as [RoleId, ...RoleId[]];

export function groupOfRole(role: RoleId): ProductGroup {
  return roles[role].group;
}

/**
 * A sentence-case label for use mid-sentence: "Outdoor cameras" → "outdoor cameras", while words
 * spelled in mixed case stay as they are ("PoE network switches").
 */
export function midSentence(label: string): string {
  const first = label.split(' ')[0] ?? '';
  return first.slice(1) === first.slice(1).toLowerCase() ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** "3 outdoor cameras", "1 smoke and CO combination alarm". */
export function countOfRole(role: RoleId, n: number): string {
  return `${n} ${midSentence(n === 1 ? roles[role].name : roles[role].plural)}`;
}
