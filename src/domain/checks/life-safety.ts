import type { Product } from '../catalog/product';
import { roles, type RoleId } from '../catalog/roles';
import { count, formatArea, formatLength } from '../units';
import { addSuggestion, productToSuggest, unitsInRole, type Check, type SiteView } from './check';

const isFireDevice = (p: Product) => p.role === 'smoke-alarm' || p.role === 'co-alarm' || p.role === 'combo-alarm' || p.role === 'heat-alarm';

interface CountRule {
  /** Last part of the check's id: `<site>:life-safety:<key>`. */
  key: string;
  /** The role a missing device is suggested from. */
  role: RoleId;
  needed: number;
  have: number;
  /** The rule and the numbers behind it, shown whether it passes or not. */
  detail: string;
  title: string;
  missingTitle: string;
  missingStatus: 'problem' | 'warning';
  /** Added to the detail when devices are missing. */
  missingNote?: string;
  /** Why the suggested devices are added. */
  suggestionReason: string;
}

/** A rule that counts devices: passes with enough, else says how many are missing and suggests adding them. */
function countCheck(view: SiteView, rule: CountRule): Check {
  const base = { id: `${view.site.id}:life-safety:${rule.key}`, siteId: view.site.id, system: 'fire' as const, topic: 'life-safety' as const };
  if (rule.have >= rule.needed) return { ...base, status: 'pass', title: rule.title, detail: rule.detail };
  const product = productToSuggest(view, rule.role);
  return {
    ...base,
    status: rule.missingStatus,
    title: rule.missingTitle,
    detail: `${rule.detail}${rule.missingNote ?? ''}`,
    ...(product ? { suggestion: addSuggestion(view, product, rule.needed - rule.have, rule.suggestionReason) } : {}),
  };
}

/**
 * Homes (residential code style): a smoke alarm in every bedroom plus one on every storey (outside
 * the sleeping areas); CO alarms on every storey when fuel is burned or a garage is attached.
 */
function homeChecks(view: SiteView, bedrooms: number): Check[] {
  const { storeys, fuelBurning, attachedGarage } = view.site.conditions;
  const hasFireSystem = view.lines.some((l) => isFireDevice(l.product));
  const missingStatus = hasFireSystem ? 'problem' : 'warning';
  const checks: Check[] = [];

  const smokeNeeded = bedrooms + storeys;
  const smoke = unitsInRole(view, 'smoke-alarm', 'combo-alarm');
  checks.push(
    countCheck(view, {
      key: 'smoke',
      role: 'smoke-alarm',
      needed: smokeNeeded,
      have: smoke,
      detail: `${count(bedrooms, 'bedroom')} and ${count(storeys, 'story', 'stories')} need ${smokeNeeded} smoke alarms: one in each bedroom and one on every story, outside the sleeping areas. The plan has ${smoke}.`,
      title: 'Smoke alarms',
      missingTitle: 'Smoke alarms missing',
      missingStatus,
      missingNote: hasFireSystem ? '' : ' If working alarms under 10 years old are already fitted, add them as equipment you have.',
      suggestionReason: 'Completes a smoke alarm in every bedroom and on every story.',
    }),
  );

  if (fuelBurning || attachedGarage) {
    const coNeeded = storeys;
    const co = unitsInRole(view, 'co-alarm', 'combo-alarm');
    const source = [fuelBurning && 'fuel-burning appliances', attachedGarage && 'an attached garage'].filter(Boolean).join(' and ');
    checks.push(
      countCheck(view, {
        key: 'co',
        role: 'co-alarm',
        needed: coNeeded,
        have: co,
        detail: `With ${source}, every story needs a carbon monoxide alarm outside the sleeping areas: ${coNeeded}. The plan has ${co}.`,
        title: 'Carbon monoxide alarms',
        missingTitle: 'Carbon monoxide alarms missing',
        missingStatus,
        suggestionReason: 'A CO alarm on every story.',
      }),
    );
  }
  return checks;
}

/** Commercial fire alarm systems: a panel, detector coverage by area and a pull station at each exit. */
function commercialChecks(view: SiteView): Check[] {
  const devices = unitsInRole(view, 'smoke-detector', 'pull-station', 'horn-strobe');
  const panels = unitsInRole(view, 'fire-panel');
  if (devices === 0 && panels === 0) return [];
  const { guidelines, settings } = view.data;
  const { floorAreaM2, exits } = view.site.conditions;
  const base = { siteId: view.site.id, system: 'fire' as const, topic: 'life-safety' as const };
  const area = formatArea(floorAreaM2, settings.units, settings.locale);
  const checks: Check[] = [];
  if (panels === 0) {
    const panel = productToSuggest(view, 'fire-panel');
    checks.push({ ...base, id: `${view.site.id}:life-safety:fire-panel`, status: 'problem', title: 'No fire alarm control panel', detail: 'Detectors, pull stations and horn/strobes report to a fire alarm control panel; none is in the plan.', ...(panel ? { suggestion: addSuggestion(view, panel, 1, 'Runs the fire alarm devices.') } : {}) });
  }
  const rules: [role: 'smoke-detector' | 'pull-station' | 'horn-strobe', needed: number, why: string][] = [
    ['smoke-detector', Math.ceil(floorAreaM2 / guidelines.fire.commercialDetectorCoverageM2), `${area} at one detector per ${formatArea(guidelines.fire.commercialDetectorCoverageM2, settings.units, settings.locale)}`],
    ['horn-strobe', Math.ceil(floorAreaM2 / guidelines.fire.hornStrobeCoverageM2), `${area} at one horn/strobe per ${formatArea(guidelines.fire.hornStrobeCoverageM2, settings.units, settings.locale)}`],
    ...(exits !== undefined
      ? [['pull-station', exits, `a pull station within ${formatLength(guidelines.fire.placement.pullStationFromExitMaxM, settings.units, settings.locale)} of each of ${count(exits, 'exit')}`] as ['pull-station', number, string]]
      : []),
  ];
  for (const [role, needed, why] of rules) {
    const have = unitsInRole(view, role);
    // The role's name, not a product's: the site may have any of the role's products, or none yet.
    const title = roles[role].plural;
    checks.push(
      countCheck(view, {
        key: role,
        role,
        needed,
        have,
        detail: `${why}: ${needed} needed, ${have} planned.`,
        title,
        missingTitle: `${title}: fewer than the guideline`,
        missingStatus: 'warning',
        missingNote: ' Local fire code decides; the site survey confirms.',
        suggestionReason: why,
      }),
    );
  }
  return checks;
}

export function lifeSafetyChecks(view: SiteView): Check[] {
  const { bedrooms } = view.site.conditions;
  return [...(bedrooms !== undefined ? homeChecks(view, bedrooms) : []), ...commercialChecks(view)];
}
