import type { Drive, Recorder } from '../catalog/product';
import { count, formatNumber } from '../units';
import { requiredRetentionDays } from '../premises/vocabulary';
import { storageNeededTb, type RecordingPlan } from '../video/storage';
import { cameraViewCheck } from './camera-view';
import { addSuggestion, cheapest, linesOfType, sumOver, type Check, type SiteView } from './check';

/** The site's own recording plan, else the days its requirements ask for, else the guidelines' default. */
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
