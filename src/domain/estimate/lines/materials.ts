import type { Cable } from '~/domain/catalog/product';
import { midSentence } from '~/domain/catalog/roles';
import { averageRunLengthM } from '~/domain/cable-runs';
import type { Site } from '~/domain/configuration/configuration';
import { count, formatLength } from '~/domain/units';
import { capitalized } from '~/domain/wording';
import type { PricingContext } from '../context';
import { newUnits, type EstimateLine, type Install } from './line';

/**
 * Cabling: one run per new wired unit, each of the site's average run length, priced per metre of
 * the cable it needs plus the fittings per run. Hard-wired interconnected alarms daisy-chain instead:
 * one run to the first, then a short hop (`cableRuns.daisyChainHopM`) to each next one. The length is
 * a guess until the site survey, so the line carries the settings' spread both ways.
 */

/** Alarms wired to each other, so one cable runs from alarm to alarm. */
const daisyChained = (product: Install['product']) => product.type === 'life-safety-alarm' && product.specs.interconnect === 'wired';

interface Runs {
  full: number;
  hops: number;
  /** A daisy chain has started on this cable, so each next chained alarm is a hop. */
  chained: boolean;
}

function materialsLine(cable: Cable, runs: Runs, runLengthM: number, ctx: PricingContext): EstimateLine {
  const { cableRuns, units, locale } = ctx.settings;
  const pieces = runs.full + runs.hops;
  const fittings = pieces * cable.specs.fittingsPerRunCents;
  const metres = runs.full * runLengthM + runs.hops * cableRuns.daisyChainHopM;
  const at = (share: number) => Math.round(metres * share * cable.priceCents) + fittings;
  const length = (m: number) => formatLength(m, units, locale);
  const full = runs.full > 0 ? `${count(runs.full, 'cable run')} of about ${length(runLengthM)}${runs.full > 1 ? ' each' : ''}` : '';
  const hops = runs.hops > 0 ? `${count(runs.hops, 'hop')} of about ${length(cableRuns.daisyChainHopM)} from alarm to alarm` : '';
  return {
    kind: 'materials',
    taxClass: 'equipment',
    label: cable.name,
    productId: cable.id,
    quantity: pieces,
    amount: { low: at((100 - cableRuns.spreadPercent) / 100), high: at((100 + cableRuns.spreadPercent) / 100) },
    reason: `${capitalized([full, hops].filter(Boolean).join(' and '))}, with ${midSentence(cable.specs.usedFor)}.`,
    drivers: [{ label: cableRuns.label, laborPercent: 0, highPercent: cableRuns.spreadPercent }],
  };
}

/** One line per kind of cable, in the order the kinds first appear. */
export function materialsLines(site: Site, installs: Install[], ctx: PricingContext): EstimateLine[] {
  const runs = new Map<Cable['specs']['cableKind'], Runs>();
  for (const { line, product, connection } of installs) {
    const units = newUnits(line);
    if (connection !== 'wired' || units <= 0 || !product.install.cable) continue;
    const kind = runs.get(product.install.cable) ?? { full: 0, hops: 0, chained: false };
    if (!daisyChained(product)) kind.full += units;
    else {
      kind.full += kind.chained ? 0 : 1;
      kind.hops += kind.chained ? units : units - 1;
      kind.chained = true;
    }
    runs.set(product.install.cable, kind);
  }
  const runLengthM = averageRunLengthM(site, ctx.settings);
  return [...runs].flatMap(([kind, count]) => {
    const cable = ctx.catalog.cableFor(kind);
    return cable ? [materialsLine(cable, count, runLengthM, ctx)] : [];
  });
}
