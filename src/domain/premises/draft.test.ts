import { describe, expect, it } from 'vitest';
import { mergeDraft, newHomeDraft, newSiteDraft, restoreBusiness, restoreHome } from './draft';

describe('restoring saved drafts', () => {
  it('keep what matches and drop the rest', () => {
    expect(mergeDraft({ a: '', b: false, c: ['x'] }, { a: '12', b: 'yes', c: ['y', 3], d: 1 })).toEqual({ a: '12', b: false, c: ['y'] });
    const home = restoreHome({ area: '2,000', outdoorAreas: ['driveway', 'moat'], goals: ['deter', 'world-peace'], existing: { cameras: '2', alarmPanel: 'no' } });
    expect(home).toMatchObject({ area: '2,000', outdoorAreas: ['driveway'], goals: ['deter'], existing: { cameras: '2', alarmPanel: false } });
    expect(restoreHome(null)).toEqual(newHomeDraft());
    expect(restoreHome('junk')).toEqual(newHomeDraft());
  });

  it('restore business sites and areas, always keeping one site', () => {
    const business = restoreBusiness({
      organisation: 'Acme',
      systems: ['video', 'lasers'],
      sites: [{ name: 'Depot', area: '5000', requirements: ['access-audit', 'moat'], areasToWatch: [{ name: 'Gate', distance: '40', outdoor: true, purpose: 'read-plate' }, 'junk'] }],
    });
    expect(business.systems).toEqual(['video']);
    expect(business.sites[0]).toMatchObject({ name: 'Depot', area: '5000', requirements: ['access-audit'] });
    expect(business.sites[0]!.areasToWatch).toEqual([{ name: 'Gate', purpose: 'read-plate', distance: '40', outdoor: true }]);
    expect(restoreBusiness({ sites: [] }).sites).toEqual([newSiteDraft(1)]);
    expect(restoreBusiness({ sites: ['junk', null] }).sites).toEqual([newSiteDraft(1)]);
    expect(restoreBusiness({ monitoring: 'contract' }).monitoring).toBe('contract');
    expect(restoreBusiness({ monitoring: 'forever' }).monitoring).toBe('month-to-month');
    expect(restoreBusiness(null).monitoring).toBe('month-to-month');
  });
});
