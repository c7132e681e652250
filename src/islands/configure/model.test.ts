import { describe, expect, it } from 'vitest';
import type { Check } from '~/domain/checks';
import { estimate } from '~/domain/estimate/estimate';
import { fixtureConfig, fixtureData, mixedSystemsSite } from '~/domain/fixtures';
import {
  announcement,
  checksForLine,
  checksForSystem,
  conditionsText,
  groupLines,
  offersBoth,
  parseMoney,
  readCondition,
} from './model';

const { catalog } = fixtureData;
const f = { currency: 'USD', locale: 'en-US', units: 'imperial' as const };
const get = (id: string) => catalog.get(id)!;

const site = mixedSystemsSite();

describe('grouping lines', () => {
  it('groups by system in a fixed order, keeping each line index', () => {
    const groups = groupLines(site, catalog);
    expect(groups.map((g) => [g.id, g.lines.map((l) => l.index)])).toEqual([
      ['video', [2, 4]],
      ['intrusion', [1]],
      ['fire', [3]],
      ['services', [0]],
    ]);
    expect(groups[0]!.title).toBe('Security cameras');
  });
});

describe('product choices', () => {
  it('know which products can be wired or wireless', () => {
    expect(offersBoth(get('contact'))).toBe(true);
    expect(offersBoth(get('cam'))).toBe(false);
    expect(offersBoth(get('handover'))).toBe(false);
  });
});

describe('money words', () => {
  it('parse typed budgets to cents', () => {
    expect(parseMoney('25,000')).toBe(2_500_000);
    expect(parseMoney('$1,234.56')).toBe(123_456);
    expect(parseMoney('')).toBeNull();
    expect(parseMoney('1.2.3')).toBeNull();
  });

  it('announce the new totals in one sentence', () => {
    const result = estimate(fixtureConfig([site]), fixtureData, { today: '2026-11-23' });
    expect(announcement(result, f)).toMatch(/^Estimate updated: \$[\d,]+ – \$[\d,]+ one time\.$/);
    const planned = estimate(fixtureConfig([{ ...site, planId: 'plan-36' }]), fixtureData, { today: '2026-11-23' });
    expect(announcement(planned, f)).toMatch(/one time, plus \$30\.00 a month\.$/);
  });
});

describe('checks by place', () => {
  const check = (id: string, system: Check['system'], topic: Check['topic']): Check => ({ id, siteId: 'site-1', system, topic, status: 'pass', title: id, detail: '' });
  const checks = [check('site-1:view:2', 'video', 'camera-view'), check('site-1:recording:channels', 'video', 'recording'), check('site-1:intrusion:zones', 'intrusion', 'intrusion'), { ...check('site-2:view:2', 'video', 'camera-view'), siteId: 'site-2' }];

  it('puts camera views beside their line and the rest under their system', () => {
    expect(checksForLine(checks, 'site-1', 2).map((c) => c.id)).toEqual(['site-1:view:2']);
    expect(checksForLine(checks, 'site-1', 0)).toEqual([]);
    expect(checksForSystem(checks, 'site-1', 'video').map((c) => c.id)).toEqual(['site-1:recording:channels']);
    expect(checksForSystem(checks, 'site-1', 'intrusion').map((c) => c.id)).toEqual(['site-1:intrusion:zones']);
  });
});

describe('site conditions in the installer units', () => {
  it('show assumed values as the rough figures they are, so they do not look typed', () => {
    const text = conditionsText({ storeys: 2, floorAreaM2: 180, ceilingHeightM: 2.4, wiringAccess: 'open', assumed: ['floorAreaM2', 'ceilingHeightM'] }, 'imperial');
    expect([text.area, text.ceiling]).toEqual(['1950', '8']);
  });

  it('show metric values as feet and square feet', () => {
    expect(conditionsText({ storeys: 2, floorAreaM2: 180, ceilingHeightM: 2.4, wiringAccess: 'open', bedrooms: 3 }, 'imperial')).toEqual({
      storeys: '2',
      area: '1938',
      ceiling: '7.9',
      postalCode: '',
      bedrooms: '3',
      exits: '',
    });
    expect(conditionsText({ storeys: 1, floorAreaM2: 400, ceilingHeightM: 3, wiringAccess: 'open', exits: 4, postalCode: '94107' }, 'metric')).toMatchObject({ area: '400', ceiling: '3', exits: '4', postalCode: '94107' });
  });

  it('read typed values back to metric, clearing optional ones when blank', () => {
    expect(readCondition('area', '2,000', 'imperial')).toEqual({ value: 185.81 });
    expect(readCondition('ceiling', '10', 'imperial')).toEqual({ value: 3.05 });
    expect(readCondition('storeys', '3', 'imperial')).toEqual({ value: 3 });
    expect(readCondition('bedrooms', '', 'imperial')).toEqual({ value: undefined });
    expect(readCondition('postalCode', ' 94107 ', 'imperial')).toEqual({ value: '94107' });
    expect(readCondition('storeys', '', 'imperial')).toEqual({ error: 'enter a number' });
    expect(readCondition('area', 'lots', 'imperial')).toEqual({ error: 'enter a number, like 12' });
  });
});
