import { checkRules, type FieldRule } from '../field-rules/rules';
import type { Issue } from '../issues';
import { areaToM2, lengthToMetres, type UnitSystem } from '../units';
import type { BusinessDraft, ExistingDraft, HomeDraft, Path, SiteDraft, TriState } from './draft';
import { assumableConditions } from '../settings/vocabulary';
import type { Premises } from './premises';
import { TYPICAL_VIEW_DISTANCE_M } from './vocabulary';

/**
 * Reading a draft into premises with the shared schema's rules (`rulesOf(premisesSchema)`, passed in
 * as data so the browser does not load zod): every problem is named by the draft's field key, and
 * the premises use the default in its place, so a half-answered assessment still gives a
 * recommendation.
 */

/** Field key → what is wrong, in plain words: the messages of the domain's issues (../issues), keyed the draft's way. */
export type FieldErrors = Record<string, Issue['message']>;

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

/** The input with the assumable conditions it leaves blank (or unreadable) listed as assumed. */
function withAssumed(input: Record<string, unknown>): Record<string, unknown> {
  return { ...input, assumed: assumableConditions.filter((key) => input[key] === undefined) };
}

function homeInput(d: HomeDraft, r: Reader): Record<string, unknown> {
  const area = (n: number) => squareMetres(n, r.units);
  // The home path does not ask for the ceiling: it is always the typical one, assumed.
  return withAssumed({
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
  });
}

/** Converted values keep the precision a typed figure reads back as typed: centimetres, hundredths of a square metre. */
const metres = (n: number, units: UnitSystem) => Math.round(lengthToMetres(n, units) * 100) / 100;
const squareMetres = (n: number, units: UnitSystem) => Math.round(areaToM2(n, units) * 100) / 100;

function siteInput(s: SiteDraft, i: number, r: Reader): Record<string, unknown> {
  const k = (field: string) => `sites.${i}.${field}`;
  const length = (n: number) => metres(n, r.units);
  return withAssumed({
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
  });
}

function businessInput(d: BusinessDraft, r: Reader): Record<string, unknown> {
  return { kind: 'business', organisation: text(d.organisation), systems: d.systems, sites: d.sites.map((s, i) => siteInput(s, i, r)), monitoring: d.monitoring, budget: d.budget };
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
 * Reads a draft into premises with the premises schema's rules. Problems are collected by field
 * (numbers that do not parse, then the schema's own messages), and the premises use defaults in
 * their place, so a half-answered or skipped assessment still gives a recommendation.
 */
export function readDraft(path: Path, draft: HomeDraft | BusinessDraft, units: UnitSystem, premisesRules: FieldRule): DraftReading {
  const r: Reader = { errors: {}, units };
  const raw = path === 'home' ? homeInput(draft as HomeDraft, r) : businessInput(draft as BusinessDraft, r);
  const input = compact(raw) as Record<string, unknown>;
  for (let round = 0; round < 4; round++) {
    const result = checkRules<Premises>(premisesRules, input);
    if (result.ok) return { premises: result.value, errors: r.errors };
    for (const issue of result.issues) {
      const key = fieldKey(issue.path);
      r.errors[key] ??= issue.message;
      setAt(input, issue.path, fallback(issue.path));
    }
  }
  // Unreachable with the drafts above; the defaults are a safe answer all the same.
  const defaults = checkRules<Premises>(premisesRules, path === 'home' ? { kind: 'home' } : { kind: 'business', sites: [{ name: 'Site 1' }] });
  if (!defaults.ok) throw new Error('The premises rules refuse their own defaults');
  return { premises: defaults.value, errors: r.errors };
}
