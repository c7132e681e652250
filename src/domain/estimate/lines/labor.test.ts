import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import type { Product } from '~/domain/catalog/product';
import type { Audience, Line, SiteConditions } from '~/domain/configuration/configuration';
import { configurationArb } from '~/domain/fixtures/arbitraries';
import { fixtureData } from '~/domain/fixtures';
import { formatMoney, priceOfMinutes } from '~/domain/money';
import { wiringAccessOptions } from '~/domain/settings/vocabulary';
import { hoursRangeText } from '~/domain/wording';
import { estimate, type EstimateData } from '../estimate';

const today = '2026-11-23';
const data = loadData();
const { catalog, settings } = data;

/** Typical premises: any wiring access, one or two storeys, ceilings a ladder reaches. */
const typicalConditions: fc.Arbitrary<SiteConditions> = fc.record({
  storeys: fc.integer({ min: 1, max: 2 }),
  floorAreaM2: fc.integer({ min: 50, max: 2000 }),
  ceilingHeightM: fc.double({ min: 2.2, max: settings.siteConditions.highCeilingAboveM, noNaN: true }),
  wiringAccess: fc.constantFrom(...wiringAccessOptions),
});

const products = (fits: (p: Product) => boolean) => {
  const found = catalog.products.filter(fits);
  expect(found.length).toBeGreaterThan(0);
  return fc.constantFrom(...found);
};
const wired = (p: Product) => 'install' in p && p.install.wiredMinutes !== undefined;
const wireless = (p: Product) => 'install' in p && p.install.wirelessMinutes !== undefined;
const line = (product: Product, quantity: number, connection?: 'wired' | 'wireless'): Line => ({ productId: product.id, quantity, reused: 0, ...(connection ? { connection } : {}) });

interface ReferenceJob {
  name: string;
  /** The published figure, hours per unit, with where it is published. */
  hours: [number, number];
  source: string;
  audience: Audience;
  /** The job's lines and how many units the figure is per. */
  job: fc.Arbitrary<{ lines: Line[]; units: number }>;
}

/** Published whole-job labor, /work/shared/domain.md ("Prices and labor"), over every product that can do the job. */
const referenceJobs: ReferenceJob[] = [
  {
    name: 'wired camera, per camera',
    hours: [2, 3],
    source: '"~2–3 h per wired camera in all"',
    audience: 'home',
    job: fc
      .record({ camera: products((p) => (p.role === 'camera-outdoor' || p.role === 'camera-indoor') && wired(p)), count: fc.integer({ min: 1, max: 8 }) })
      .map(({ camera, count }) => ({ lines: [line(camera, count)], units: count })),
  },
  {
    name: 'wireless home alarm of ten devices',
    hours: [4, 6],
    source: '"wireless home alarm 4–6 h in all"',
    audience: 'home',
    job: fc
      .record({
        panel: products((p) => p.role === 'alarm-panel' && wireless(p) && p.suits.includes('home')),
        keypad: products((p) => p.role === 'keypad' && wireless(p)),
        contact: products((p) => p.role === 'entry-contact' && wireless(p)),
        motion: products((p) => p.role === 'motion-sensor' && wireless(p)),
        contacts: fc.integer({ min: 4, max: 7 }),
      })
      .map(({ panel, keypad, contact, motion, contacts }) => ({
        lines: [line(panel, 1, 'wireless'), line(keypad, 1, 'wireless'), line(contact, contacts, 'wireless'), line(motion, 8 - contacts, 'wireless')],
        units: 1,
      })),
  },
  {
    // "About 6 hours" read as within a quarter of it either way.
    name: 'access-control door',
    hours: [4.5, 7.5],
    source: '"labor ≈ 6 hours per door"',
    audience: 'business',
    job: fc
      .record({
        reader: products((p) => p.role === 'reader'),
        lock: products((p) => p.role === 'door-lock'),
        exit: products((p) => p.role === 'exit-request'),
        position: products((p) => p.role === 'door-position'),
      })
      .map(({ reader, lock, exit, position }) => {
        const controller = catalog.ofType('door-controller').sort((a, b) => a.specs.doors - b.specs.doors)[0]!;
        return { lines: [reader, lock, exit, position, controller].map((p) => line(p, 1)), units: 1 };
      }),
  },
  {
    // A sealed-battery alarm is screwed up in minutes; the published hour or two is a hard-wired one's.
    name: 'hard-wired smoke alarm, per alarm',
    hours: [1, 2],
    source: '"Smoke alarm installed $110–410 each (labor 1–2 h)"',
    audience: 'home',
    job: fc
      .record({ alarm: products((p) => p.type === 'life-safety-alarm' && p.specs.power === 'hardwired-battery-backup'), count: fc.integer({ min: 1, max: 6 }) })
      .map(({ alarm, count }) => ({ lines: [line(alarm, count)], units: count })),
  },
];

describe.each(referenceJobs)('labor for a $name stays within the published figure', ({ hours: [least, most], audience, job }) => {
  it(`bills between ${least} and ${most} hours per unit in typical premises, whatever the wiring access`, () => {
    fc.assert(
      fc.property(job, typicalConditions, ({ lines, units }, conditions) => {
        const result = estimate({ audience, sites: [{ id: 's', name: 'Site', conditions, lines }], phases: [] }, data, { today });
        const labor = result.sites[0]!.lines.filter((l) => l.kind === 'labor');
        expect(labor).toHaveLength(1);
        const { low, high } = labor[0]!.hours!;
        expect(low / units).toBeGreaterThanOrEqual(least);
        expect(high / units).toBeLessThanOrEqual(most);
      }),
    );
  });
});

describe.each([
  ['the test fixtures', fixtureData],
  ['the shipped catalog and settings', data],
] as [string, EstimateData][])('labor lines over %s add up', (_, shipped) => {
  it('bill hours × rate, say those hours and that rate, and give each driver a share that adds up to the hours', () => {
    const money = (cents: number) => formatMoney(cents, shipped.settings.currency, shipped.settings.locale);
    fc.assert(
      fc.property(configurationArb(shipped.catalog), (config) => {
        for (const site of estimate(config, shipped, { today }).sites) {
          for (const labor of site.lines.filter((l) => l.kind === 'labor')) {
            const { hours, unitCents: rate } = labor;
            expect(labor.amount).toEqual({ low: priceOfMinutes(hours!.low * 60, rate!), high: priceOfMinutes(hours!.high * 60, rate!) });
            expect(labor.reason).toContain(`${hoursRangeText(hours!, shipped.settings.locale)} at ${money(rate!)} an hour`);
            const lower = labor.drivers.reduce((sum, d) => sum + (d.hours?.lower ?? 0), 0);
            const higher = labor.drivers.reduce((sum, d) => sum + (d.hours?.higher ?? 0), 0);
            expect(hours!.low + lower + higher).toBeCloseTo(hours!.high, 9);
          }
        }
      }),
    );
  });
});

describe('drivers combine as the root of the sum of their squares', () => {
  it('does not stack wiring access on the base spread', () => {
    // 2 wired contacts × 45 min behind finished walls (+50 % time): 135 min expected. Reach: base 20 % = 27 min,
    // finished walls 30 % = 40.5 min; together √(27² + 40.5²) = 48.7 min, not 67.5. Billed in 6-minute steps:
    // low 121.5 → 126, expected 138, high 183.7 → 186 min; the 48 minutes above split 12 : 36 by squares.
    const site = estimate(
      {
        audience: 'home',
        sites: [{ id: 's', name: 'Home', conditions: { storeys: 1, floorAreaM2: 100, ceilingHeightM: 2.5, wiringAccess: 'finished', postalCode: '12345' }, lines: [{ productId: 'contact', quantity: 2, reused: 0, connection: 'wired' }] }],
        phases: [],
      },
      fixtureData,
      { today },
    ).sites[0]!;
    const labor = site.lines.find((l) => l.kind === 'labor')!;
    expect(labor.hours).toEqual({ low: 2.1, high: 3.1 });
    expect(labor.amount).toEqual({ low: 12600, high: 18600 });
    expect(labor.drivers.map((d) => [d.label, d.hours])).toEqual([
      ['Time varies', { higher: 0.2, lower: 0.2 }],
      ['Finished walls', { higher: 0.6, lower: 0 }],
    ]);
  });
});
