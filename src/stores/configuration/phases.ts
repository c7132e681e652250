import type { Catalog } from '~/domain/catalog/catalog';
import type { SystemId } from '~/domain/catalog/roles';
import * as plan from '~/domain/configuration/phase-plan';
import { $configuration } from './state';
import { change, removing } from './undo';

/** The phase planner's edits (a business configuration installed in stages), apart so only the planner loads them. Removing a phase can be undone. */

export const addNewPhase = (name: string, budgetCents: number) => change((c) => plan.addPhase(c, name, budgetCents));
export const changePhase = (index: number, patch: { name?: string; budgetCents?: number }) => change((c) => plan.updatePhase(c, index, patch));
export const setSystemPhase = (system: SystemId, phase: number | undefined, catalog: Catalog) => change((c) => plan.setSystemPhase(c, system, phase, catalog));

export function removePhaseAt(index: number): void {
  const name = $configuration.get()?.phases[index]?.name ?? 'the phase';
  removing(`Removed ${name}.`, (c) => plan.removePhase(c, index));
}
