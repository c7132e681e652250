import { describe, expect, it } from 'vitest';
import { fixtureData, fixtureGuidelines, fixtureProducts, fixtureSettings } from '../domain/fixtures';
import { clientData, specRowsByProduct } from '../server/content/client-data';
import { specRowsOf } from './spec-rows';
import { $siteData, provideSiteData, todayIso } from './site-data';

describe('site data for islands', () => {
  it('strips what only product pages show and keeps what the islands use', () => {
    const data = clientData(fixtureData);
    expect(data.products).toHaveLength(fixtureProducts.length);
    for (const product of data.products) {
      expect(product).toMatchObject({ howToUse: [], highlights: [], image: '' });
      const original = fixtureData.catalog.get(product.id)!;
      expect({ ...product, howToUse: original.howToUse, highlights: original.highlights, image: original.image }).toEqual(original);
    }
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });

  it('formats every product\'s comparison rows at build time, for the swap dialog to load', () => {
    const rows = specRowsByProduct(fixtureData);
    expect(Object.keys(rows).sort()).toEqual(fixtureProducts.map((p) => p.id).sort());
    expect(rows['cam']![0]).toEqual({ key: 'price', label: 'Price', value: '$200.00 each' });
    expect(rows['cam']!.find((r) => r.key === 'brand-model')?.value).toBe('Test T-1');
    expect(specRowsOf({ status: 'ready', rows }, 'cam')).toBe(rows['cam']);
    expect(specRowsOf({ status: 'ready', rows }, 'no-such-product')).toEqual([]);
    expect(specRowsOf({ status: 'loading' }, 'cam')).toEqual([]);
  });

  it('rebuilds the catalog once per set of props', () => {
    const props = { products: fixtureProducts, settings: fixtureSettings, guidelines: fixtureGuidelines };
    const first = provideSiteData(props);
    expect(provideSiteData(props)).toBe(first);
    expect($siteData.get()).toBe(first);
    expect(first.catalog.get('cam')!.name).toBe('Test camera');
    expect(provideSiteData({ ...props })).not.toBe(first);
  });

  it('gives today in the visitor time zone', () => {
    expect(todayIso(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
  });
});
