import { formatMoney, priceOfMinutes, type Cents } from '../money';
import type { Settings } from '../settings/settings';
import { FEET_PER_METRE, formatArea, formatLength, formatNumber } from '../units';
import type { InstalledProduct, Product, ProductOfType } from './product';
import type { SystemId } from './roles';
import type { CableKind, Tier } from './vocabulary';
import { isInstalled } from './guards';
import { capitalized, contractText, monthlyFeeText } from '../wording';
import { mergeRows, type CompareRow, type SpecRow } from './compare';

/**
 * Products as labelled, formatted rows: what product pages list, compare pages put side by side and
 * the configurator shows when a customer swaps one product for another. Values are plain text in the
 * installer's units and currency, so every screen words a spec the same way.
 */



type Format = Pick<Settings, 'locale' | 'currency' | 'units'>;

const INCHES_PER_MM = 1 / 25.4;
const POUNDS_PER_KG = 2.20462;

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** "Smoke, carbon monoxide" from a list of labels: sentence case, joined. */
function list(values: readonly string[]): string {
  if (values.length === 0) return 'None';
  const joined = values.join(', ');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** "1 year", "3 years", with the number in the installer's locale; plurals are regular (unit + s). */
function counted(n: number, unit: string, locale: string): string {
  return `${formatNumber(n, locale, 1)} ${n === 1 ? unit : `${unit}s`}`;
}

// Small distances (contact gaps) read better in inches or millimetres than in feet or metres.
function formatShortLength(mm: number, f: Format): string {
  return f.units === 'imperial' ? `${formatNumber(mm * INCHES_PER_MM, f.locale, 1)} in` : `${formatNumber(mm, f.locale)} mm`;
}

export function formatWeight(kg: number, f: Format): string {
  return f.units === 'imperial' ? `${formatNumber(kg * POUNDS_PER_KG, f.locale)} lb` : `${formatNumber(kg, f.locale)} kg`;
}

/** Heat ratings are catalogued in °F, the unit UL listings use; metric installers read °C. */
export function formatTemperatureF(fahrenheit: number, f: Format): string {
  return f.units === 'imperial' ? `${formatNumber(fahrenheit, f.locale)} °F` : `${formatNumber(((fahrenheit - 32) * 5) / 9, f.locale)} °C`;
}

/** "45 min", "1 hr 30 min", "2 hr". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} hr` : `${hours} hr ${rest} min`;
}

export const tierLabels: Record<Tier, string> = { good: 'Good', better: 'Better', best: 'Best' };

export const cableLabels: Record<CableKind, string> = {
  cat6: 'Cat6 network cable',
  'cat6-outdoor': 'Outdoor-rated Cat6 cable',
  'alarm-22-4': '22/4 alarm cable',
  'power-18-2': '18/2 power cable',
  'fire-fplp-18-2': '18/2 FPLP fire alarm cable',
  'interconnect-14-3': '14/3 smoke alarm interconnect cable',
};

const systemLabels: Record<SystemId, string> = { video: 'security cameras', intrusion: 'intrusion alarms', fire: 'fire alarms', access: 'access control' };
const communicatorLabels = { cellular: 'Cellular (LTE)', 'dual-path': 'Dual-path (internet and cellular)', ip: 'Internet only' } as const;
const weatherLabels = { indoor: 'Indoor only', IP65: 'IP65', IP66: 'IP66', IP67: 'IP67' } as const;
const addressingLabels = { conventional: 'Conventional (by zone)', addressable: 'Addressable (each device reports itself)' } as const;
const poeClassLabels = {
  '802.3af': 'PoE 802.3af',
  '802.3at': 'PoE+ 802.3at',
  '802.3bt-type3': 'PoE++ 802.3bt Type 3',
  '802.3bt-type4': 'PoE++ 802.3bt Type 4',
} as const;

function suitsText(product: Product): string {
  const home = product.suits.includes('home');
  const business = product.suits.includes('business');
  return home && business ? 'Homes and businesses' : home ? 'Homes' : 'Businesses';
}

// ---------- price ----------

/** Unit of a service's price, as in "$95.00 per visit". */
const serviceUnits = { visit: 'visit', site: 'site', system: 'system', 'technician-day': 'technician per day' } as const;

/**
 * The price as a customer reads it: each, per length of cable, a month for plans, per visit or site
 * for services. Plans show the monthly fee here; activation and term are rows of their own.
 */
export function priceText(product: Product, f: Format): string {
  const money = (cents: Cents) => formatMoney(cents, f.currency, f.locale);
  switch (product.type) {
    case 'cable': {
      // Stored per metre; shown per foot for imperial installers, to the cent.
      const perUnit = f.units === 'imperial' ? product.priceCents / FEET_PER_METRE : product.priceCents;
      return `${money(Math.round(perUnit))} per ${f.units === 'imperial' ? 'ft' : 'm'}`;
    }
    case 'monitoring-plan':
      return monthlyFeeText(product.specs.monthlyCents, f);
    case 'service':
      return `${money(product.priceCents)} per ${serviceUnits[product.specs.per]}`;
    default:
      return `${money(product.priceCents)} each`;
  }
}

// ---------- install time ----------

export interface InstallTime {
  method: 'wired' | 'wireless';
  minutes: number;
  /** Labor for one unit at the residential hourly rate. */
  laborCents: Cents;
}

/** Time to install one unit each way it can be installed, with the labor it costs at the residential rate. */
export function installTimes(product: Product, settings: Pick<Settings, 'labor'>): InstallTime[] {
  if (!isInstalled(product)) return [];
  const rate = settings.labor.residentialHourlyCents;
  const { wiredMinutes, wirelessMinutes } = product.install;
  const times: InstallTime[] = [];
  if (wiredMinutes !== undefined) times.push({ method: 'wired', minutes: wiredMinutes, laborCents: priceOfMinutes(wiredMinutes, rate) });
  if (wirelessMinutes !== undefined) times.push({ method: 'wireless', minutes: wirelessMinutes, laborCents: priceOfMinutes(wirelessMinutes, rate) });
  return times;
}

function connectionText(product: InstalledProduct): string {
  const { wiredMinutes, wirelessMinutes, cable } = product.install;
  const wired = wiredMinutes !== undefined && cable ? `Wired (${cableLabels[cable]})` : undefined;
  if (wired && wirelessMinutes !== undefined) return `${wired} or wireless`;
  return wired ?? 'Wireless, no cable pulled';
}

function installRows(product: Product, settings: Settings): SpecRow[] {
  return installTimes(product, settings).map((time) => ({
    key: `install-${time.method}`,
    label: time.method === 'wired' ? 'Install time, wired' : 'Install time, wireless',
    value: `${formatMinutes(time.minutes)} (${formatMoney(time.laborCents, settings.currency, settings.locale)} labor)`,
  }));
}

// ---------- specs per product type ----------

type Row = [key: string, label: string, value: string | undefined];

function cameraRows(c: ProductOfType<'camera'>, f: Format): Row[] {
  const s = c.specs;
  const { width, height } = s.resolution;
  const megapixels = (width * height) / 1_000_000;
  const common = width >= 3840 ? ', 4K' : width === 1920 && height === 1080 ? ', 1080p' : '';
  const [wideMm, teleMm] = s.focalMm;
  const [wideDeg, teleDeg] = s.hfovDeg;
  const lens =
    wideMm === teleMm
      ? `${formatNumber(wideMm, f.locale, 1)} mm fixed`
      : `${formatNumber(wideMm, f.locale, 1)}–${formatNumber(teleMm, f.locale, 1)} mm ${s.form === 'ptz' ? 'motorized zoom' : 'varifocal'}`;
  const power =
    s.power.source === 'poe'
      ? `${poeClassLabels[s.power.poeClass]}, ${formatNumber(s.power.watts, f.locale, 1)} W`
      : s.power.source === 'plug-in'
        ? `Plug-in adapter, ${formatNumber(s.power.watts, f.locale, 1)} W`
        : s.power.source === 'doorbell-wiring'
          ? `Existing doorbell wiring, ${formatNumber(s.power.watts, f.locale, 1)} W`
          : `Battery, about ${counted(s.power.batteryMonths, 'month', f.locale)} per charge`;
  const recordsTo = { recorder: 'Network video recorder', 'sd-card': 'Memory card in the camera', cloud: "Maker's cloud service" } as const;
  const audio = { none: 'None', 'one-way': 'Listen only', 'two-way': 'Two-way talk' } as const;
  const analytics = { motion: 'motion', person: 'person', vehicle: 'vehicle', face: 'face', plate: 'license plate', package: 'package' } as const;
  return [
    ['form', 'Style', { indoor: 'Indoor', bullet: 'Bullet', turret: 'Turret', dome: 'Dome', ptz: 'Pan-tilt-zoom', doorbell: 'Doorbell' }[s.form]],
    ['resolution', 'Resolution', `${width} × ${height} (${formatNumber(megapixels, f.locale, megapixels < 1 ? 1 : 0)} MP${common})`],
    ['lens', 'Lens', lens],
    ['field-of-view', 'Field of view (horizontal)', wideDeg === teleDeg ? `${formatNumber(wideDeg, f.locale)}°` : `${formatNumber(wideDeg, f.locale)}° wide to ${formatNumber(teleDeg, f.locale)}° zoomed in`],
    ['optical-zoom', 'Optical zoom', s.opticalZoom > 1 ? `${formatNumber(s.opticalZoom, f.locale, 1)}×` : 'None'],
    ['ir-range', 'Night vision (infrared) range', s.irRangeM > 0 ? formatLength(s.irRangeM, f.units, f.locale) : 'None'],
    ['weather', 'Weather rating', weatherLabels[s.weatherRating]],
    ['vandal', 'Impact rating', s.vandalRating === 'none' ? 'Not rated' : s.vandalRating],
    ['power', 'Power', power],
    ['bitrate', 'Recording bitrate (average)', `${formatNumber(s.bitrate.mbps, f.locale, 1)} Mbps (${s.bitrate.codec === 'h265' ? 'H.265' : 'H.264'})`],
    ['records-to', 'Records to', recordsTo[s.recordsTo]],
    ['audio', 'Audio', audio[s.audio]],
    ['analytics', 'Smart detection', list(s.analytics.map((a) => analytics[a]))],
  ];
}

function recorderRows(r: ProductOfType<'recorder'>, f: Format): Row[] {
  const s = r.specs;
  return [
    ['channels', 'Cameras it records', formatNumber(s.channels, f.locale)],
    ['poe-ports', 'Built-in PoE ports', s.poePorts > 0 ? `${formatNumber(s.poePorts, f.locale)}, ${formatNumber(s.poeBudgetW, f.locale)} W in total` : 'None (use a PoE switch)'],
    ['drive-bays', 'Drive bays', `${counted(s.driveBays, 'bay', f.locale)}, up to ${formatNumber(s.maxTbPerBay, f.locale)} TB each`],
    ['included-storage', 'Storage included', s.includedTb > 0 ? `${formatNumber(s.includedTb, f.locale, 1)} TB` : 'None (add a drive)'],
    ['max-incoming', 'Most video it can take in', `${formatNumber(s.maxIncomingMbps, f.locale)} Mbps`],
  ];
}

function switchRows(p: ProductOfType<'switch'>, f: Format): Row[] {
  const s = p.specs;
  return [
    ['poe-ports', 'PoE ports', formatNumber(s.poePorts, f.locale)],
    ['poe-budget', 'PoE power budget', `${formatNumber(s.poeBudgetW, f.locale)} W`],
    ['max-poe-class', 'Highest PoE class', poeClassLabels[s.maxPoeClass]],
    ['uplinks', 'Uplink ports', formatNumber(s.uplinkPorts, f.locale)],
    ['managed', 'Managed (VLANs, remote monitoring)', yesNo(s.managed)],
  ];
}

function driveRows(d: ProductOfType<'drive'>, f: Format): Row[] {
  return [
    ['capacity', 'Capacity', `${formatNumber(d.specs.capacityTb, f.locale, 1)} TB`],
    ['surveillance-rated', 'Made for 24/7 recording', yesNo(d.specs.surveillanceRated)],
    ['workload', 'Rated workload', `${formatNumber(d.specs.workloadTbPerYear, f.locale)} TB a year`],
  ];
}

function cableRows(c: ProductOfType<'cable'>, f: Format): Row[] {
  return [
    ['cable-kind', 'Cable', cableLabels[c.specs.cableKind]],
    ['used-for', 'Used for', c.specs.usedFor],
    ['fittings', 'Fittings per run', formatMoney(c.specs.fittingsPerRunCents, f.currency, f.locale)],
    ['plenum', 'Plenum-rated (for air-handling spaces)', yesNo(c.specs.plenumRated)],
  ];
}

function alarmPanelRows(p: ProductOfType<'alarm-panel'>, f: Format): Row[] {
  const s = p.specs;
  return [
    ['onboard-zones', 'Wired zones on the board', formatNumber(s.onboardZones, f.locale)],
    ['max-zones', 'Most zones in all', formatNumber(s.maxZones, f.locale)],
    ['wireless-sensors', 'Takes wireless sensors', yesNo(s.wirelessSensors)],
    ['communicator', 'Calls the monitoring center by', communicatorLabels[s.communicator]],
    ['backup-battery', 'Backup battery', counted(s.backupBatteryHours, 'hour', f.locale)],
    ['app', 'Smartphone app', yesNo(s.smartphoneApp)],
    ['max-keypads', 'Most keypads', formatNumber(s.maxKeypads, f.locale)],
  ];
}

function keypadRows(k: ProductOfType<'keypad'>): Row[] {
  return [
    ['display', 'Display', { buttons: 'Buttons with status lights', lcd: 'Text display (LCD)', touchscreen: 'Touchscreen' }[k.specs.display]],
    ['wireless', 'Wireless', yesNo(k.specs.wireless)],
    ['voice', 'Spoken announcements', yesNo(k.specs.voice)],
  ];
}

function intrusionSensorRows(p: ProductOfType<'intrusion-sensor'>, f: Format): Row[] {
  const s = p.specs;
  const sensing = {
    magnetic: 'Magnet and switch',
    'passive-infrared': 'Passive infrared (body heat)',
    'dual-technology': 'Dual technology (infrared and microwave)',
    acoustic: 'Listens for breaking glass',
  } as const;
  return [
    ['sensing', 'How it senses', sensing[s.sensing]],
    ['wireless', 'Wireless', yesNo(s.wireless)],
    ['range', 'Range', s.rangeM === undefined ? undefined : formatLength(s.rangeM, f.units, f.locale)],
    ['gap', 'Largest gap between magnet and sensor', s.gapMm === undefined ? undefined : formatShortLength(s.gapMm, f)],
    ['pet-immune', 'Ignores pets up to', s.petImmuneKg === undefined ? undefined : s.petImmuneKg > 0 ? formatWeight(s.petImmuneKg, f) : 'Not pet-immune'],
    ['battery', 'Battery life', s.batteryYears === undefined ? undefined : `About ${counted(s.batteryYears, 'year', f.locale)}`],
  ];
}

function sirenRows(p: ProductOfType<'siren'>, f: Format): Row[] {
  return [
    ['loudness', 'Loudness', `${formatNumber(p.specs.decibels, f.locale)} dB`],
    ['location', 'Location', p.specs.location === 'indoor' ? 'Indoor' : 'Outdoor'],
    ['strobe', 'Flashing strobe', yesNo(p.specs.strobe)],
    ['wireless', 'Wireless', yesNo(p.specs.wireless)],
  ];
}

function keyFobRows(p: ProductOfType<'key-fob'>, f: Format): Row[] {
  return [
    ['buttons', 'Buttons', formatNumber(p.specs.buttons, f.locale)],
    ['panic', 'Panic button', yesNo(p.specs.panicButton)],
    ['range', 'Range', formatLength(p.specs.rangeM, f.units, f.locale)],
  ];
}

function lifeSafetyRows(p: ProductOfType<'life-safety-alarm'>, f: Format): Row[] {
  const s = p.specs;
  const detects = { smoke: 'smoke', co: 'carbon monoxide', heat: 'heat' } as const;
  const power = {
    'hardwired-battery-backup': 'Hard-wired with battery backup',
    'sealed-10-year-battery': 'Sealed 10-year battery',
    'panel-wireless': 'Battery, reports wirelessly to the alarm panel',
  } as const;
  const interconnect = {
    wired: 'Wired: when one sounds, all sound',
    wireless: 'Wireless: when one sounds, all sound',
    panel: 'Through the alarm panel',
    none: 'None: sounds on its own',
  } as const;
  return [
    ['detects', 'Detects', list(s.detects.map((d) => detects[d]))],
    ['smoke-sensing', 'Smoke sensor', s.smokeSensing === 'none' ? undefined : s.smokeSensing === 'photoelectric' ? 'Photoelectric' : 'Photoelectric with heat sensor'],
    ['heat-rating', 'Sounds at', s.heatRatingF === undefined ? undefined : formatTemperatureF(s.heatRatingF, f)],
    ['power', 'Power', power[s.power]],
    ['interconnect', 'Interconnect', interconnect[s.interconnect]],
    ['listings', 'Listings', s.listings.join(', ')],
    ['lifespan', 'Replace after', counted(s.lifespanYears, 'year', f.locale)],
  ];
}

function interconnectModuleRows(p: ProductOfType<'interconnect-module'>, f: Format): Row[] {
  return [
    ['purpose', 'What it does', p.specs.purpose],
    ['max-devices', 'Most alarms it links', formatNumber(p.specs.maxDevices, f.locale)],
  ];
}

function firePanelRows(p: ProductOfType<'fire-panel'>, f: Format): Row[] {
  const s = p.specs;
  return [
    ['addressing', 'Type', addressingLabels[s.addressing]],
    ['capacity', 'Capacity', s.addressing === 'addressable' ? counted(s.capacity, 'device point', f.locale) : counted(s.capacity, 'zone', f.locale)],
    ['notification-circuits', 'Horn/strobe circuits', formatNumber(s.notificationCircuits, f.locale)],
    ['communicator', 'Calls the monitoring center by', communicatorLabels[s.communicator]],
    ['listings', 'Listings', s.listings.join(', ')],
  ];
}

function fireDeviceRows(p: ProductOfType<'fire-device'>, f: Format): Row[] {
  const s = p.specs;
  return [
    ['addressing', 'Type', addressingLabels[s.addressing]],
    ['coverage', 'Covers up to', s.coverageM2 === undefined ? undefined : formatArea(s.coverageM2, f.units, f.locale)],
    ['candela', 'Strobe brightness settings', s.candela === undefined ? undefined : `${s.candela.map((c) => formatNumber(c, f.locale)).join(', ')} cd`],
    ['action', 'Action', s.action === undefined ? undefined : s.action === 'single-action' ? 'Single action (pull down)' : 'Dual action (lift or push, then pull)'],
    ['listings', 'Listings', s.listings.join(', ')],
  ];
}

function readerRows(p: ProductOfType<'reader'>): Row[] {
  const credentials = { prox: 'prox card', 'smart-card': 'smart card', mobile: 'phone', pin: 'PIN code', fingerprint: 'fingerprint', face: 'face' } as const;
  const mounts = { mullion: 'Mullion (narrow door frame)', 'single-gang': 'Single-gang electrical box', wall: 'Wall' } as const;
  return [
    ['credentials', 'Opens with', list(p.specs.credentials.map((c) => credentials[c]))],
    ['weather', 'Weather rating', weatherLabels[p.specs.weatherRating]],
    ['mount', 'Mounts on', mounts[p.specs.mount]],
  ];
}

function doorLockRows(p: ProductOfType<'door-lock'>, f: Format): Row[] {
  const s = p.specs;
  const kinds = {
    'electric-strike': 'Electric strike (in the door frame)',
    maglock: 'Magnetic lock',
    'electrified-lever': 'Electrified lever set',
    'smart-deadbolt': 'Smart deadbolt',
  } as const;
  const unlockWith = { app: 'phone app', keypad: 'keypad code', fingerprint: 'fingerprint', key: 'key', card: 'card' } as const;
  const failModes = {
    'fail-safe': 'Fail-safe: unlocks when power is lost',
    'fail-secure': 'Fail-secure: stays locked when power is lost',
    'field-selectable': 'Either, set at installation',
  } as const;
  return [
    ['kind', 'Lock type', kinds[s.kind]],
    ['unlock-with', 'Opens with', s.unlockWith === undefined ? undefined : list(s.unlockWith.map((u) => unlockWith[u]))],
    ['fail-mode', 'Power loss', failModes[s.failMode]],
    // Catalogued in pounds (as lock makers rate them); converted back so metric installers read kilograms.
    ['holding-force', 'Holding force', s.holdingForceLb === undefined ? undefined : formatWeight(s.holdingForceLb / POUNDS_PER_KG, f)],
    ['needs-exit-request', 'Needs a request-to-exit device', yesNo(s.needsExitRequest)],
  ];
}

function accessDeviceRows(p: ProductOfType<'access-device'>): Row[] {
  const sensing = {
    'passive-infrared': 'Motion sensor above the door',
    'push-button': 'Push button',
    'touch-bar': 'Touch bar on the door',
    'magnetic-recessed': 'Magnetic, hidden in the frame',
    'magnetic-surface': 'Magnetic, on the surface',
  } as const;
  return [['sensing', 'How it works', sensing[p.specs.sensing]]];
}

function doorControllerRows(p: ProductOfType<'door-controller'>, f: Format): Row[] {
  const s = p.specs;
  const management = { cloud: 'Cloud (manage from a browser or app)', 'on-premises': 'On-site server', hybrid: 'Cloud with local backup' } as const;
  return [
    ['doors', 'Doors', formatNumber(s.doors, f.locale)],
    ['management', 'Managed from', management[s.management]],
    ['max-users', 'Most users', formatNumber(s.maxUsers, f.locale)],
    ['power-supply', 'Power supply included', yesNo(s.powerSupplyIncluded)],
  ];
}

function credentialRows(p: ProductOfType<'credential'>): Row[] {
  const s = p.specs;
  const forms = { card: 'Card', fob: 'Key fob', mobile: 'Phone app' } as const;
  const technologies = { prox: '125 kHz proximity', 'smart-card': 'Encrypted smart card', mobile: 'Bluetooth / NFC on a phone' } as const;
  return [
    ['form', 'Form', forms[s.form]],
    ['technology', 'Technology', technologies[s.technology]],
    ['clone-resistant', 'Hard to copy', s.cloneResistant ? 'Yes' : 'No: can be copied with cheap tools'],
  ];
}

function planRows(p: ProductOfType<'monitoring-plan'>, f: Format): Row[] {
  const s = p.specs;
  const money = (cents: Cents) => formatMoney(cents, f.currency, f.locale);
  const monitors = { intrusion: 'break-ins', fire: 'fire', co: 'carbon monoxide', video: 'video', water: 'water leaks' } as const;
  return [
    ['term', 'Contract length', capitalized(contractText(s.termMonths))],
    ['term-total', 'Monthly fees over the contract', s.termMonths === 0 ? 'None committed: pay month by month' : money(s.monthlyCents * s.termMonths)],
    ['activation', 'One-time activation', p.priceCents > 0 ? money(p.priceCents) : 'None'],
    ['early-termination', 'Early-termination fee', s.earlyTerminationPercent > 0 ? `${formatNumber(s.earlyTerminationPercent, f.locale)}% of the months left` : 'None'],
    ['cancellation', 'Cancellation', s.cancellation],
    ['monitors', 'Monitors', list(s.monitors.map((m) => monitors[m]))],
    ['for-systems', 'Works with', list(s.forSystems.map((x) => systemLabels[x]))],
    ['includes', 'Includes', list(s.includes)],
  ];
}

function serviceRows(p: ProductOfType<'service'>, f: Format): Row[] {
  const s = p.specs;
  return [
    ['time-on-site', 'Time on site', s.minutes > 0 ? formatMinutes(s.minutes) : 'None'],
    ['may-vary', 'Can come in higher by', s.spreadHighPercent > 0 ? `Up to ${formatNumber(s.spreadHighPercent, f.locale)}%` : 'Fixed price'],
    ['for-systems', 'Applies to', s.forSystems.length === 0 ? 'Any system' : list(s.forSystems.map((x) => systemLabels[x]))],
  ];
}

function typeRows(product: Product, f: Format): Row[] {
  switch (product.type) {
    case 'camera': return cameraRows(product, f);
    case 'recorder': return recorderRows(product, f);
    case 'switch': return switchRows(product, f);
    case 'drive': return driveRows(product, f);
    case 'cable': return cableRows(product, f);
    case 'alarm-panel': return alarmPanelRows(product, f);
    case 'keypad': return keypadRows(product);
    case 'intrusion-sensor': return intrusionSensorRows(product, f);
    case 'siren': return sirenRows(product, f);
    case 'key-fob': return keyFobRows(product, f);
    case 'life-safety-alarm': return lifeSafetyRows(product, f);
    case 'interconnect-module': return interconnectModuleRows(product, f);
    case 'fire-panel': return firePanelRows(product, f);
    case 'fire-device': return fireDeviceRows(product, f);
    case 'reader': return readerRows(product);
    case 'door-lock': return doorLockRows(product, f);
    case 'access-device': return accessDeviceRows(product);
    case 'door-controller': return doorControllerRows(product, f);
    case 'credential': return credentialRows(product);
    case 'monitoring-plan': return planRows(product, f);
    case 'service': return serviceRows(product, f);
  }
}

/**
 * One labelled, formatted row per meaningful spec of a product, in reading order: what it does first,
 * then how it is connected, warranty and who it suits. Specs a product lacks are left out.
 */
export function specRows(product: Product, settings: Format): SpecRow[] {
  const rows: Row[] = [['brand-model', 'Brand and model', `${product.brand} ${product.model}`], ...typeRows(product, settings)];
  if (isInstalled(product)) {
    rows.push(['connection', 'Connection', connectionText(product)]);
    rows.push(['warranty', 'Warranty', product.warrantyYears > 0 ? counted(product.warrantyYears, 'year', settings.locale) : 'None']);
  }
  rows.push(['suits', 'Suits', suitsText(product)]);
  return rows.filter((row): row is [string, string, string] => row[2] !== undefined).map(([key, label, value]) => ({ key, label, value }));
}

/** A product's rows for comparison: the price first, then every spec, then install time. */
export function productRows(product: Product, settings: Settings): SpecRow[] {
  return [{ key: 'price', label: 'Price', value: priceText(product, settings) }, ...specRows(product, settings), ...installRows(product, settings)];
}

/** Products side by side; a spec one product lacks shows as NOT_APPLICABLE. */
export function compareRows(products: readonly Product[], settings: Settings): CompareRow[] {
  return mergeRows(products.map((product) => productRows(product, settings)));
}
