import { z } from 'zod';
import { systems, type RoleId } from './roles';
import { cableKinds, poeClasses, tiers } from './vocabulary';

/**
 * One schema per kind of product, discriminated by `type`. The content collection validates every
 * data file in src/data/products against `productSchema`, so a typo fails the build naming the file
 * and the field.
 */

const cents = z.number().int().nonnegative();
const minutes = z.number().int().nonnegative();


const audience = z.enum(['home', 'business']);

/** The role a product type fills, checked against roles.ts so a misspelt role does not compile. */
const role = <const R extends RoleId>(id: R) => z.literal(id);
/** The roles a product type can fill, as for `role`. */
const roleOf = <const R extends readonly [RoleId, ...RoleId[]]>(...ids: R) => z.enum(ids);

/** Fields every product has, whatever its type. */
const common = {
  /** Name as the customer sees it: "4 MP outdoor turret camera". */
  name: z.string().min(3).max(80),
  brand: z.string().min(1).max(40),
  /** Model number, always shown: hidden model numbers are a top complaint about installers' quotes. */
  model: z.string().min(1).max(40),
  /** Placement within its role: good, better or best. */
  tier: z.enum(tiers),
  /** One or two plain-language sentences: what it is and who it is for. */
  summary: z.string().min(20).max(320),
  /** Selling price per unit in cents (per metre for cable; one-time activation for plans). */
  priceCents: cents,
  /** Local picture, a file in public/products. */
  image: z.string().regex(/^\/products\/[a-z0-9-]+\.svg$/, 'must be a local SVG such as /products/name.svg'),
  /** Up to four short selling points shown on cards and in comparisons. */
  highlights: z.array(z.string().min(3).max(90)).min(1).max(4),
  /** The handover demonstration in writing: short steps a customer follows. */
  howToUse: z.array(z.string().min(10).max(240)).min(2).max(8),
  /** Who it suits: homes, businesses or both. */
  suits: z.array(audience).min(1),
};

/**
 * Installation time per unit. `wiredMinutes` applies when a cable is pulled to the device (mount,
 * terminate, test); `wirelessMinutes` when nothing is pulled (mount, enrol, test). A product offers
 * at least one of them; `cable` names the run a wired install needs.
 */
const install = z
  .object({
    wiredMinutes: minutes.optional(),
    wirelessMinutes: minutes.optional(),
    cable: z.enum(cableKinds).optional(),
  })
  .refine((i) => i.wiredMinutes !== undefined || i.wirelessMinutes !== undefined, {
    message: 'give wiredMinutes, wirelessMinutes or both',
  })
  .refine((i) => i.wiredMinutes === undefined || i.cable !== undefined, {
    message: 'a product with wiredMinutes needs the cable it is wired with',
    path: ['cable'],
  });

const hardware = {
  ...common,
  install,
  warrantyYears: z.number().int().min(0).max(25),
};

const watts = z.number().positive().max(100);


const cameraPower = z.discriminatedUnion('source', [
  z.object({ source: z.literal('poe'), poeClass: z.enum(poeClasses), watts }),
  z.object({ source: z.literal('plug-in'), watts }),
  z.object({ source: z.literal('battery'), batteryMonths: z.number().positive().max(24) }),
  z.object({ source: z.literal('doorbell-wiring'), watts }),
]);

export const cameraSchema = z.object({
  type: z.literal('camera'),
  role: roleOf('camera-indoor', 'camera-outdoor', 'camera-ptz', 'camera-doorbell'),
  ...hardware,
  specs: z.object({
    form: z.enum(['indoor', 'bullet', 'turret', 'dome', 'ptz', 'doorbell']),
    /** Image size in pixels; the width decides pixel density on target. */
    resolution: z.object({ width: z.number().int().min(320), height: z.number().int().min(240) }),
    /** Lens focal length range in mm (equal for a fixed lens). */
    focalMm: z.tuple([z.number().positive(), z.number().positive()]),
    /** Horizontal field of view at the wide and the tele end, in degrees (equal for a fixed lens). */
    hfovDeg: z.tuple([z.number().min(2).max(180), z.number().min(2).max(180)]),
    /** Rated infrared night range in metres (0 when it has none). */
    irRangeM: z.number().min(0).max(300),
    weatherRating: z.enum(['indoor', 'IP65', 'IP66', 'IP67']),
    vandalRating: z.enum(['none', 'IK08', 'IK10']),
    power: cameraPower,
    /** Average recording bitrate assumed at full resolution, 15 fps. */
    bitrate: z.object({ codec: z.enum(['h264', 'h265']), mbps: z.number().positive().max(40) }),
    /** Where video is kept: on a recorder, the camera's card or the maker's cloud. */
    recordsTo: z.enum(['recorder', 'sd-card', 'cloud']),
    audio: z.enum(['none', 'one-way', 'two-way']),
    analytics: z.array(z.enum(['motion', 'person', 'vehicle', 'face', 'plate', 'package'])),
    /** Optical zoom for PTZ and varifocal cameras (1 for fixed). */
    opticalZoom: z.number().min(1).max(60),
  }),
});

export const recorderSchema = z.object({
  type: z.literal('recorder'),
  role: role('recorder'),
  ...hardware,
  specs: z.object({
    channels: z.number().int().positive(),
    /** Built-in PoE ports and their total budget at the ports, in watts. */
    poePorts: z.number().int().min(0),
    poeBudgetW: z.number().min(0),
    driveBays: z.number().int().positive(),
    maxTbPerBay: z.number().positive(),
    /** Drive capacity fitted as sold. */
    includedTb: z.number().min(0),
    /** Total incoming camera bandwidth it can record. */
    maxIncomingMbps: z.number().positive(),
  }),
});

export const switchSchema = z.object({
  type: z.literal('switch'),
  role: role('poe-switch'),
  ...hardware,
  specs: z.object({
    poePorts: z.number().int().positive(),
    poeBudgetW: z.number().positive(),
    uplinkPorts: z.number().int().min(1),
    maxPoeClass: z.enum(poeClasses),
    managed: z.boolean(),
  }),
});

export const driveSchema = z.object({
  type: z.literal('drive'),
  role: role('drive'),
  ...hardware,
  specs: z.object({ capacityTb: z.number().positive(), surveillanceRated: z.boolean(), workloadTbPerYear: z.number().positive() }),
});

/** Cable is priced per metre (`priceCents`) plus fittings for each run (boxes, jacks, connectors). */
export const cableSchema = z.object({
  type: z.literal('cable'),
  role: role('cable'),
  ...common,
  specs: z.object({
    cableKind: z.enum(cableKinds),
    fittingsPerRunCents: cents,
    /** What a run of it connects, in plain words. */
    usedFor: z.string().min(5).max(120),
    plenumRated: z.boolean(),
  }),
});

export const alarmPanelSchema = z.object({
  type: z.literal('alarm-panel'),
  role: role('alarm-panel'),
  ...hardware,
  specs: z.object({
    /** Wired zones on the board and the most the panel takes with expanders or wireless. */
    onboardZones: z.number().int().min(0),
    maxZones: z.number().int().positive(),
    wirelessSensors: z.boolean(),
    communicator: z.enum(['cellular', 'dual-path', 'ip']),
    backupBatteryHours: z.number().positive(),
    smartphoneApp: z.boolean(),
    maxKeypads: z.number().int().positive(),
  }),
});

export const keypadSchema = z.object({
  type: z.literal('keypad'),
  role: role('keypad'),
  ...hardware,
  specs: z.object({ display: z.enum(['buttons', 'lcd', 'touchscreen']), wireless: z.boolean(), voice: z.boolean() }),
});

export const intrusionSensorSchema = z.object({
  type: z.literal('intrusion-sensor'),
  role: roleOf('entry-contact', 'motion-sensor', 'glass-break'),
  ...hardware,
  specs: z.object({
    sensing: z.enum(['magnetic', 'passive-infrared', 'dual-technology', 'acoustic']),
    wireless: z.boolean(),
    /** Detection range in metres (contacts: gap they tolerate, in mm, goes in `gapMm`). */
    rangeM: z.number().min(0).max(30).optional(),
    gapMm: z.number().min(0).max(100).optional(),
    /** Heaviest pet it ignores, in kilograms (motion sensors). */
    petImmuneKg: z.number().min(0).max(50).optional(),
    batteryYears: z.number().min(0).max(15).optional(),
  }),
});

export const sirenSchema = z.object({
  type: z.literal('siren'),
  role: role('siren'),
  ...hardware,
  specs: z.object({ decibels: z.number().int().min(70).max(130), location: z.enum(['indoor', 'outdoor']), strobe: z.boolean(), wireless: z.boolean() }),
});

export const keyFobSchema = z.object({
  type: z.literal('key-fob'),
  role: role('key-fob'),
  ...hardware,
  specs: z.object({ buttons: z.number().int().min(1).max(8), panicButton: z.boolean(), rangeM: z.number().positive() }),
});

export const lifeSafetyAlarmSchema = z.object({
  type: z.literal('life-safety-alarm'),
  role: roleOf('smoke-alarm', 'co-alarm', 'combo-alarm', 'heat-alarm'),
  ...hardware,
  specs: z.object({
    detects: z.array(z.enum(['smoke', 'co', 'heat'])).min(1),
    smokeSensing: z.enum(['photoelectric', 'photoelectric-heat', 'none']),
    power: z.enum(['hardwired-battery-backup', 'sealed-10-year-battery', 'panel-wireless']),
    interconnect: z.enum(['wired', 'wireless', 'panel', 'none']),
    /** Safety listings, e.g. "UL 217", "UL 2034". */
    listings: z.array(z.string().min(3)).min(1),
    lifespanYears: z.number().int().positive(),
    /** Fixed temperature rating for heat alarms, °F. */
    heatRatingF: z.number().int().optional(),
  }),
});

export const interconnectModuleSchema = z.object({
  type: z.literal('interconnect-module'),
  role: role('interconnect-module'),
  ...hardware,
  specs: z.object({ purpose: z.string().min(10).max(160), maxDevices: z.number().int().positive() }),
});

export const firePanelSchema = z.object({
  type: z.literal('fire-panel'),
  role: role('fire-panel'),
  ...hardware,
  specs: z.object({
    addressing: z.enum(['conventional', 'addressable']),
    /** Initiating zones (conventional) or device points (addressable). */
    capacity: z.number().int().positive(),
    notificationCircuits: z.number().int().positive(),
    communicator: z.enum(['cellular', 'dual-path', 'ip']),
    listings: z.array(z.string().min(3)).min(1),
  }),
});

export const fireDeviceSchema = z.object({
  type: z.literal('fire-device'),
  role: roleOf('smoke-detector', 'pull-station', 'horn-strobe'),
  ...hardware,
  specs: z.object({
    addressing: z.enum(['conventional', 'addressable']),
    /** Floor area one device covers, in square metres (detectors). */
    coverageM2: z.number().positive().optional(),
    /** Strobe light output options (horn/strobes). */
    candela: z.array(z.number().int().positive()).optional(),
    action: z.enum(['single-action', 'dual-action']).optional(),
    listings: z.array(z.string().min(3)).min(1),
  }),
});

export const readerSchema = z.object({
  type: z.literal('reader'),
  role: role('reader'),
  ...hardware,
  specs: z.object({
    credentials: z.array(z.enum(['prox', 'smart-card', 'mobile', 'pin', 'fingerprint', 'face'])).min(1),
    weatherRating: z.enum(['indoor', 'IP65', 'IP66', 'IP67']),
    mount: z.enum(['mullion', 'single-gang', 'wall']),
  }),
});

export const doorLockSchema = z.object({
  type: z.literal('door-lock'),
  role: roleOf('door-lock', 'smart-lock'),
  ...hardware,
  specs: z.object({
    kind: z.enum(['electric-strike', 'maglock', 'electrified-lever', 'smart-deadbolt']),
    /** How a smart lock opens besides the key. */
    unlockWith: z.array(z.enum(['app', 'keypad', 'fingerprint', 'key', 'card'])).optional(),
    /** Fail-safe unlocks when power is lost; fail-secure stays locked. */
    failMode: z.enum(['fail-safe', 'fail-secure', 'field-selectable']),
    holdingForceLb: z.number().int().positive().optional(),
    /** A maglock holds the door shut electrically, so free egress needs a request-to-exit device. */
    needsExitRequest: z.boolean(),
  }),
});

export const accessDeviceSchema = z.object({
  type: z.literal('access-device'),
  role: roleOf('exit-request', 'door-position'),
  ...hardware,
  specs: z.object({ sensing: z.enum(['passive-infrared', 'push-button', 'touch-bar', 'magnetic-recessed', 'magnetic-surface']) }),
});

export const doorControllerSchema = z.object({
  type: z.literal('door-controller'),
  role: role('door-controller'),
  ...hardware,
  specs: z.object({
    doors: z.number().int().positive(),
    management: z.enum(['cloud', 'on-premises', 'hybrid']),
    maxUsers: z.number().int().positive(),
    powerSupplyIncluded: z.boolean(),
  }),
});

export const credentialSchema = z.object({
  type: z.literal('credential'),
  role: role('credential'),
  ...common,
  specs: z.object({
    form: z.enum(['card', 'fob', 'mobile']),
    technology: z.enum(['prox', 'smart-card', 'mobile']),
    /** Prox cards can be copied with cheap tools; smart cards and phones cannot. */
    cloneResistant: z.boolean(),
  }),
});

export const monitoringPlanSchema = z.object({
  type: z.literal('monitoring-plan'),
  role: role('monitoring-plan'),
  ...common,
  specs: z.object({
    monthlyCents: cents,
    /** Contract length in months; 0 means month to month. */
    termMonths: z.number().int().min(0).max(60),
    monitors: z.array(z.enum(['intrusion', 'fire', 'co', 'video', 'water'])).min(1),
    /** Which systems it can monitor; a plan is only offered when one of them is configured. */
    forSystems: z.array(z.enum(systems)).min(1),
    /** Cancellation terms in plain words, shown wherever the plan is. */
    cancellation: z.string().min(20).max(400),
    /** Early-termination fee as a share of the remaining months, 0 when there is none. */
    earlyTerminationPercent: z.number().min(0).max(100),
    includes: z.array(z.string().min(3).max(120)).min(1),
  }),
});

export const serviceSchema = z.object({
  type: z.literal('service'),
  role: roleOf('site-survey', 'travel', 'permit', 'training'),
  ...common,
  specs: z.object({
    /** What one unit of `priceCents` buys. */
    per: z.enum(['visit', 'site', 'system', 'technician-day']),
    /** Time on site one unit takes, counted in the installation duration. */
    minutes,
    /** How much higher it can turn out, in percent (permit fees vary by town). */
    spreadHighPercent: z.number().min(0).max(300),
    /** Systems it applies to (empty: any). */
    forSystems: z.array(z.enum(systems)),
  }),
});

export const productSchema = z.discriminatedUnion('type', [
  cameraSchema,
  recorderSchema,
  switchSchema,
  driveSchema,
  cableSchema,
  alarmPanelSchema,
  keypadSchema,
  intrusionSensorSchema,
  sirenSchema,
  keyFobSchema,
  lifeSafetyAlarmSchema,
  interconnectModuleSchema,
  firePanelSchema,
  fireDeviceSchema,
  readerSchema,
  doorLockSchema,
  accessDeviceSchema,
  doorControllerSchema,
  credentialSchema,
  monitoringPlanSchema,
  serviceSchema,
]);

type ParsedProduct = z.infer<typeof productSchema>;
type UnfilledRole = Exclude<RoleId, ParsedProduct['role']>;
/**
 * Every role in roles.ts must be filled by some product type: a new role turns ProductData into an
 * error naming it, so nothing that reads products compiles until a schema above takes the role.
 */
export type ProductData = [UnfilledRole] extends [never] ? ParsedProduct : { error: 'no product type fills these roles'; roles: UnfilledRole };
/** A catalog product: its data plus the id taken from its file name. */
export type Product = ProductData & { id: string };
export type ProductType = Product['type'];

export type ProductOfType<T extends ProductType> = Extract<Product, { type: T }>;

export type Camera = ProductOfType<'camera'>;
export type Recorder = ProductOfType<'recorder'>;
export type PoeSwitch = ProductOfType<'switch'>;
export type Drive = ProductOfType<'drive'>;
export type AlarmPanel = ProductOfType<'alarm-panel'>;
export type DoorLock = ProductOfType<'door-lock'>;
export type DoorController = ProductOfType<'door-controller'>;
export type Cable = ProductOfType<'cable'>;
export type MonitoringPlan = ProductOfType<'monitoring-plan'>;
export type Service = ProductOfType<'service'>;

/** Products that are installed on site and so carry install times. */
export type InstalledProduct = Extract<Product, { install: unknown }>;
