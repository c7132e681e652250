import type { Product } from '../catalog/product';
import { count, formatArea } from '../units';
import { addSuggestion, productToSuggest, unitsInRole, type Check, type SiteView } from './check';

const isFireDevice = (p: Product) => p.role === 'smoke-alarm' || p.role === 'co-alarm' || p.role === 'combo-alarm' || p.role === 'heat-alarm';

/**
 * Homes (residential code style): a smoke alarm in every bedroom plus one on every storey (outside
 * the sleeping areas); CO alarms on every storey when fuel is burned or a garage is attached.
 */
function homeChecks(view: SiteView, bedrooms: number): Check[] {
  const { storeys, fuelBurning, attachedGarage } = view.site.conditions;
  const hasFireSystem = view.lines.some((l) => isFireDevice(l.product));
  const base = { siteId: view.site.id, system: 'fire' as const, topic: 'life-safety' as const };
  const checks: Check[] = [];

  const smokeNeeded = bedrooms + storeys;
  const smoke = unitsInRole(view, 'smoke-alarm', 'combo-alarm');
  const smokeWhy = `${count(bedrooms, 'bedroom')} and ${count(storeys, 'storey')} need ${smokeNeeded} smoke alarms: one in each bedroom and one on every storey, outside the sleeping areas.`;
  if (smoke >= smokeNeeded) {
    checks.push({ ...base, id: `${view.site.id}:life-safety:smoke`, status: 'pass', title: 'Smoke alarms', detail: `${smokeWhy} The plan has ${smoke}.` });
  } else {
    const product = productToSuggest(view, 'smoke-alarm');
    checks.push({
      ...base,
      id: `${view.site.id}:life-safety:smoke`,
      status: hasFireSystem ? 'problem' : 'warning',
      title: 'Smoke alarms missing',
      detail: `${smokeWhy} The plan has ${smoke}.${hasFireSystem ? '' : ' If working alarms under 10 years old are already fitted, add them as equipment you have.'}`,
      ...(product ? { suggestion: addSuggestion(view, product, smokeNeeded - smoke, 'Completes a smoke alarm in every bedroom and on every storey.') } : {}),
    });
  }

  if (fuelBurning || attachedGarage) {
    const coNeeded = storeys;
    const co = unitsInRole(view, 'co-alarm', 'combo-alarm');
    const source = [fuelBurning && 'fuel-burning appliances', attachedGarage && 'an attached garage'].filter(Boolean).join(' and ');
    const coWhy = `With ${source}, every storey needs a carbon monoxide alarm outside the sleeping areas: ${coNeeded}.`;
    if (co >= coNeeded) {
      checks.push({ ...base, id: `${view.site.id}:life-safety:co`, status: 'pass', title: 'Carbon monoxide alarms', detail: `${coWhy} The plan has ${co}.` });
    } else {
      const product = productToSuggest(view, 'co-alarm');
      checks.push({
        ...base,
        id: `${view.site.id}:life-safety:co`,
        status: hasFireSystem ? 'problem' : 'warning',
        title: 'Carbon monoxide alarms missing',
        detail: `${coWhy} The plan has ${co}.`,
        ...(product ? { suggestion: addSuggestion(view, product, coNeeded - co, 'A CO alarm on every storey.') } : {}),
      });
    }
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
    ...(exits !== undefined ? [['pull-station', exits, `a pull station within 5 ft of each of ${count(exits, 'exit')}`] as ['pull-station', number, string]] : []),
  ];
  for (const [role, needed, why] of rules) {
    const have = unitsInRole(view, role);
    const id = `${view.site.id}:life-safety:${role}`;
    const title = view.data.catalog.byRole(role)[0]?.name ?? role;
    if (have >= needed) {
      checks.push({ ...base, id, status: 'pass', title, detail: `${why}: ${needed} needed, ${have} planned.` });
    } else {
      const product = productToSuggest(view, role);
      checks.push({ ...base, id, status: 'warning', title: `${title}: fewer than the guideline`, detail: `${why}: ${needed} needed, ${have} planned. Local fire code decides; the site survey confirms.`, ...(product ? { suggestion: addSuggestion(view, product, needed - have, why) } : {}) });
    }
  }
  return checks;
}

export function lifeSafetyChecks(view: SiteView): Check[] {
  const { bedrooms } = view.site.conditions;
  return [...(bedrooms !== undefined ? homeChecks(view, bedrooms) : []), ...commercialChecks(view)];
}
