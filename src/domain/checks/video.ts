import type { Camera, Drive, Recorder } from '../catalog/product';
import type { Audience, Site } from '../configuration/configuration';
import type { SiteData } from '../site-data';
import { count, formatLength, formatNumber } from '../units';
import { requiredRetentionDays } from '../premises/premises';
import { lensSetting, purposeMet } from '../video/pixel-density';
import { storageNeededTb, type RecordingPlan } from '../video/storage';
import { purposeText as purposeWords } from '../wording';
import { addSuggestion, cheapest, linesOfType, sumOver, type Check, type ResolvedLine, type SiteView } from './check';

const ppm = (value: number) => `${Math.round(value)} px/m`;

/**
 * "The 4 MP turret camera with its 2.8 mm lens", "The 4K bullet camera, 2.8–12 mm zoom lens, zoomed to
 * 40°": the lens is named only when the product's name does not already say it.
 */
function cameraWords(camera: Camera, hfovDeg: number): string {
  const [wide, tele] = camera.specs.hfovDeg;
  if (wide !== tele) return `The ${camera.name}, zoomed to ${Math.round(hfovDeg)}°,`;
  return /\blens\b/i.test(camera.name) ? `The ${camera.name}` : `The ${camera.name} with its ${camera.specs.focalMm[0]} mm lens`;
}

/** Each camera view: the density the chosen camera achieves where the purpose asks for it. */
function cameraViewCheck(view: SiteView, { line, index, product }: ResolvedLine & { product: Camera }): Check | null {
  const target = line.view;
  if (!target) return null;
  const { guidelines, settings, catalog } = view.data;
  const length = (m: number) => formatLength(m, settings.units, settings.locale);
  const setting = lensSetting(product, target.purpose, target.distanceM, guidelines);
  const needed = guidelines.video.pixelDensity[target.purpose];
  const nightReachM = (product.specs.irRangeM * guidelines.video.irPlanningPercent) / 100;
  const outdoor = product.specs.weatherRating !== 'indoor';
  const dark = outdoor && nightReachM < target.distanceM;
  const base = {
    id: `${view.site.id}:view:${index}`,
    siteId: view.site.id,
    system: 'video' as const,
    topic: 'camera-view' as const,
    title: `${target.label}: ${purposeWords[target.purpose]} at ${length(target.distanceM)}`,
  };
  const achieved = `${cameraWords(product, setting.hfovDeg)} gives ${ppm(setting.ppm)} at ${length(target.distanceM)}; ${purposeWords[target.purpose]} needs ${ppm(needed)}.`;

  if (setting.meets && !dark) {
    return { ...base, status: 'pass', detail: achieved };
  }
  if (setting.meets) {
    return {
      ...base,
      status: 'warning',
      detail: `${achieved} At night its infrared lights about ${length(nightReachM)} well, less than the ${length(target.distanceM)} asked: add lighting at the spot or choose a camera with longer infrared.`,
    };
  }
  const met = purposeMet(setting.ppm, guidelines);
  const better = catalog
    .ofType('camera')
    .filter((c) => c.id !== product.id && (c.specs.weatherRating !== 'indoor') === outdoor && c.suits.includes(view.audience))
    .map((c) => ({ camera: c, setting: lensSetting(c, target.purpose, target.distanceM, guidelines) }))
    .filter((c) => c.setting.meets)
    .sort((a, b) => a.camera.priceCents - b.camera.priceCents)[0];
  return {
    ...base,
    status: 'warning',
    detail: `${achieved} That is enough to ${met ? purposeWords[met] : 'see movement only'}; this camera reaches ${ppm(needed)} up to ${length(setting.reachM)}.${better ? '' : ' Mount it closer or add a second camera nearer the spot.'}`,
    ...(better
      ? {
          suggestion: {
            label: `Swap to the ${better.camera.name} (${ppm(better.setting.ppm)})`,
            change: { action: 'swap' as const, siteId: view.site.id, lineIndex: index, productId: better.camera.id },
          },
        }
      : {}),
  };
}

/** The site's own recording plan, else the days its requirements ask for, else the guidelines' default. */
/**
 * The view check of one line as it is shown beside it, on its own: the swap dialog judges each option
 * with it without loading every other check.
 */
export function lineViewCheck(site: Site, lineIndex: number, audience: Audience, data: SiteData): Check | null {
  const line = site.lines[lineIndex];
  if (!line) return null;
  const product = data.catalog.get(line.productId);
  if (product?.type !== 'camera') return null;
  return cameraViewCheck({ site, audience, lines: [], data }, { line, index: lineIndex, product });
}

export function recordingPlan(view: SiteView): RecordingPlan {
  const retentionDays = requiredRetentionDays(view.site.conditions.requirements ?? []) ?? view.data.guidelines.video.retentionDays[view.audience];
  return view.site.recording ?? { retentionDays, mode: 'continuous' };
}

/** Most a recorder can hold: what it comes with plus its free bays filled with the largest drive they take. */
function recorderCapacityTb(recorder: Recorder, drives: Drive[]): number {
  const largest = Math.max(0, ...drives.filter((d) => d.specs.capacityTb <= recorder.specs.maxTbPerBay).map((d) => d.specs.capacityTb));
  const freeBays = recorder.specs.driveBays - (recorder.specs.includedTb > 0 ? 1 : 0);
  return recorder.specs.includedTb + freeBays * largest;
}

/** The least expensive recorder with the channels and room for the storage asked, when the fitted one has none. */
function roomierRecorder(view: SiteView, cameraCount: number, neededTb: number, current: Recorder): Recorder | undefined {
  const drives = view.data.catalog.ofType('drive');
  return view.data.catalog
    .ofType('recorder')
    .filter((r) => r.id !== current.id && r.suits.includes(view.audience) && r.specs.channels >= cameraCount && recorderCapacityTb(r, drives) >= neededTb)
    .sort((a, b) => a.priceCents - b.priceCents)[0];
}

/** Recorder channels, disk for the retention asked and incoming bandwidth. */
function recordingChecks(view: SiteView): Check[] {
  const cameras = linesOfType(view, 'camera').filter((l) => l.product.specs.recordsTo === 'recorder');
  const cameraCount = sumOver(cameras, (l) => l.line.quantity);
  if (cameraCount === 0) return [];
  const recorders = linesOfType(view, 'recorder');
  const drives = linesOfType(view, 'drive');
  const { catalog, settings } = view.data;
  const id = (what: string) => `${view.site.id}:recording:${what}`;
  const base = { siteId: view.site.id, system: 'video' as const, topic: 'recording' as const };
  const camerasWord = count(cameraCount, 'camera');

  if (recorders.length === 0) {
    const recorder = cheapest(catalog, 'recorder', (p) => (p as Recorder).specs.channels >= cameraCount && p.suits.includes(view.audience));
    return [
      {
        ...base,
        id: id('channels'),
        status: 'problem',
        title: 'No recorder for the cameras',
        detail: `${camerasWord} record to a network video recorder, and none is in the plan.`,
        ...(recorder ? { suggestion: addSuggestion(view, recorder, 1, `Records the ${camerasWord}.`) } : {}),
      },
    ];
  }

  const checks: Check[] = [];
  const channels = sumOver(recorders, (l) => l.product.specs.channels * l.line.quantity);
  const recorderLine = recorders[0]!;
  if (channels < cameraCount) {
    const bigger = cheapest(catalog, 'recorder', (p) => (p as Recorder).specs.channels >= cameraCount);
    checks.push({
      ...base,
      id: id('channels'),
      status: 'problem',
      title: 'Not enough recorder channels',
      detail: `${camerasWord} need ${cameraCount} channels; the recorders have ${channels}.`,
      ...(bigger
        ? { suggestion: { label: `Swap to the ${bigger.name} (${(bigger as Recorder).specs.channels} channels)`, change: { action: 'swap', siteId: view.site.id, lineIndex: recorderLine.index, productId: bigger.id } } }
        : {}),
    });
  } else {
    checks.push({ ...base, id: id('channels'), status: 'pass', title: 'Recorder channels', detail: `${camerasWord} on ${channels} channels.` });
  }

  const plan = recordingPlan(view);
  const totalMbps = sumOver(cameras, (l) => l.product.specs.bitrate.mbps * l.line.quantity);
  const neededTb = storageNeededTb(totalMbps, plan, view.data.guidelines);
  const fittedTb = sumOver(recorders, (l) => l.product.specs.includedTb * l.line.quantity) + sumOver(drives, (l) => l.product.specs.capacityTb * l.line.quantity);
  const tb = (value: number) => `${formatNumber(value, settings.locale, 1)} TB`;
  const needWords = `${plan.retentionDays} days of ${plan.mode === 'continuous' ? 'continuous' : 'motion'} recording at ${Math.round(totalMbps * 10) / 10} Mbps needs about ${tb(neededTb)} (with headroom)`;
  if (fittedTb >= neededTb) {
    checks.push({ ...base, id: id('storage'), status: 'pass', title: 'Recording storage', detail: `${needWords}; ${tb(fittedTb)} is fitted.` });
  } else {
    const bays = sumOver(recorders, (l) => l.product.specs.driveBays * l.line.quantity);
    const usedBays = sumOver(drives, (l) => l.line.quantity) + sumOver(recorders, (l) => (l.product.specs.includedTb > 0 ? l.line.quantity : 0));
    const freeBays = bays - usedBays;
    const shortTb = neededTb - fittedTb;
    const drive = catalog
      .ofType('drive')
      .map((d) => ({ drive: d, units: Math.ceil(shortTb / d.specs.capacityTb) }))
      .filter((d) => d.units <= freeBays && d.drive.specs.capacityTb <= recorderLine.product.specs.maxTbPerBay)
      .sort((a, b) => a.units * a.drive.priceCents - b.units * b.drive.priceCents)[0];
    const roomier = drive ? undefined : roomierRecorder(view, cameraCount, neededTb, recorderLine.product);
    const noBay = roomier ? ` The recorder has no free bay for enough drives: the ${roomier.name} has room for them.` : ' The recorder has no free bay for enough drives: choose a recorder with more bays or keep fewer days.';
    checks.push({
      ...base,
      id: id('storage'),
      status: 'warning',
      title: 'Not enough recording storage',
      detail: `${needWords}; only ${tb(fittedTb)} is fitted.${drive ? '' : noBay}`,
      ...(drive ? { suggestion: addSuggestion(view, drive.drive as Drive, drive.units, `Holds ${plan.retentionDays} days of recording.`) } : {}),
      ...(roomier
        ? { suggestion: { label: `Swap to the ${roomier.name} (${roomier.specs.driveBays} drive bays)`, change: { action: 'swap' as const, siteId: view.site.id, lineIndex: recorderLine.index, productId: roomier.id } } }
        : {}),
    });
  }

  const maxMbps = sumOver(recorders, (l) => l.product.specs.maxIncomingMbps * l.line.quantity);
  if (totalMbps > maxMbps) {
    checks.push({
      ...base,
      id: id('bandwidth'),
      status: 'warning',
      title: 'Recorder bandwidth',
      detail: `The cameras send about ${Math.round(totalMbps)} Mbps; the recorders take ${maxMbps} Mbps. Choose a larger recorder or lower the bitrate.`,
    });
  }
  return checks;
}

export function videoChecks(view: SiteView): Check[] {
  const views = linesOfType(view, 'camera').flatMap((l) => cameraViewCheck(view, l) ?? []);
  return [...views, ...recordingChecks(view)];
}
