import { describe, expect, it } from 'vitest';
import { setLine } from '../configuration/edit';
import { addPhase } from '../configuration/phase-plan';
import { fixtureConfig, fixtureData, fixtureSite } from '../fixtures';
import { estimate } from './estimate';
import { formatRange } from '../money';
import { phasingText } from '../wording';
import { budgetStatus, configurationForPhase, phasedOneTime, phaseTotals } from './phases';

const today = '2026-11-23';

const config = () => {
  let c = fixtureConfig(
    [
      fixtureSite([{ productId: 'cam', quantity: 2 }, { productId: 'nvr', quantity: 1 }, { productId: 'contact', quantity: 4 }], { planId: 'plan-36' }),
      fixtureSite([{ productId: 'smoke', quantity: 3 }], { id: 'site-2', name: 'Shop' }),
    ],
    { audience: 'business' },
  );
  c = addPhase(addPhase(c, 'Cameras', 200_000), 'Alarms', 10_000);
  c = setLine(c, 'site-1', 0, { phase: 1 });
  c = setLine(c, 'site-1', 1, { phase: 1 });
  return setLine(c, 'site-1', 2, { phase: 2 });
};

describe('configurationForPhase', () => {
  it('keeps only the phase lines, drops empty sites and plans', () => {
    const first = configurationForPhase(config(), 1);
    expect(first.sites).toHaveLength(1);
    expect(first.sites[0]!.lines.map((l) => l.productId)).toEqual(['cam', 'nvr']);
    expect(first.sites[0]).not.toHaveProperty('planId');
    const rest = configurationForPhase(config(), null);
    expect(rest.sites.map((s) => s.id)).toEqual(['site-2']);
  });
});

describe('phaseTotals', () => {
  it('prices each phase as its own job, then the unphased lines', () => {
    const rows = phaseTotals(config(), fixtureData, { today });
    expect(rows.map((r) => [r.phase, r.name, r.units])).toEqual([[1, 'Cameras', 3], [2, 'Alarms', 4], [null, 'Not in a phase yet', 3]]);
    const first = estimate(configurationForPhase(config(), 1), fixtureData, { today }).oneTime;
    expect(rows[0]!.oneTime).toEqual(first);
    expect(rows[0]!.status).toBe(budgetStatus(first, 200_000));
    // $100 cannot cover four contacts with labor and the minimum charge.
    expect(rows[1]!.status).toBe('over');
  });

  it('is empty without phases and leaves out an empty unphased row', () => {
    expect(phaseTotals(fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }])]), fixtureData, { today })).toEqual([]);
    const all = setLine(config(), 'site-2', 0, { phase: 2 });
    const rows = phaseTotals(all, fixtureData, { today });
    expect(rows.map((r) => r.phase)).toEqual([1, 2]);
  });

  it('gives an empty phase a zero total', () => {
    const rows = phaseTotals(addPhase(config(), 'Later', 5000), fixtureData, { today });
    expect(rows[2]).toMatchObject({ phase: 3, units: 0, oneTime: { low: 0, high: 0 }, status: 'within' });
  });
});

describe('budgetStatus', () => {
  it('compares both ends of the range with the budget', () => {
    expect(budgetStatus({ low: 100, high: 200 }, 0)).toBe('no-budget');
    expect(budgetStatus({ low: 100, high: 200 }, 200)).toBe('within');
    expect(budgetStatus({ low: 100, high: 200 }, 150)).toBe('may-exceed');
    expect(budgetStatus({ low: 100, high: 200 }, 99)).toBe('over');
  });
});

describe('phasing words', () => {
  it('give what the phases cost together beside the one-visit total, as each phase carries its own travel and minimum charge', () => {
    const f = { currency: fixtureData.settings.currency, locale: fixtureData.settings.locale };
    const totals = phaseTotals(config(), fixtureData, { today });
    const phased = phasedOneTime(totals);
    const oneVisit = estimate(config(), fixtureData, { today }).oneTime;
    expect(phased).toEqual({ low: totals.reduce((s, t) => s + t.oneTime.low, 0), high: totals.reduce((s, t) => s + t.oneTime.high, 0) });
    expect(phased.low).toBeGreaterThan(oneVisit.low);
    const text = phasingText(phased, oneVisit, totals.length, f);
    expect(text).toContain(`In 3 separate visits the one-time cost comes to ${formatRange(phased, f.currency, f.locale)}`);
    expect(text).toContain(`against ${formatRange(oneVisit, f.currency, f.locale)} for everything in one visit`);
    expect(phasingText(oneVisit, oneVisit, 2, f)).toBe(`In 2 visits or in one, the one-time cost is the same: ${formatRange(oneVisit, f.currency, f.locale)}.`);
  });
});
