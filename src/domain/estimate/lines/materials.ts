import type { Cable } from '../../catalog/product';
import { midSentence } from '../../catalog/roles';
import type { Site } from '../../configuration/configuration';
import type { Settings } from '../../settings/settings';
import { count, formatLength } from '../../units';
import type { PricingContext } from '../context';
import { newUnits, type EstimateLine, type Install } from './line';

/**
 * Cabling: one run per new wired unit, each of the site's average run length, priced per metre of
 * the cable it needs plus the fittings per run. The length is a guess until the site survey, so the
 * line carries the settings' spread both ways.
 */

/** The estimated length of one cable run on a site: grows with storeys and with the floor's size. */
export function averageRunLengthM(site: Site, settings: Settings): number {
  const { baseM, perStoreyM, perSqrtAreaM } = settings.cableRuns;
  return baseM + perStoreyM * (site.conditions.storeys - 1) + perSqrtAreaM * Math.sqrt(site.conditions.floorAreaM2);
}

function materialsLine(cable: Cable, runs: number, runLengthM: number, ctx: PricingContext): EstimateLine {
  const { cableRuns, units, locale } = ctx.settings;
  const fittings = runs * cable.specs.fittingsPerRunCents;
  const metres = runs * runLengthM;
  const at = (share: number) => Math.round(metres * share * cable.priceCents) + fittings;
  return {
    kind: 'materials',
    taxClass: 'equipment',
    label: cable.name,
    productId: cable.id,
    quantity: runs,
    amount: { low: at((100 - cableRuns.spreadPercent) / 100), high: at((100 + cableRuns.spreadPercent) / 100) },
    reason: `${count(runs, 'cable run')} of about ${formatLength(runLengthM, units, locale)}${runs > 1 ? ' each' : ''}, with ${midSentence(cable.specs.usedFor)}.`,
    drivers: [{ label: cableRuns.label, laborPercent: 0, highPercent: cableRuns.spreadPercent }],
  };
}

/** One line per kind of cable, in the order the kinds first appear. */
export function materialsLines(site: Site, installs: Install[], ctx: PricingContext): EstimateLine[] {
  const runs = new Map<Cable['specs']['cableKind'], number>();
  for (const { line, product, connection } of installs) {
    const units = newUnits(line);
    if (connection === 'wired' && units > 0 && product.install.cable) {
      runs.set(product.install.cable, (runs.get(product.install.cable) ?? 0) + units);
    }
  }
  const runLengthM = averageRunLengthM(site, ctx.settings);
  return [...runs].flatMap(([kind, count]) => {
    const cable = ctx.catalog.cableFor(kind);
    return cable ? [materialsLine(cable, count, runLengthM, ctx)] : [];
  });
}
