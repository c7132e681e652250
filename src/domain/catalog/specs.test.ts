import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import { fixtureData, fixtureSettings } from '../fixtures';
import type { Settings } from '../settings/settings';
import type { Product } from './product';
import { midSentence } from './roles';
import { NOT_APPLICABLE } from './compare';
import { compareRows, formatMinutes, installTimes, priceText, specRows } from './specs';

const { catalog } = fixtureData;
const metric = fixtureSettings;
const imperial: Settings = { ...fixtureSettings, units: 'imperial' };

function product(id: string): Product {
  const found = catalog.get(id);
  if (!found) throw new Error(`fixture ${id} is missing`);
  return found;
}

/** The value of one spec row, failing loudly when the row is missing. */
function spec(id: string, key: string, settings: Settings = metric): string {
  const row = specRows(product(id), settings).find((r) => r.key === key);
  if (!row) throw new Error(`${id} has no row ${key}`);
  return row.value;
}

describe('specRows for a camera', () => {
  it('words resolution, lens, field of view, power and bitrate plainly', () => {
    expect(spec('cam', 'resolution')).toBe('2560 × 1440 (4 MP)');
    expect(spec('cam-best', 'resolution')).toBe('3840 × 2160 (8 MP, 4K)');
    expect(spec('cam', 'lens')).toBe('2.8 mm fixed');
    expect(spec('cam', 'field-of-view')).toBe('100°');
    expect(spec('cam', 'power')).toBe('PoE 802.3af, 6 W');
    expect(spec('cam', 'bitrate')).toBe('3 Mbps (H.265)');
    expect(spec('cam', 'analytics')).toBe('Person');
    expect(spec('cam', 'audio')).toBe('None');
  });

  it("shows lengths in the installer's units", () => {
    expect(spec('cam', 'ir-range', metric)).toBe('30 m');
    expect(spec('cam', 'ir-range', imperial)).toBe('98 ft');
  });

  it('labels every row once and leaves no value empty', () => {
    const rows = specRows(product('cam'), metric);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(rows.every((r) => r.label.length > 0 && r.value.length > 0)).toBe(true);
    expect(rows[0]).toEqual({ key: 'brand-model', label: 'Brand and model', value: 'Test T-1' });
  });

  it('names the cable a wired install needs, the warranty and who it suits', () => {
    expect(spec('cam', 'connection')).toBe('Wired (Cat6 network cable)');
    expect(spec('contact', 'connection')).toBe('Wired (22/4 alarm cable) or wireless');
    expect(spec('smoke', 'connection')).toBe('Wireless, no cable pulled');
    expect(spec('cam', 'warranty')).toBe('3 years');
    expect(spec('cam', 'suits')).toBe('Homes and businesses');
  });
});

describe('specRows for other product types', () => {
  it('shows small gaps in millimeters or inches', () => {
    expect(spec('contact', 'gap', metric)).toBe('20 mm');
    expect(spec('contact', 'gap', imperial)).toBe('0.8 in');
  });

  it('leaves out specs a product does not have', () => {
    const keys = specRows(product('contact'), metric).map((r) => r.key);
    expect(keys).not.toContain('range');
    expect(keys).not.toContain('pet-immune');
    expect(specRows(product('co'), metric).map((r) => r.key)).not.toContain('smoke-sensing');
  });

  it('joins lists and turns booleans into Yes/No', () => {
    expect(spec('combo', 'detects')).toBe('Smoke, carbon monoxide');
    expect(spec('combo', 'listings')).toBe('UL 217, UL 2034');
    expect(spec('reader', 'credentials')).toBe('Prox card, phone');
    expect(spec('drive-4', 'surveillance-rated')).toBe('Yes');
    expect(spec('switch-8', 'managed')).toBe('No');
  });

  it('converts areas and weights', () => {
    expect(spec('detector', 'coverage', metric)).toBe('84 m²');
    expect(spec('detector', 'coverage', imperial)).toBe('904 sq ft');
    expect(spec('maglock', 'holding-force', imperial)).toBe('1,200 lb');
    expect(spec('maglock', 'holding-force', metric)).toBe('544 kg');
  });

  it('spells out contract terms of monitoring plans', () => {
    expect(spec('plan-36', 'term')).toBe('36-month contract');
    expect(spec('plan-36', 'term-total')).toBe('$1,080.00');
    expect(spec('plan-36', 'activation')).toBe('None');
    expect(spec('plan-36', 'early-termination')).toBe('50% of the months left');
    expect(spec('plan-36', 'cancellation')).toMatch(/30 days notice/);
    expect(spec('plan-monthly', 'term')).toBe('Month to month, no contract');
    expect(spec('plan-monthly', 'activation')).toBe('$49.00');
    expect(spec('plan-monthly', 'early-termination')).toBe('None');
  });

  it('says how much a service can vary and what it applies to', () => {
    expect(spec('permit', 'may-vary')).toBe('Up to 50%');
    expect(spec('permit', 'for-systems')).toBe('Intrusion alarms');
    expect(spec('handover', 'time-on-site')).toBe('1 hr');
    expect(spec('travel', 'for-systems')).toBe('Any system');
  });
});

describe('priceText', () => {
  it('prices hardware each, cable per length, plans a month and services per unit', () => {
    expect(priceText(product('cam'), metric)).toBe('$200.00 each');
    expect(priceText(product('cat6'), metric)).toBe('$1.00 per m');
    expect(priceText(product('cat6'), imperial)).toBe('$0.30 per ft');
    expect(priceText(product('plan-36'), metric)).toBe('$30.00 a month');
    expect(priceText(product('permit'), metric)).toBe('$100.00 per site');
    expect(priceText(product('travel'), metric)).toBe('$50.00 per technician per day');
  });
});

describe('install time', () => {
  it('formats minutes as minutes and hours', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 hr');
    expect(formatMinutes(90)).toBe('1 hr 30 min');
  });

  it('prices each way of installing at the residential rate', () => {
    // $60 an hour: 45 min is $45, 12 min is $12.
    expect(installTimes(product('contact'), metric)).toEqual([
      { method: 'wired', minutes: 45, laborCents: 4500 },
      { method: 'wireless', minutes: 12, laborCents: 1200 },
    ]);
    expect(installTimes(product('plan-36'), metric)).toEqual([]);
  });
});

describe('compareRows', () => {
  const rows = compareRows([product('cam'), product('cam-best')], metric);
  const row = (key: string) => rows.find((r) => r.key === key);

  it('puts the price first', () => {
    expect(rows[0]).toEqual({ key: 'price', label: 'Price', values: ['$200.00 each', '$450.00 each'], differs: true });
  });

  it('marks rows that differ and rows that are the same', () => {
    expect(row('resolution')).toMatchObject({ values: ['2560 × 1440 (4 MP)', '3840 × 2160 (8 MP, 4K)'], differs: true });
    expect(row('field-of-view')?.differs).toBe(true);
    expect(row('lens')).toMatchObject({ values: ['2.8 mm fixed', '2.8 mm fixed'], differs: false });
    expect(row('power')?.differs).toBe(false);
  });

  it('includes install time with its labor', () => {
    expect(row('install-wired')).toMatchObject({ values: ['2 hr ($120.00 labor)', '2 hr ($120.00 labor)'], differs: false });
  });

  it('fills specs only some products have and counts that as a difference', () => {
    const locks = compareRows([product('maglock'), product('strike')], metric);
    expect(locks.find((r) => r.key === 'holding-force')).toMatchObject({ values: ['544 kg', NOT_APPLICABLE], differs: true });
    expect(locks.every((r) => r.values.length === 2)).toBe(true);
  });

  it('finds nothing different about a single product', () => {
    expect(compareRows([product('cam')], metric).some((r) => r.differs)).toBe(false);
  });
});

describe('the shipped catalog', () => {
  const { catalog: shipped, settings } = loadData();

  it('gives every product a price and labeled, non-empty spec rows', () => {
    for (const p of shipped.products) {
      expect(priceText(p, settings), p.id).toMatch(/\$\d/);
      const rows = specRows(p, settings);
      expect(rows.length, p.id).toBeGreaterThan(2);
      for (const r of rows) expect(r.value.trim(), `${p.id} ${r.key}`).not.toBe('');
    }
  });

  it('words a length in its prose as its spec table does: "98 ft (30 m)" beside 98 ft, never "100 ft (30 m)"', () => {
    const inUnits = (units: Settings['units']) => ({ ...settings, units });
    for (const p of shipped.products) {
      // The table's metric value of every spec row → the same row in feet, one rounding rule for both.
      const metric = specRows(p, inUnits('metric'));
      const imperial = new Map(specRows(p, inUnits('imperial')).map((r) => [r.key, r.value]));
      const feetFor = new Map(metric.filter((r) => / m$/.test(r.value)).map((r) => [r.value, imperial.get(r.key)!]));
      const prose = [p.name, p.summary, ...p.highlights, ...p.howToUse].join('\n');
      for (const [, feet, metres] of prose.matchAll(/([\d,.]+ ft) \(([\d,.]+ m)\)/g)) {
        const table = feetFor.get(metres!);
        if (table) expect(`${feet} (${metres})`, p.id).toBe(`${table} (${metres})`);
      }
    }
  });

  it('finds a real difference, beyond brand and price, between the products of every role', () => {
    const roles = new Set(shipped.products.map((p) => p.role));
    for (const role of roles) {
      const products = shipped.byRole(role);
      if (products.length < 2) continue;
      const differing = compareRows(products, settings).filter((r) => r.differs && r.key !== 'brand-model' && r.key !== 'price');
      expect(differing.length, role).toBeGreaterThan(0);
    }
  });
});

describe('midSentence', () => {
  it('lowercases a plain first word and keeps mixed-case words', () => {
    expect(midSentence('Outdoor cameras')).toBe('outdoor cameras');
    expect(midSentence('PoE network switches')).toBe('PoE network switches');
    expect(midSentence('Smoke and CO combination alarms')).toBe('smoke and CO combination alarms');
  });
});
