import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayInTimeZone } from '../estimate/dates';
import { zonedInstant } from '../scheduling/zoned-time';
import { fixtureConfig, fixtureData, fixtureSite } from '../fixtures';
import { fittedChanges, fittedSites, warrantyEndDate, type InstallationInput } from './installation';
import { systemSites } from './system';

const { catalog } = fixtureData;
const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }, { productId: 'contact', quantity: 3 }], { planId: 'plan-36' })]);
const today = '2026-12-02';
const input = (lines: InstallationInput['lines'], installedOn = today): InstallationInput => ({ installedOn, lines });
const day = fc.integer({ min: 0, max: 10 * 366 }).map((n) => addDays('2024-01-01', n));

describe('warranty end dates', () => {
  it('end the day before the install date’s anniversary, for every day and length', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 25 }), (installedOn, years) => {
        const end = warrantyEndDate(installedOn, years)!;
        expect(end > installedOn).toBe(true);
        expect(addDays(end, 1)).toBe(addMonths(installedOn, years * 12));
      }),
    );
    expect(warrantyEndDate('2028-02-29', 1)).toBe('2029-02-27');
    expect(warrantyEndDate('2026-06-01', 0)).toBeNull();
  });

  it('count from the installer’s day, not the UTC day, around midnight', () => {
    // Finished at 23:30 on December 1 in California, already December 2 in UTC.
    const finished = new Date('2026-12-02T07:30:00Z');
    const installedOn = dayInTimeZone(finished, 'America/Los_Angeles');
    expect(installedOn).toBe('2026-12-01');
    expect(warrantyEndDate(installedOn, 3)).toBe('2029-11-30');
    fc.assert(
      fc.property(fc.integer({ min: -120, max: 119 }), day, fc.constantFrom('America/Los_Angeles', 'America/New_York', 'Pacific/Honolulu'), (minutes, localDay, timeZone) => {
        // A job finished within two hours of the installer's midnight belongs to the day its wall clock shows.
        const instant = new Date(zonedInstant(localDay, '00:00', timeZone) + minutes * 60_000);
        const installedOn = dayInTimeZone(instant, timeZone);
        expect(installedOn).toBe(minutes < 0 ? addDays(localDay, -1) : localDay);
        expect(addDays(warrantyEndDate(installedOn, 2)!, 1)).toBe(addMonths(installedOn, 24));
      }),
    );
  });
});

describe('what was fitted', () => {
  it('keeps the accepted lines as quoted when nothing changes', () => {
    const fitted = fittedSites(configuration, input([{ quantity: 4 }, { quantity: 1 }, { quantity: 3 }]), catalog, today);
    expect(fitted).toEqual({ ok: true, sites: [{ siteId: 'site-1', lines: [{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }, { productId: 'contact', quantity: 3 }], planId: 'plan-36' }] });
    expect(fittedChanges(configuration, fitted.ok ? fitted.sites : [], (id) => catalog.get(id)!.name)).toEqual([]);
  });

  it('records a changed quantity, a line left out and a substitute of the same kind, and says so', () => {
    const fitted = fittedSites(configuration, input([{ quantity: 3, substituteId: 'cam-best' }, { quantity: 1 }, { quantity: 0 }]), catalog, today);
    expect(fitted.ok && fitted.sites[0]!.lines).toEqual([{ productId: 'cam-best', quantity: 3, substitutedFor: 'cam' }, { productId: 'nvr', quantity: 1 }]);
    expect(fittedChanges(configuration, fitted.ok ? fitted.sites : [], (id) => catalog.get(id)!.name)).toEqual([
      'Best camera fitted instead of Test camera',
      'Best camera: 3 fitted, 4 quoted',
      'Left out: 3 × Test contact',
    ]);
  });

  it('refuses a substitute of another kind or not in the catalog, a day after today, and a form of other lines', () => {
    expect(fittedSites(configuration, input([{ quantity: 4, substituteId: 'smoke' }, { quantity: 1, substituteId: 'nope' }, { quantity: 3 }]), catalog, today)).toEqual({
      ok: false,
      issues: [
        { path: ['lines', 0, 'substituteId'], message: 'Choose a product of the same kind from the catalog' },
        { path: ['lines', 1, 'substituteId'], message: 'Choose a product of the same kind from the catalog' },
      ],
    });
    expect(fittedSites(configuration, input([{ quantity: 4 }, { quantity: 1 }, { quantity: 3 }], addDays(today, 1)), catalog, today)).toMatchObject({ ok: false, issues: [{ path: ['installedOn'] }] });
    expect(fittedSites(configuration, input([{ quantity: 4 }]), catalog, today)).toMatchObject({ ok: false, issues: [{ path: ['lines'] }] });
  });
});

describe('the system page', () => {
  it('shows every fitted product with its steps and warranty end, the plan’s term from the install day, and the systems there', () => {
    const fitted = fittedSites(configuration, input([{ quantity: 4, substituteId: 'cam-best' }, { quantity: 1 }, { quantity: 2 }]), catalog, today);
    const [site] = systemSites(fitted.ok ? fitted.sites : [], '2026-12-01', (id) => catalog.get(id));
    expect(site!.items.map((item) => [item.productId, item.quantity, item.warrantyEnds, item.insteadOf])).toEqual([
      ['cam-best', 4, '2029-11-30', 'Test camera'],
      ['nvr', 1, '2029-11-30', null],
      ['contact', 2, '2028-11-30', null],
    ]);
    for (const item of site!.items) expect(item.howToUse).toEqual(catalog.get(item.productId)!.howToUse);
    expect(site!.plan).toMatchObject({ name: 'Pro monitoring', termMonths: 36, startsOn: '2026-12-01', endsOn: '2029-11-30' });
    expect(site!.systems).toEqual(['video', 'intrusion']);
  });
});
