import type { PoeSwitch } from '../catalog/product';
import { connectionFor } from '../estimate/conditions';
import { averageRunLengthM } from '../cable-runs';
import { count, formatLength } from '../units';
import { addSuggestion, linesOfType, sumOver, type Check, type SiteView } from './check';

/** PoE ports and power for the cameras, an extra switch when they run short. */
function poeCheck(view: SiteView): Check | null {
  const poeCameras = linesOfType(view, 'camera').filter((l) => l.product.specs.power.source === 'poe');
  const cameras = sumOver(poeCameras, (l) => l.line.quantity);
  if (cameras === 0) return null;
  const watts = sumOver(poeCameras, (l) => (l.product.specs.power.source === 'poe' ? l.product.specs.power.watts : 0) * l.line.quantity);
  const recorders = linesOfType(view, 'recorder');
  const switches = linesOfType(view, 'switch');
  const ports = sumOver(recorders, (l) => l.product.specs.poePorts * l.line.quantity) + sumOver(switches, (l) => l.product.specs.poePorts * l.line.quantity);
  const budget = sumOver(recorders, (l) => l.product.specs.poeBudgetW * l.line.quantity) + sumOver(switches, (l) => l.product.specs.poeBudgetW * l.line.quantity);
  const base = { id: `${view.site.id}:network:poe`, siteId: view.site.id, system: 'video' as const, topic: 'network' as const, title: 'PoE ports and power' };
  const need = `${count(cameras, 'PoE camera')} draw about ${Math.round(watts)} W`;
  if (ports >= cameras && budget >= watts) {
    return { ...base, status: 'pass', detail: `${need}; the recorder and switches give ${ports} PoE ports and ${budget} W.` };
  }
  const missingPorts = Math.max(0, cameras - ports);
  const missingWatts = Math.max(0, watts - budget);
  const options = view.data.catalog.ofType('switch').filter((s) => s.suits.includes(view.audience));
  const fit = (s: PoeSwitch) => Math.max(Math.ceil(missingPorts / s.specs.poePorts), Math.ceil(missingWatts / s.specs.poeBudgetW), 1);
  const choice = options.sort((a, b) => fit(a) * a.priceCents - fit(b) * b.priceCents)[0];
  return {
    ...base,
    status: 'problem',
    detail: `${need}; the recorder and switches give only ${ports} PoE ports and ${budget} W. Short: ${missingPorts} ports, ${Math.ceil(missingWatts)} W.`,
    ...(choice ? { suggestion: addSuggestion(view, choice, fit(choice), `Powers and connects the cameras the recorder has no room for.`) } : {}),
  };
}

/** Copper Ethernet stops at 100 m: longer estimated runs need a switch nearer the cameras or fibre. */
function cableRunCheck(view: SiteView): Check | null {
  const ethernet = view.lines.some(
    (l) =>
      'install' in l.product &&
      (l.product.install.cable === 'cat6' || l.product.install.cable === 'cat6-outdoor') &&
      connectionFor(l.product, l.line, view.site.conditions) === 'wired',
  );
  if (!ethernet) return null;
  const { settings, guidelines } = view.data;
  const runM = averageRunLengthM(view.site, settings);
  const length = (m: number) => formatLength(m, settings.units, settings.locale);
  const base = { id: `${view.site.id}:cabling:length`, siteId: view.site.id, system: 'video' as const, topic: 'cabling' as const, title: 'Network cable length' };
  if (runM <= guidelines.network.ethernetMaxM) {
    return { ...base, status: 'pass', detail: `Runs average about ${length(runM)}, within the ${length(guidelines.network.ethernetMaxM)} Ethernet limit.` };
  }
  return {
    ...base,
    status: 'warning',
    detail: `Runs on a site this size average about ${length(runM)}, over the ${length(guidelines.network.ethernetMaxM)} Ethernet limit: far cameras need a PoE switch closer to them (fed by fibre or a shorter run). The site survey settles where it goes.`,
  };
}

export function networkChecks(view: SiteView): Check[] {
  return [poeCheck(view), cableRunCheck(view)].filter((c): c is Check => c !== null);
}
