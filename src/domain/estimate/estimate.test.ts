import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import { fixtureConfig, fixtureData, fixtureSite } from '../fixtures';
import { estimate, type EstimateLine } from './estimate';

const today = '2026-11-23';
const run = (...args: Parameters<typeof fixtureSite>) => estimate(fixtureConfig([fixtureSite(...args)]), fixtureData, { today });
const lineOf = (lines: EstimateLine[], kind: EstimateLine['kind'], productId?: string) =>
  lines.find((l) => l.kind === kind && (productId === undefined || l.productId === productId))!;

describe('a small camera system on an open-access home', () => {
  const result = run([{ productId: 'cam', quantity: 2 }, { productId: 'nvr', quantity: 1 }]);
  const site = result.sites[0]!;

  it('prices equipment at catalog prices with no range', () => {
    expect(lineOf(site.lines, 'equipment', 'cam').amount).toEqual({ low: 40000, high: 40000 });
    expect(lineOf(site.lines, 'equipment', 'nvr').amount).toEqual({ low: 30000, high: 30000 });
  });

  it('prices labor from install minutes, the hourly rate and the spread', () => {
    // 2 × 120 + 60 = 300 min; low −10 % = 270 min, high +20 % = 360 min at $60/h, all whole 6-minute steps.
    const labor = lineOf(site.lines, 'labor');
    expect(labor.amount).toEqual({ low: 27000, high: 36000 });
    expect(labor.reason).toContain('5 hours');
    expect(labor.reason).toContain('2 outdoor cameras');
  });

  it('prices cable by estimated run length plus fittings per run', () => {
    // 3 runs × 20 m = 60 m at $1/m ±20 %, plus 3 × $5 fittings.
    expect(lineOf(site.lines, 'materials', 'cat6').amount).toEqual({ low: 6300, high: 8700 });
    expect(lineOf(site.lines, 'materials', 'cat6').reason).toContain('3 cable runs of about 20 m');
  });

  it('charges travel per technician-day in the zone of the ZIP code', () => {
    expect(lineOf(site.lines, 'travel').amount).toEqual({ low: 5000, high: 5000 });
    expect(site.travelZone).toEqual({ id: 'near', name: 'Near', assumed: false });
  });

  it('taxes equipment and materials at one rate and work at another, to the cent', () => {
    // equipment 76 300 / 78 700 at 10 %; work 32 000 / 41 000 at 5 %.
    expect(site.tax).toEqual({ low: 7630 + 1600, high: 7870 + 2050 });
    expect(site.subtotal).toEqual({ low: 108300, high: 119700 });
    expect(site.oneTime).toEqual({ low: 117530, high: 129620 });
    expect(result.oneTime).toEqual(site.oneTime);
  });

  it('takes one technician a few hours', () => {
    expect(site.duration).toEqual({ hours: { low: 4.5, high: 6 }, technicians: { low: 1, high: 1 }, days: { low: 1, high: 1 } });
  });
});

describe('the minimum charge', () => {
  it('tops the work of a tiny job up to the minimum, taxed as work', () => {
    const site = run([{ productId: 'smoke', quantity: 1 }]).sites[0]!;
    // labor 13.5 / 18 min, both billed as 18 min (6-minute steps) = $18, travel $50: work $68, topped up to $150.
    expect(site.minimumTopUp).toEqual({ atLow: 8200, atHigh: 8200 });
    expect(site.subtotal).toEqual({ low: 21000, high: 21000 });
    expect(site.tax).toEqual({ low: 600 + 750, high: 600 + 750 });
  });

  it('does not apply to an empty site', () => {
    const site = run([]).sites[0]!;
    expect(site.oneTime).toEqual({ low: 0, high: 0 });
    expect(site.lines).toEqual([]);
  });
});

describe('site conditions', () => {
  it('installs a device that can go either way wireless behind finished walls', () => {
    const site = run([{ productId: 'contact', quantity: 2 }], {
      conditions: { storeys: 1, floorAreaM2: 100, ceilingHeightM: 2.5, wiringAccess: 'finished' },
    }).sites[0]!;
    // 2 × 12 = 24 min; low 21.6 → 24 min, high 28.8 → 30 min (billed in whole 6-minute steps, rounded up).
    expect(lineOf(site.lines, 'labor').amount).toEqual({ low: 2400, high: 3000 });
    expect(site.lines.some((l) => l.kind === 'materials')).toBe(false);
  });

  it('lengthens and widens wired work behind finished walls and names why', () => {
    const site = run([{ productId: 'contact', quantity: 2, connection: 'wired' }], {
      conditions: { storeys: 1, floorAreaM2: 100, ceilingHeightM: 2.5, wiringAccess: 'finished' },
    }).sites[0]!;
    // 2 × 45 × 1.5 = 135 min; low 121.5 → 126 min, high 135 + √(27² + 40.5²) = 183.7 → 186 min.
    const labor = lineOf(site.lines, 'labor');
    expect(labor.amount).toEqual({ low: 12600, high: 18600 });
    expect(labor.drivers.map((d) => d.label)).toEqual(['Time varies', 'Finished walls']);
  });

  it('adds high-ceiling time to wireless work too, and stories above the second to wired runs', () => {
    const site = run([{ productId: 'smoke', quantity: 4 }, { productId: 'cam', quantity: 1 }], {
      conditions: { storeys: 4, floorAreaM2: 400, ceilingHeightM: 4, wiringAccess: 'open' },
    }).sites[0]!;
    const fire = site.lines.find((l) => l.kind === 'labor' && l.system === 'fire')!;
    const video = site.lines.find((l) => l.kind === 'labor' && l.system === 'video')!;
    expect(fire.drivers.map((d) => d.label)).toEqual(['Time varies', 'High ceilings']);
    expect(video.drivers.map((d) => d.label)).toEqual(['Time varies', 'High ceilings', 'Extra story']);
    // 120 × (1 + 0.25 + 0.10) = 162 min; high 162 + √(32.4² + 16.2² + 16.2²) = 201.7 → 204 min.
    expect(video.amount.high).toBe(20400);
    // runs: 10 + 5 × 3 + √400 = 45 m.
    expect(lineOf(site.lines, 'materials').reason).toContain('about 45 m');
  });

  it('charges the business rate for businesses', () => {
    const config = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }])], { audience: 'business' });
    const labor = lineOf(estimate(config, fixtureData, { today }).sites[0]!.lines, 'labor');
    expect(labor.amount).toEqual({ low: 16200, high: 21600 }); // 108 / 144 min at $90/h
  });
});

describe('reused equipment', () => {
  it('charges no equipment for reused units, half the labor and no new cable', () => {
    const site = run([{ productId: 'cam', quantity: 2, reused: 1 }]).sites[0]!;
    expect(lineOf(site.lines, 'equipment').amount).toEqual({ low: 20000, high: 20000 });
    expect(lineOf(site.lines, 'equipment').reason).toContain('1 of 2 already on site and reused');
    // 120 + 60 = 180 min; low 162; high 180 + √(36² + 30²) = 226.9 → 228.
    expect(lineOf(site.lines, 'labor').amount).toEqual({ low: 16200, high: 22800 });
    expect(lineOf(site.lines, 'labor').drivers.map((d) => d.label)).toContain('Reused equipment');
    expect(lineOf(site.lines, 'materials').quantity).toBe(1);
  });
});

describe('services and permits', () => {
  it('prices permits with their own range and passes them through untaxed', () => {
    const site = run([{ productId: 'permit', quantity: 1 }, { productId: 'panel', quantity: 1 }]).sites[0]!;
    const permit = lineOf(site.lines, 'permit');
    expect(permit.amount).toEqual({ low: 10000, high: 15000 });
    expect(permit.taxClass).toBe('exempt');
    expect(permit.drivers[0]!.label).toMatch(/town or county/);
  });

  it('counts service time on site without billing it as labor', () => {
    const site = run([{ productId: 'handover', quantity: 2 }]).sites[0]!;
    expect(lineOf(site.lines, 'service').amount).toEqual({ low: 24000, high: 24000 });
    expect(site.lines.some((l) => l.kind === 'labor')).toBe(false);
    expect(site.duration.hours).toEqual({ low: 2, high: 2 });
  });
});

describe('travel zones', () => {
  const travelFor = (postalCode?: string) =>
    run([{ productId: 'cam', quantity: 1 }], {
      conditions: { storeys: 1, floorAreaM2: 100, ceilingHeightM: 2.5, wiringAccess: 'open', ...(postalCode ? { postalCode } : {}) },
    }).sites[0]!;

  it('uses the longest matching postal prefix', () => {
    expect(travelFor('21145').travelZone.id).toBe('farther');
    expect(lineOf(travelFor('21145').lines, 'travel').amount).toEqual({ low: 9000, high: 9000 });
    expect(travelFor('20001').travelZone.id).toBe('far');
  });

  it('assumes the fallback zone without a ZIP code and widens the line', () => {
    const site = travelFor();
    expect(site.travelZone).toEqual({ id: 'far', name: 'Far', assumed: true });
    expect(lineOf(site.lines, 'travel').amount).toEqual({ low: 7000, high: 14000 });
    expect(lineOf(site.lines, 'travel').drivers[0]!.label).toMatch(/No ZIP code/);
  });
});

describe('monitoring plans', () => {
  it('shows the term, its end date and the total over the term', () => {
    const config = fixtureConfig([fixtureSite([{ productId: 'panel', quantity: 1 }], { planId: 'plan-36' })], { startDate: '2026-12-01' });
    const result = estimate(config, fixtureData, { today });
    const plan = result.sites[0]!.plan!;
    expect(plan).toMatchObject({ monthlyCents: 3000, termMonths: 36, monthsCounted: 36, startDate: '2026-12-01', endDate: '2029-11-30', earlyTerminationPercent: 50 });
    expect(plan.cancellation).toMatch(/30 days notice/);
    expect(plan.totalOverTerm.low).toBe(result.oneTime.low + 108000);
    expect(result.totalOverTerm).toEqual(plan.totalOverTerm);
    expect(result.monthlyCents).toBe(3000);
  });

  it('counts the first year of a month-to-month plan and its activation fee', () => {
    const result = run([{ productId: 'panel', quantity: 1 }], { planId: 'plan-monthly' });
    const site = result.sites[0]!;
    expect(site.plan).toMatchObject({ termMonths: 0, monthsCounted: 12, endDate: null, startDate: today });
    expect(lineOf(site.lines, 'service', 'plan-monthly').amount).toEqual({ low: 4900, high: 4900 });
    expect(result.totalOverTerm.high).toBe(result.oneTime.high + 48000);
  });
});

describe('several sites', () => {
  it('rolls totals and durations up across sites', () => {
    const big = Array.from({ length: 6 }, (_, i) => ({ productId: i % 2 ? 'cam' : 'cam-best', quantity: 4 }));
    const config = fixtureConfig(
      [fixtureSite(big, { id: 'a', name: 'A' }), fixtureSite([{ productId: 'smoke', quantity: 3 }], { id: 'b', name: 'B' })],
      { audience: 'business' },
    );
    const result = estimate(config, fixtureData, { today });
    const [a, b] = result.sites;
    expect(result.oneTime).toEqual({ low: a!.oneTime.low + b!.oneTime.low, high: a!.oneTime.high + b!.oneTime.high });
    // 24 cameras × 120 min = 48 h expected, 43.2 to 57.6 h: 2 technicians for 3 days at the low end
    // (a crew of 2 needs 3 days, and 2 fill them), a crew of 3 for 3 days at the high end.
    expect(a!.duration).toMatchObject({ technicians: { low: 2, high: 3 }, days: { low: 3, high: 3 } });
    expect(result.duration.days.low).toBe(a!.duration.days.low + b!.duration.days.low);
  });

  it('is deterministic', () => {
    const config = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 3 }, { productId: 'permit', quantity: 1 }])]);
    expect(estimate(config, fixtureData, { today })).toEqual(estimate(structuredClone(config), fixtureData, { today }));
  });
});

describe('hard-wired interconnected alarms over the shipped catalog', () => {
  const data = loadData();
  const chained = data.catalog.products.filter((p) => p.type === 'life-safety-alarm' && p.specs.interconnect === 'wired');

  it.each(chained.map((p) => [p.id]))('daisy-chains %s: one run to the first alarm, then a short hop to each next one', (productId) => {
    const cable = (n: number) => {
      const site = estimate(fixtureConfig([fixtureSite([{ productId, quantity: n }], { conditions: { storeys: 2, floorAreaM2: 180, ceilingHeightM: 2.4, wiringAccess: 'partial' } })]), data, { today });
      return site.sites[0]!.lines.find((l) => l.kind === 'materials')!;
    };
    const costs = [1, 2, 3, 4, 5, 6].map((n) => cable(n).amount.high);
    const steps = costs.slice(1).map((c, i) => c - costs[i]!);
    expect(new Set(steps).size).toBeLessThanOrEqual(2); // the same hop each time, give or take a rounded cent
    expect(Math.max(...steps)).toBeLessThan(costs[0]! / 2);
    expect(cable(4).reason).toMatch(/^1 cable run of about .* and 3 hops of about .* from alarm to alarm/);
  });
});
