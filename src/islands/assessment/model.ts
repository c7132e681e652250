import { homeAreas, type HomeArea, type ViewPurpose } from '../../domain/guidelines/vocabulary';
import {
  premisesSchema,
  type BudgetLeaning,
  type Goal,
  type Premises,
  type PremisesInput,
  businessSystems,
  premisesTypes,
  systemGoals,
  TYPICAL_VIEW_DISTANCE_M,
} from '../../domain/premises/premises';
import type { WiringAccess } from '../../domain/settings/vocabulary';
import { areaToM2, lengthToMetres, type UnitSystem } from '../../domain/units';

/**
 * The needs assessment as the customer types it: drafts hold exactly what was entered (numbers as
 * text, in the installer's units), so nothing typed is ever lost, even when it does not parse. An
 * empty answer means "I don't know": the schema's default is used. `readDraft` turns a draft into
 * premises, with every problem named by field, and falls back to the default for a field that has one.
 */

export type Path = 'home' | 'business';
/** '' is "I don't know" wherever it appears. */
export type TriState = 'yes' | 'no' | '';

export interface ExistingDraft {
  smokeAlarms: string;
  coAlarms: string;
  cameras: string;
  alarmPanel: boolean;
  doorbellCamera: boolean;
}

export interface HomeDraft {
  propertyType: '' | 'house' | 'townhouse' | 'apartment';
  storeys: string;
  basement: TriState;
  area: string;
  bedrooms: string;
  postalCode: string;
  exteriorDoors: string;
  accessibleWindows: string;
  attachedGarage: TriState;
  fuelBurning: TriState;
  pets: '' | 'none' | 'small' | 'large';
  outdoorAreas: HomeArea[];
  existing: ExistingDraft;
  wiringAccess: WiringAccess;
  internet: '' | 'good' | 'weak' | 'none';
  goals: Goal[];
  budget: BudgetLeaning;
}

export type Requirement = 'fire-alarm-code' | 'insurer-monitoring' | 'video-retention-90' | 'access-audit';
export type BusinessSystem = (typeof businessSystems)[number];

export interface AreaDraft {
  name: string;
  purpose: ViewPurpose;
  distance: string;
  outdoor: boolean;
}

export interface SiteDraft {
  name: string;
  postalCode: string;
  premisesType: '' | (typeof premisesTypes)[number];
  buildings: string;
  storeys: string;
  area: string;
  ceiling: string;
  exits: string;
  accessDoors: string;
  staff: string;
  hours: '' | 'business-hours' | 'extended' | 'always-open';
  wiringAccess: '' | WiringAccess;
  areasToWatch: AreaDraft[];
  requirements: Requirement[];
  existing: ExistingDraft;
}

export interface BusinessDraft {
  organisation: string;
  systems: BusinessSystem[];
  sites: SiteDraft[];
  budget: BudgetLeaning;
}

const emptyExisting = (): ExistingDraft => ({ smokeAlarms: '', coAlarms: '', cameras: '', alarmPanel: false, doorbellCamera: false });

export const newHomeDraft = (): HomeDraft => ({
  propertyType: '',
  storeys: '',
  basement: '',
  area: '',
  bedrooms: '',
  postalCode: '',
  exteriorDoors: '',
  accessibleWindows: '',
  attachedGarage: '',
  fuelBurning: '',
  pets: '',
  outdoorAreas: ['front-door', 'driveway'],
  existing: emptyExisting(),
  wiringAccess: 'unknown',
  internet: '',
  goals: ['deter', 'fire-co'],
  budget: 'recommended',
});

export const newArea = (n: number): AreaDraft => ({ name: `Area ${n}`, purpose: 'observe', distance: '', outdoor: false });

export const newSiteDraft = (n: number): SiteDraft => ({
  name: n === 1 ? 'Main site' : `Site ${n}`,
  postalCode: '',
  premisesType: '',
  buildings: '',
  storeys: '',
  area: '',
  ceiling: '',
  exits: '',
  accessDoors: '',
  staff: '',
  hours: '',
  wiringAccess: '',
  areasToWatch: [],
  requirements: [],
  existing: emptyExisting(),
});

export const newBusinessDraft = (): BusinessDraft => ({ organisation: '', systems: ['video', 'intrusion'], sites: [newSiteDraft(1)], budget: 'recommended' });

// ---------- Steps ----------

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
  { id: 'budget', title: 'Budget', fields: /^budget/ },
];

export const stepsFor = (path: Path) => (path === 'home' ? homeSteps : businessSteps);

/** Problems that belong to one step, in the order the fields appear. */
export function errorsForStep(errors: FieldErrors, step: Step): [string, string][] {
  return Object.entries(errors).filter(([key]) => step.fields.test(key));
}

// ---------- Reading a draft ----------

/** Field key → what is wrong, in plain words. */
export type FieldErrors = Record<string, string>;

/** A number as people type it: "1,800", " 2 ", "2.5". Empty is null (not answered); junk is NaN. */
export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(/,/g, '');
  if (cleaned === '') return null;
  return /^-?\d*\.?\d+$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

const tri = (value: TriState) => (value === '' ? undefined : value === 'yes');
const answer = <T extends string>(value: T | '') => (value === '' ? undefined : value);
const text = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** Draft field names differ from the schema's where the draft holds the installer's units. */
const draftName: Record<string, string> = { floorAreaM2: 'area', ceilingHeightM: 'ceiling', distanceM: 'distance' };
export const fieldKey = (path: readonly PropertyKey[]) => path.map((p) => (typeof p === 'string' ? (draftName[p] ?? p) : String(p))).join('.');

interface Reader {
  errors: FieldErrors;
  units: UnitSystem;
}

function num(r: Reader, key: string, value: string, convert: (n: number) => number = (n) => n): number | undefined {
  const n = parseNumber(value);
  if (n === null) return undefined;
  if (Number.isNaN(n)) {
    r.errors[key] = 'enter a number, like 12 (or leave it blank if you are not sure)';
    return undefined;
  }
  return convert(n);
}

function existingInput(r: Reader, prefix: string, d: ExistingDraft) {
  return {
    smokeAlarms: num(r, `${prefix}existing.smokeAlarms`, d.smokeAlarms) ?? 0,
    coAlarms: num(r, `${prefix}existing.coAlarms`, d.coAlarms) ?? 0,
    cameras: num(r, `${prefix}existing.cameras`, d.cameras) ?? 0,
    alarmPanel: d.alarmPanel,
    doorbellCamera: d.doorbellCamera,
  };
}

function homeInput(d: HomeDraft, r: Reader): Record<string, unknown> {
  const area = (n: number) => squareMetres(n, r.units);
  return {
    kind: 'home',
    propertyType: answer(d.propertyType),
    storeys: num(r, 'storeys', d.storeys),
    basement: tri(d.basement),
    floorAreaM2: num(r, 'area', d.area, area),
    bedrooms: num(r, 'bedrooms', d.bedrooms),
    exteriorDoors: num(r, 'exteriorDoors', d.exteriorDoors),
    accessibleWindows: num(r, 'accessibleWindows', d.accessibleWindows),
    attachedGarage: tri(d.attachedGarage),
    fuelBurning: tri(d.fuelBurning),
    pets: answer(d.pets),
    outdoorAreas: d.outdoorAreas,
    existing: existingInput(r, '', d.existing),
    wiringAccess: d.wiringAccess,
    internet: answer(d.internet),
    goals: d.goals,
    budget: d.budget,
    postalCode: text(d.postalCode),
  };
}

/** Converted values keep sensible precision: centimetres, tenths of a square metre. */
const metres = (n: number, units: UnitSystem) => Math.round(lengthToMetres(n, units) * 100) / 100;
const squareMetres = (n: number, units: UnitSystem) => Math.round(areaToM2(n, units) * 10) / 10;

function siteInput(s: SiteDraft, i: number, r: Reader): Record<string, unknown> {
  const k = (field: string) => `sites.${i}.${field}`;
  const length = (n: number) => metres(n, r.units);
  return {
    name: s.name,
    postalCode: text(s.postalCode),
    premisesType: answer(s.premisesType),
    buildings: num(r, k('buildings'), s.buildings),
    storeys: num(r, k('storeys'), s.storeys),
    floorAreaM2: num(r, k('area'), s.area, (n) => squareMetres(n, r.units)),
    ceilingHeightM: num(r, k('ceiling'), s.ceiling, length),
    exits: num(r, k('exits'), s.exits),
    accessDoors: num(r, k('accessDoors'), s.accessDoors),
    staff: num(r, k('staff'), s.staff),
    hours: answer(s.hours),
    wiringAccess: answer(s.wiringAccess),
    areasToWatch: s.areasToWatch.map((a, j) => ({
      name: a.name,
      purpose: a.purpose,
      distanceM: num(r, k(`areasToWatch.${j}.distance`), a.distance, length),
      outdoor: a.outdoor,
    })),
    requirements: s.requirements,
    existing: existingInput(r, `sites.${i}.`, s.existing),
  };
}

function businessInput(d: BusinessDraft, r: Reader): Record<string, unknown> {
  return { kind: 'business', organisation: text(d.organisation), systems: d.systems, sites: d.sites.map((s, i) => siteInput(s, i, r)), budget: d.budget };
}

/** Removes undefined keys so the schema's defaults apply. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, compact(v)]));
  }
  return value;
}

/** What to use for a field that has a problem and no default of its own (names, distances, purposes). */
function fallback(path: readonly PropertyKey[]): unknown {
  const last = path[path.length - 1];
  if (last === 'name') return path[2] === 'areasToWatch' ? `Area ${Number(path[3]) + 1}` : `Site ${Number(path[1]) + 1}`;
  if (last === 'distanceM') return TYPICAL_VIEW_DISTANCE_M;
  if (last === 'purpose') return 'observe';
  return undefined;
}

/** The schema's few generic messages, in plain words. */
export function friendly(message: string): string {
  if (/expected int/.test(message)) return 'enter a whole number';
  if (/expected number/.test(message)) return 'enter a number';
  if (/^Invalid (option|input)/.test(message)) return 'choose one of the options';
  return message;
}

function setAt(target: Record<string, unknown>, path: readonly PropertyKey[], value: unknown): void {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    node = (node as Record<PropertyKey, unknown>)?.[key as string];
    if (!node || typeof node !== 'object') return;
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete (node as Record<string, unknown>)[last];
  else (node as Record<string, unknown>)[last] = value;
}

export interface DraftReading {
  /** Premises to recommend from: every field with a problem replaced by its default. */
  premises: Premises;
  /** Every problem, by field key. Empty when the draft is fully valid. */
  errors: FieldErrors;
}

/**
 * Reads a draft into premises with the shared schema. Problems are collected by field (numbers that
 * do not parse, then the schema's own messages), and the premises use defaults in their place, so
 * a half-answered or skipped assessment still gives a recommendation.
 */
export function readDraft(path: Path, draft: HomeDraft | BusinessDraft, units: UnitSystem): DraftReading {
  const r: Reader = { errors: {}, units };
  const raw = path === 'home' ? homeInput(draft as HomeDraft, r) : businessInput(draft as BusinessDraft, r);
  const input = compact(raw) as Record<string, unknown>;
  for (let round = 0; round < 4; round++) {
    const result = premisesSchema.safeParse(input as PremisesInput);
    if (result.success) return { premises: result.data, errors: r.errors };
    for (const issue of result.error.issues) {
      const key = fieldKey(issue.path);
      r.errors[key] ??= friendly(issue.message);
      setAt(input, issue.path, fallback(issue.path));
    }
  }
  // Unreachable with the drafts above; the defaults are a safe answer all the same.
  const premises = premisesSchema.parse(path === 'home' ? { kind: 'home' } : { kind: 'business', sites: [{ name: 'Site 1' }] });
  return { premises, errors: r.errors };
}

// ---------- Restoring a saved draft ----------

/** Keeps the saved values whose type matches the fresh draft's, so an old or edited save cannot break the form. */
export function mergeDraft<T>(fresh: T, saved: unknown): T {
  if (Array.isArray(fresh)) {
    if (!Array.isArray(saved)) return fresh;
    return saved.filter((item) => typeof item === typeof (fresh[0] ?? item) && typeof item !== 'object') as T;
  }
  if (fresh && typeof fresh === 'object') {
    if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return fresh;
    const out: Record<string, unknown> = { ...(fresh as Record<string, unknown>) };
    for (const key of Object.keys(out)) out[key] = mergeDraft(out[key], (saved as Record<string, unknown>)[key]);
    return out as T;
  }
  return typeof saved === typeof fresh ? (saved as T) : fresh;
}

const only = <T extends string>(allowed: readonly T[], values: readonly string[]) => values.filter((v): v is T => (allowed as readonly string[]).includes(v));
const requirements: readonly Requirement[] = ['fire-alarm-code', 'insurer-monitoring', 'video-retention-90', 'access-audit'];

export function restoreHome(saved: unknown): HomeDraft {
  const draft = mergeDraft(newHomeDraft(), saved);
  return { ...draft, outdoorAreas: only(homeAreas, draft.outdoorAreas), goals: only(systemGoals, draft.goals) };
}

export function restoreBusiness(saved: unknown): BusinessDraft {
  const base = mergeDraft({ ...newBusinessDraft(), sites: [] as SiteDraft[] }, saved);
  const savedSites = (saved as { sites?: unknown } | null)?.sites;
  const isObject = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value);
  const sites = Array.isArray(savedSites)
    ? savedSites.filter(isObject).slice(0, 50).map((s, i) => {
        const site = mergeDraft({ ...newSiteDraft(i + 1), areasToWatch: [] as AreaDraft[] }, s);
        const areas = (s as { areasToWatch?: unknown } | null)?.areasToWatch;
        site.areasToWatch = Array.isArray(areas) ? areas.filter(isObject).slice(0, 64).map((a, j) => mergeDraft(newArea(j + 1), a)) : [];
        site.requirements = only(requirements, site.requirements);
        return site;
      })
    : [];
  return { ...base, systems: only(businessSystems, base.systems), sites: sites.length ? sites : [newSiteDraft(1)] };
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
