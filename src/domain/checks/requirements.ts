import type { MonitoringPlan } from '../catalog/product';
import { requiredRetentionDays, type Requirement } from '../premises/vocabulary';
import { count } from '../units';
import { linesOfType, sumOver, unitsInRole, type Check, type SiteView } from './check';
import { recordingPlan } from './video';

/**
 * The requirements a business stated (fire code, insurer, retention, door audit), each held by a check
 * of its own: a design that no longer meets one says so, whatever was edited.
 */

type RequirementCheck = Pick<Check, 'system' | 'status' | 'title' | 'detail'>;

function monitoringPlan(view: SiteView): MonitoringPlan | undefined {
  const plan = view.site.planId ? view.data.catalog.get(view.site.planId) : undefined;
  return plan?.type === 'monitoring-plan' ? plan : undefined;
}

function retention(view: SiteView): RequirementCheck {
  const plan = recordingPlan(view);
  const required = requiredRetentionDays(view.site.conditions.requirements ?? []) ?? 0;
  const cameras = sumOver(linesOfType(view, 'camera'), (l) => l.line.quantity);
  const base = { system: 'video' as const, title: `Video kept for ${required} days, as required` };
  if (cameras === 0) return { ...base, status: 'problem', detail: `The site must keep ${required} days of video, and no camera is in the plan.` };
  if (plan.retentionDays < required) {
    return { ...base, status: 'warning', detail: `Recording is set to keep ${plan.retentionDays} days; the requirement is ${required}. Set the recording to ${required} days: the storage check then sizes the drives for it.` };
  }
  return { ...base, status: 'pass', detail: `Recording keeps ${plan.retentionDays} days, and the storage check sizes the recorder's drives for that.` };
}

function insurerMonitoring(view: SiteView): RequirementCheck {
  const plan = monitoringPlan(view);
  const base = { system: 'intrusion' as const, title: 'Monitored alarm, as the insurer requires' };
  if (unitsInRole(view, 'alarm-panel') === 0) return { ...base, status: 'problem', detail: 'The insurer requires a monitored alarm, and no alarm panel is in the plan.' };
  if (!plan?.specs.monitors.includes('intrusion')) return { ...base, status: 'warning', detail: 'The insurer requires a monitored alarm: choose a monitoring plan that watches the intrusion alarm.' };
  return { ...base, status: 'pass', detail: `The ${plan.name} watches the intrusion alarm around the clock.` };
}

function fireCode(view: SiteView): RequirementCheck {
  const plan = monitoringPlan(view);
  const base = { system: 'fire' as const, title: 'Fire alarm system, as the fire code requires' };
  if (unitsInRole(view, 'fire-panel') === 0) return { ...base, status: 'problem', detail: 'The fire code requires a fire alarm system, and no fire alarm control panel is in the plan.' };
  if (!plan?.specs.monitors.includes('fire')) return { ...base, status: 'warning', detail: 'A fire alarm the code requires must report to a monitoring center: choose a monitoring plan that watches fire.' };
  return { ...base, status: 'pass', detail: `A fire alarm control panel, reporting to the ${plan.name}.` };
}

function accessAudit(view: SiteView): RequirementCheck {
  const readers = unitsInRole(view, 'reader');
  const copyable = sumOver(linesOfType(view, 'credential').filter((l) => !l.product.specs.cloneResistant), (l) => l.line.quantity);
  const base = { system: 'access' as const, title: 'A record of who opened which door, as required' };
  if (readers === 0) return { ...base, status: 'problem', detail: 'The site needs a record of who opened which door, and no door has a reader.' };
  if (copyable > 0) {
    return { ...base, status: 'warning', detail: `${count(copyable, 'credential')} can be copied, so the record cannot prove who opened a door: choose smart cards or mobile credentials.` };
  }
  return { ...base, status: 'pass', detail: `${count(readers, 'reader')} log every opening, with credentials that cannot be copied.` };
}

/** Typed by requirement, so a requirement added to the domain cannot go unchecked. */
const requirementChecks: Record<Requirement, (view: SiteView) => RequirementCheck> = {
  'fire-alarm-code': fireCode,
  'insurer-monitoring': insurerMonitoring,
  'video-retention-90': retention,
  'access-audit': accessAudit,
};

export function siteRequirementChecks(view: SiteView): Check[] {
  return (view.site.conditions.requirements ?? []).map((requirement) => ({
    id: `${view.site.id}:requirement:${requirement}`,
    siteId: view.site.id,
    topic: 'requirement' as const,
    ...requirementChecks[requirement](view),
  }));
}
