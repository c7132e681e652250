import { systems } from '../catalog/roles';

/** Premises vocabulary without the schema (premises.ts), for code that runs in the browser. */

export const systemGoals = ['deter', 'evidence', 'monitoring', 'fire-co', 'smart-locks'] as const;
export type Goal = (typeof systemGoals)[number];

export const budgetLeanings = ['essential', 'recommended', 'complete'] as const;
export type BudgetLeaning = (typeof budgetLeanings)[number];

export const propertyTypes = ['house', 'townhouse', 'apartment'] as const;
export type PropertyType = (typeof propertyTypes)[number];

export const premisesTypes = ['office', 'retail', 'warehouse', 'restaurant', 'clinic', 'other'] as const;
export type PremisesType = (typeof premisesTypes)[number];

/** When a business site is open. */
export const openingHours = ['business-hours', 'extended', 'always-open'] as const;
export type OpeningHours = (typeof openingHours)[number];

/** Compliance or insurer requirements that decide parts of the design. */
export const siteRequirements = ['fire-alarm-code', 'insurer-monitoring', 'video-retention-90', 'access-audit'] as const;
export type Requirement = (typeof siteRequirements)[number];

/** Days of video a site's requirements ask to keep, if they ask: the recommendation records that long and the checks hold it. */
export function requiredRetentionDays(requirements: readonly Requirement[]): number | undefined {
  return requirements.includes('video-retention-90') ? 90 : undefined;
}

/**
 * How a business wants its alarms monitored. Month to month unless the customer picks a contract:
 * long contracts with exit fees are what customers of this trade complain about most.
 */
export const monitoringChoices = ['month-to-month', 'contract', 'none'] as const;
export type MonitoringChoice = (typeof monitoringChoices)[number];

/** Assumed when a customer leaves the distance to an area blank; the assessment shows it as the typical figure. */
export const TYPICAL_VIEW_DISTANCE_M = 10;

/** A business can ask for any system we install. */
export const businessSystems = systems;
