import type { AlarmPanel, DoorController, DoorLock } from '../catalog/product';
import { count } from '../units';
import { addSuggestion, linesOfType, productToSuggest, sumOver, unitsInRole, type Check, type SiteView } from './check';

/** Sensors need a panel with room for them; keypads are limited per panel. */
function intrusionChecks(view: SiteView): Check[] {
  const sensors = unitsInRole(view, 'entry-contact', 'motion-sensor', 'glass-break');
  const panels = linesOfType(view, 'alarm-panel');
  if (sensors === 0 && panels.length === 0) return [];
  const base = { siteId: view.site.id, system: 'intrusion' as const, topic: 'intrusion' as const };
  if (panels.length === 0) {
    const panel = productToSuggest(view, 'alarm-panel', (p) => (p as AlarmPanel).specs.maxZones >= sensors);
    return [{ ...base, id: `${view.site.id}:intrusion:panel`, status: 'problem', title: 'No alarm panel', detail: `${count(sensors, 'sensor')} report to an alarm panel; none is in the plan.`, ...(panel ? { suggestion: addSuggestion(view, panel, 1, 'Every sensor reports to it.') } : {}) }];
  }
  const zones = sumOver(panels, (l) => l.product.specs.maxZones * l.line.quantity);
  const keypads = unitsInRole(view, 'keypad');
  const maxKeypads = sumOver(panels, (l) => l.product.specs.maxKeypads * l.line.quantity);
  const checks: Check[] = [];
  if (sensors > zones) {
    const bigger = productToSuggest(view, 'alarm-panel', (p) => (p as AlarmPanel).specs.maxZones >= sensors && p.id !== panels[0]!.product.id);
    checks.push({ ...base, id: `${view.site.id}:intrusion:zones`, status: 'problem', title: 'Not enough alarm zones', detail: `${count(sensors, 'sensor')} need ${sensors} zones; the panel takes ${zones}.`, ...(bigger ? { suggestion: { label: `Swap to the ${bigger.name} (${(bigger as AlarmPanel).specs.maxZones} zones)`, change: { action: 'swap', siteId: view.site.id, lineIndex: panels[0]!.index, productId: bigger.id } } } : {}) });
  } else {
    checks.push({ ...base, id: `${view.site.id}:intrusion:zones`, status: 'pass', title: 'Alarm zones', detail: `${count(sensors, 'sensor')} on a panel with ${zones} zones.` });
  }
  if (keypads > maxKeypads) {
    checks.push({ ...base, id: `${view.site.id}:intrusion:keypads`, status: 'warning', title: 'Too many keypads', detail: `The panel supports ${maxKeypads} keypads; the plan has ${keypads}.` });
  }
  return checks;
}

/** Maglocks hold doors shut electrically, so each needs a request-to-exit device; controllers need a port per door. */
function accessChecks(view: SiteView): Check[] {
  const locks = linesOfType(view, 'door-lock').filter((l) => l.product.role === 'door-lock');
  const doors = Math.max(sumOver(locks, (l) => l.line.quantity), unitsInRole(view, 'reader'));
  if (doors === 0) return [];
  const base = { siteId: view.site.id, system: 'access' as const, topic: 'access' as const };
  const checks: Check[] = [];
  const needExit = sumOver(locks.filter((l) => (l.product as DoorLock).specs.needsExitRequest), (l) => l.line.quantity);
  const exitDevices = unitsInRole(view, 'exit-request');
  if (needExit > 0) {
    if (exitDevices >= needExit) {
      checks.push({ ...base, id: `${view.site.id}:access:egress`, status: 'pass', title: 'Free exit from maglocked doors', detail: `${count(needExit, 'maglock')}, ${count(exitDevices, 'request-to-exit device')}.` });
    } else {
      const rex = productToSuggest(view, 'exit-request');
      checks.push({ ...base, id: `${view.site.id}:access:egress`, status: 'problem', title: 'Maglocks without request-to-exit', detail: `${count(needExit, 'maglock')} but only ${count(exitDevices, 'request-to-exit device')}: people must always be able to leave, so every maglocked door needs one (and a fire alarm release).`, ...(rex ? { suggestion: addSuggestion(view, rex, needExit - exitDevices, 'Free exit from every maglocked door.') } : {}) });
    }
  }
  const controllers = linesOfType(view, 'door-controller');
  const ports = sumOver(controllers, (l) => l.product.specs.doors * l.line.quantity);
  if (ports >= doors) {
    checks.push({ ...base, id: `${view.site.id}:access:controllers`, status: 'pass', title: 'Door controllers', detail: `${count(doors, 'door')} on controllers for ${ports}.` });
  } else {
    const controller = productToSuggest(view, 'door-controller');
    const perUnit = controller ? (controller as DoorController).specs.doors : 1;
    checks.push({ ...base, id: `${view.site.id}:access:controllers`, status: 'problem', title: 'Not enough door controller ports', detail: `${count(doors, 'door')} but controllers for ${ports}.`, ...(controller ? { suggestion: addSuggestion(view, controller, Math.ceil((doors - ports) / perUnit), 'A controller port for every door.') } : {}) });
  }
  return checks;
}

export function systemChecks(view: SiteView): Check[] {
  return [...intrusionChecks(view), ...accessChecks(view)];
}
