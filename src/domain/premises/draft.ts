import { homeAreas, type HomeArea, type ViewPurpose } from '../guidelines/vocabulary';
import type { WiringAccess } from '../settings/vocabulary';
import type { BusinessPremises, BusinessSite, HomePremises } from './premises';
import { businessSystems, monitoringChoices, siteRequirements, systemGoals, type BudgetLeaning, type Goal, type MonitoringChoice } from './vocabulary';

/**
 * The needs assessment as the customer types it: drafts hold exactly what was entered (numbers as
 * text, in the installer's units), so nothing typed is ever lost, even when it does not parse. An
 * empty answer means "I don't know": the schema's default is used (`readDraft`, in read-draft.ts).
 * A saved draft is restored field by field, keeping only what still fits.
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
  propertyType: '' | HomePremises['propertyType'];
  storeys: string;
  basement: TriState;
  area: string;
  bedrooms: string;
  postalCode: string;
  exteriorDoors: string;
  accessibleWindows: string;
  attachedGarage: TriState;
  fuelBurning: TriState;
  pets: '' | HomePremises['pets'];
  outdoorAreas: HomeArea[];
  existing: ExistingDraft;
  wiringAccess: WiringAccess;
  internet: '' | HomePremises['internet'];
  goals: Goal[];
  budget: BudgetLeaning;
}

export interface AreaDraft {
  name: string;
  purpose: ViewPurpose;
  distance: string;
  outdoor: boolean;
}

export interface SiteDraft {
  name: string;
  postalCode: string;
  premisesType: '' | BusinessSite['premisesType'];
  buildings: string;
  storeys: string;
  area: string;
  ceiling: string;
  exits: string;
  accessDoors: string;
  staff: string;
  hours: '' | BusinessSite['hours'];
  wiringAccess: '' | WiringAccess;
  areasToWatch: AreaDraft[];
  requirements: BusinessSite['requirements'];
  existing: ExistingDraft;
}

export interface BusinessDraft {
  organisation: string;
  systems: BusinessPremises['systems'];
  sites: SiteDraft[];
  monitoring: MonitoringChoice;
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

export const newBusinessDraft = (): BusinessDraft => ({ organisation: '', systems: ['video', 'intrusion'], sites: [newSiteDraft(1)], monitoring: 'month-to-month', budget: 'recommended' });

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
        site.requirements = only(siteRequirements, site.requirements);
        return site;
      })
    : [];
  const monitoring = monitoringChoices.includes(base.monitoring) ? base.monitoring : newBusinessDraft().monitoring;
  return { ...base, systems: only(businessSystems, base.systems), monitoring, sites: sites.length ? sites : [newSiteDraft(1)] };
}
