import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadData } from '~tests/helpers/data-files';
import { siteArb } from '~/domain/fixtures/arbitraries';
import { estimate, type EstimateData } from '../estimate';
import { isElectrifiedLock } from './egress-permit';

const today = '2026-11-23';
const data = loadData();
const locks = data.catalog.products.filter((p) => p.type === 'door-lock');
const settingsWith = (required: boolean): EstimateData => ({ ...data, settings: { ...data.settings, egressLockPermit: { ...data.settings.egressLockPermit, required } } });
const permitLines = (result: ReturnType<typeof estimate>, label: string) => result.sites.map((s) => s.lines.filter((l) => l.kind === 'permit' && l.label === label));

describe('the egress lock permit', () => {
  it('counts maglocks, electric strikes and electrified levers as electrified, and smart deadbolts not', () => {
    const kinds = (electrified: boolean) => new Set(locks.filter((p) => isElectrifiedLock(p) === electrified).map((p) => p.type === 'door-lock' && p.specs.kind));
    expect(kinds(true)).toEqual(new Set(['maglock', 'electric-strike', 'electrified-lever']));
    expect(kinds(false)).toEqual(new Set(['smart-deadbolt']));
  });

  it('is added once per site for every electrified lock in the catalog when the settings require it, never when they do not', () => {
    fc.assert(
      fc.property(fc.constantFrom(...locks), fc.integer({ min: 1, max: 12 }), siteArb(data.catalog, { maxLines: 4 }), fc.boolean(), (lock, quantity, site, required) => {
        const priced = settingsWith(required);
        const { label, priceCents } = priced.settings.egressLockPermit;
        const others = site.lines.filter((l) => !isElectrifiedLock(data.catalog.get(l.productId)!));
        const withLock = { ...site, lines: [...others, { productId: lock.id, quantity, reused: 0 }] };
        const result = estimate({ audience: 'business', sites: [withLock, { ...site, id: 'other', lines: others }], phases: [] }, priced, { today });
        const [onLockSite = [], onOtherSite = []] = permitLines(result, label);
        expect(onOtherSite).toEqual([]);
        if (!required || !isElectrifiedLock(lock)) {
          expect(onLockSite).toEqual([]);
          return;
        }
        expect(onLockSite).toHaveLength(1);
        const permit = onLockSite[0]!;
        expect(permit.taxClass).toBe('exempt');
        expect(permit.amount.low).toBe(priceCents);
        expect(permit.reason).toContain(`${quantity} electrified lock`);
        // The assessment cannot mark exit doors, so the line says every locked door was counted as one.
        expect(permit.reason).toMatch(/does not say which doors are exits/);
      }),
      { numRuns: 150 },
    );
  });

  it('raises the site total by its fee', () => {
    const lock = locks.find(isElectrifiedLock)!;
    const config = { audience: 'business' as const, sites: [{ id: 's', name: 'Office', conditions: { storeys: 1, floorAreaM2: 400, ceilingHeightM: 3, wiringAccess: 'open' as const }, lines: [{ productId: lock.id, quantity: 2, reused: 0 }] }], phases: [] };
    const without = estimate(config, settingsWith(false), { today });
    const withPermit = estimate(config, settingsWith(true), { today });
    expect(withPermit.oneTime.low - without.oneTime.low).toBe(data.settings.egressLockPermit.priceCents);
  });
});
