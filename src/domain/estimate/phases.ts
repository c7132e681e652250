import type { Configuration } from '../configuration/configuration';
import { addRanges, type Range } from '../money';
import { estimate, type EstimateData } from './estimate';

/**
 * Businesses can split the work into phases, each with a budget. A phase is priced as its own job:
 * the configuration filtered to the phase's lines, so it carries its own labor, cable, travel and
 * minimum charge (each phase is a separate visit). Monitoring plans are not part of any phase.
 */

export const budgetStatuses = ['no-budget', 'within', 'may-exceed', 'over'] as const;
export type BudgetStatus = (typeof budgetStatuses)[number];

export interface PhaseTotal {
  /** 1-based phase number, or null for lines not yet in a phase. */
  phase: number | null;
  name: string;
  budgetCents: number;
  oneTime: Range;
  /** Units on the phase's lines, across sites. */
  units: number;
  status: BudgetStatus;
}

/** The configuration cut down to one phase's lines (null: lines in no phase); sites left empty are dropped. */
export function configurationForPhase(config: Configuration, phase: number | null): Configuration {
  const sites = config.sites
    .map(({ planId: _plan, ...site }) => ({ ...site, lines: site.lines.filter((line) => (line.phase ?? null) === phase) }))
    .filter((site) => site.lines.length > 0);
  return { ...config, sites };
}

export function budgetStatus(total: Range, budgetCents: number): BudgetStatus {
  if (budgetCents <= 0) return 'no-budget';
  if (total.high <= budgetCents) return 'within';
  return total.low > budgetCents ? 'over' : 'may-exceed';
}

/**
 * Each phase's one-time total (with tax) against its budget, in phase order, then the lines in no
 * phase when there are any. Empty when the configuration has no phases.
 */
export function phaseTotals(config: Configuration, data: EstimateData, options: { today: string }): PhaseTotal[] {
  if (config.phases.length === 0) return [];
  const total = (phase: number | null) => {
    const part = configurationForPhase(config, phase);
    const units = part.sites.reduce((sum, site) => sum + site.lines.reduce((n, line) => n + line.quantity, 0), 0);
    const oneTime = part.sites.length ? estimate(part, data, options).oneTime : { low: 0, high: 0 };
    return { oneTime, units };
  };
  const rows: PhaseTotal[] = config.phases.map((p, i) => {
    const { oneTime, units } = total(i + 1);
    return { phase: i + 1, name: p.name, budgetCents: p.budgetCents, oneTime, units, status: budgetStatus(oneTime, p.budgetCents) };
  });
  const rest = total(null);
  if (rest.units > 0) rows.push({ phase: null, name: 'Not in a phase yet', budgetCents: 0, ...rest, status: 'no-budget' });
  return rows;
}

/** What the work costs one-time when done phase by phase: every row's own total (phases, then unphased lines). */
export function phasedOneTime(totals: PhaseTotal[]): Range {
  return addRanges(...totals.map((t) => t.oneTime));
}
