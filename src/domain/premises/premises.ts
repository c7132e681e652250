import * as z from 'zod/mini';
import { homeAreas } from '../guidelines/vocabulary';
import { numberBetween, postalCode, trimmedText, viewPurpose, wholeNumber } from '../schema';
import { assumableConditions, wiringAccessOptions } from '../settings/vocabulary';
import {
  budgetLeanings,
  businessSystems,
  monitoringChoices,
  openingHours,
  premisesTypes,
  propertyTypes,
  siteRequirements,
  systemGoals,
  TYPICAL_VIEW_DISTANCE_M,
} from './vocabulary';

/**
 * What the needs assessment learns about the premises. Homeowners answer one short path, businesses
 * one path per site. Every answer has a default so the assessment can be skipped or left half done;
 * the recommendation rules turn it into configurations. Stored values are metric.
 */

const count = (max: number, what: string) =>
  z.number({ error: `enter the number of ${what}` }).check(z.int(`${what}: a whole number`), z.minimum(0, `${what} cannot be negative`), z.maximum(max, `at most ${max} ${what}`));

/** Which of them the customer left blank: they are shown as "about …, assumed" until confirmed or changed. */
const assumed = z._default(z.array(z.enum(assumableConditions)).check(z.maxLength(assumableConditions.length)), []);

const noEquipment = { smokeAlarms: 0, coAlarms: 0, cameras: 0, alarmPanel: false, doorbellCamera: false };

/** What the customer already has and would like to keep using. */
export const existingEquipmentSchema = z.object({
  smokeAlarms: z._default(count(50, 'smoke alarms'), 0),
  coAlarms: z._default(count(50, 'CO alarms'), 0),
  cameras: z._default(count(64, 'cameras'), 0),
  alarmPanel: z._default(z.boolean(), false),
  doorbellCamera: z._default(z.boolean(), false),
});

export const homePremisesSchema = z.object({
  kind: z.literal('home'),
  propertyType: z._default(z.enum(propertyTypes), 'house'),
  /** Storeys above ground. */
  storeys: z._default(wholeNumber(1, 6, 'at least 1 story', 'at most 6 stories'), 2),
  basement: z._default(z.boolean(), false),
  /** Total floor area in m² (the form accepts sq ft when the installer works in imperial). */
  floorAreaM2: z._default(numberBetween(20, 3000, 'at least 20 m² (about 215 sq ft)', 'at most 3,000 m² (about 32,000 sq ft)'), 180),
  /** Highest ceiling where devices go, in metres (2.4 m = 8 ft is typical). */
  ceilingHeightM: z._default(numberBetween(2, 10, 'at least 2 m (about 7 ft)', 'at most 10 m (about 33 ft)'), 2.4),
  bedrooms: z._default(count(20, 'bedrooms'), 3),
  exteriorDoors: z._default(count(20, 'exterior doors'), 2),
  /** Windows someone could reach and open from outside. */
  accessibleWindows: z._default(count(80, 'accessible windows'), 6),
  attachedGarage: z._default(z.boolean(), false),
  fuelBurning: z._default(z.boolean(), true),
  pets: z._default(z.enum(['none', 'small', 'large']), 'none'),
  outdoorAreas: z._default(z.array(z.enum(homeAreas)).check(z.maxLength(homeAreas.length)), ['front-door', 'driveway']),
  existing: z._default(existingEquipmentSchema, noEquipment),
  wiringAccess: z._default(z.enum(wiringAccessOptions), 'unknown'),
  internet: z._default(z.enum(['good', 'weak', 'none']), 'good'),
  goals: z._default(z.array(z.enum(systemGoals)).check(z.maxLength(systemGoals.length)), ['deter', 'fire-co']),
  budget: z._default(z.enum(budgetLeanings), 'recommended'),
  postalCode: z.optional(postalCode),
  assumed,
});
export type HomePremises = z.infer<typeof homePremisesSchema>;

/** An area a business wants watched, and what the picture must let them do there. */
export const watchAreaSchema = z.object({
  name: trimmedText(1, 60, 'name the area'),
  purpose: viewPurpose,
  distanceM: z._default(numberBetween(0.5, 300, 'at least 0.5 m (about 2 ft)', 'at most 300 m (about 980 ft)'), TYPICAL_VIEW_DISTANCE_M),
  outdoor: z._default(z.boolean(), false),
});
export type WatchArea = z.infer<typeof watchAreaSchema>;

export const businessSiteSchema = z.object({
  name: trimmedText(1, 80, 'give the site a name'),
  postalCode: z.optional(postalCode),
  premisesType: z._default(z.enum(premisesTypes), 'office'),
  buildings: z._default(wholeNumber(1, 20, 'at least 1 building', 'at most 20 buildings'), 1),
  storeys: z._default(wholeNumber(1, 60, 'at least 1 story', 'at most 60 stories'), 1),
  floorAreaM2: z._default(numberBetween(20, 200_000, 'at least 20 m² (about 215 sq ft)', 'at most 200,000 m²'), 400),
  ceilingHeightM: z._default(numberBetween(2, 20, 'at least 2 m (about 7 ft)', 'at most 20 m (about 65 ft)'), 3),
  exits: z._default(count(200, 'exits'), 2),
  accessDoors: z._default(count(200, 'doors with access control'), 0),
  staff: z._default(count(5000, 'staff'), 10),
  hours: z._default(z.enum(openingHours), 'business-hours'),
  areasToWatch: z._default(z.array(watchAreaSchema).check(z.maxLength(64, 'at most 64 areas per site')), []),
  requirements: z._default(z.array(z.enum(siteRequirements)), []),
  existing: z._default(existingEquipmentSchema, noEquipment),
  wiringAccess: z._default(z.enum(wiringAccessOptions), 'open'),
  assumed,
});
export type BusinessSite = z.infer<typeof businessSiteSchema>;

export const businessPremisesSchema = z.object({
  kind: z.literal('business'),
  organisation: z.optional(z.string().check(z.trim(), z.maxLength(80, 'at most 80 characters'))),
  systems: z._default(z.array(z.enum(businessSystems)).check(z.minLength(1, 'choose at least one system')), ['video', 'intrusion']),
  sites: z.array(businessSiteSchema).check(z.minLength(1, 'add at least one site'), z.maxLength(50, 'at most 50 sites')),
  monitoring: z._default(z.enum(monitoringChoices), 'month-to-month'),
  budget: z._default(z.enum(budgetLeanings), 'recommended'),
});
export type BusinessPremises = z.infer<typeof businessPremisesSchema>;

export const premisesSchema = z.discriminatedUnion('kind', [homePremisesSchema, businessPremisesSchema]);
export type Premises = z.infer<typeof premisesSchema>;
export type PremisesInput = z.input<typeof premisesSchema>;
