import type { Catalog } from '../catalog/catalog';
import { groupOfRole, type SystemId } from '../catalog/roles';
import type { Configuration, Line } from './configuration';

/**
 * Pure edits of a business configuration's phase plan (install in stages, each with a budget), apart
 * from the other edits (edit.ts) because only the phase planner uses them.
 */

const cleanBudget = (cents: number) => Math.max(0, Math.min(1_000_000_000, Math.round(Number.isFinite(cents) ? cents : 0)));

/** Adds a phase (at most 12) with a budget in cents; 0 means no budget. */
export function addPhase(config: Configuration, name: string, budgetCents = 0): Configuration {
  if (config.phases.length >= 12) return config;
  const phase = { name: name.trim().slice(0, 60) || `Phase ${config.phases.length + 1}`, budgetCents: cleanBudget(budgetCents) };
  return { ...config, phases: [...config.phases, phase] };
}

/** Renames a phase (0-based index) or changes its budget. */
export function updatePhase(config: Configuration, index: number, patch: { name?: string; budgetCents?: number }): Configuration {
  return {
    ...config,
    phases: config.phases.map((phase, i) => {
      if (i !== index) return phase;
      const name = patch.name?.trim().slice(0, 60);
      return { name: name || phase.name, budgetCents: patch.budgetCents === undefined ? phase.budgetCents : cleanBudget(patch.budgetCents) };
    }),
  };
}

/**
 * Removes a phase (0-based index). Its lines become unphased and later phases move up one, so every
 * line keeps pointing at the phase it was in.
 */
export function removePhase(config: Configuration, index: number): Configuration {
  if (index < 0 || index >= config.phases.length) return config;
  const removed = index + 1;
  return {
    ...config,
    phases: config.phases.filter((_, i) => i !== index),
    sites: config.sites.map((site) => ({
      ...site,
      lines: site.lines.map(({ phase, ...line }) => {
        if (phase === undefined || phase === removed) return line;
        return { ...line, phase: phase > removed ? phase - 1 : phase };
      }),
    })),
  };
}

/**
 * Puts every line of one system, on every site, in a phase (undefined: in none), so a system is phased
 * in one step; a line can still be moved on its own afterwards.
 */
export function setSystemPhase(config: Configuration, system: SystemId, phase: number | undefined, catalog: Catalog): Configuration {
  const inSystem = (line: Line) => {
    const product = catalog.get(line.productId);
    return product !== undefined && groupOfRole(product.role) === system;
  };
  return {
    ...config,
    sites: config.sites.map((site) => ({
      ...site,
      lines: site.lines.map((line) => {
        if (!inSystem(line)) return line;
        const { phase: _old, ...rest } = line;
        return phase ? { ...rest, phase } : rest;
      }),
    })),
  };
}

/** The phase every line of a system is in: a number, undefined for none, or 'mixed' when its lines differ. */
export function systemPhase(config: Configuration, system: SystemId, catalog: Catalog): number | undefined | 'mixed' {
  const phases = new Set(
    config.sites.flatMap((site) =>
      site.lines.flatMap((line) => {
        const product = catalog.get(line.productId);
        return product && groupOfRole(product.role) === system ? [line.phase] : [];
      }),
    ),
  );
  return phases.size > 1 ? 'mixed' : [...phases][0];
}
