import { describe, expect, it } from 'vitest';
import { loadGuidelines } from '~tests/helpers/data-files';
import type { Camera } from '../catalog/product';
import { fixtureProducts } from '../fixtures';
import { lensSetting, maxDistanceM, pixelDensity, purposeMet, sceneWidthM } from './pixel-density';
import { storageNeededTb } from './storage';

const guidelines = loadGuidelines();
const camera = fixtureProducts.find((p) => p.id === 'cam') as Camera;
const varifocal: Camera = { ...camera, specs: { ...camera.specs, focalMm: [2.8, 12], hfovDeg: [100, 30] } };

describe('pixel density', () => {
  it('follows W = 2·d·tan(HFOV/2)', () => {
    expect(sceneWidthM(90, 5)).toBeCloseTo(10, 10);
    expect(pixelDensity(2560, 90, 5)).toBeCloseTo(256, 10);
  });

  it('matches the domain example: 4 MP at 100° identifies to about 4.3 m, at 54° to about 10 m', () => {
    expect(maxDistanceM(2560, 100, 250)).toBeCloseTo(4.3, 1);
    expect(maxDistanceM(2560, 54, 250)).toBeCloseTo(10, 0);
  });

  it('names the most demanding purpose a density meets', () => {
    expect(purposeMet(260, guidelines)).toBe('identify');
    expect(purposeMet(160, guidelines)).toBe('read-plate');
    expect(purposeMet(130, guidelines)).toBe('recognize');
    expect(purposeMet(70, guidelines)).toBe('observe');
    expect(purposeMet(30, guidelines)).toBe('detect');
    expect(purposeMet(10, guidelines)).toBeNull();
  });
});

describe('lens setting for a view', () => {
  it('keeps a fixed lens wide and reports whether it meets the purpose', () => {
    expect(lensSetting(camera, 'identify', 3, guidelines)).toMatchObject({ hfovDeg: 100, meets: true });
    const far = lensSetting(camera, 'identify', 8, guidelines);
    expect(far.meets).toBe(false);
    expect(far.reachM).toBeCloseTo(4.3, 1);
  });

  it('zooms a varifocal in only as far as the purpose needs', () => {
    const setting = lensSetting(varifocal, 'identify', 8, guidelines);
    expect(setting.meets).toBe(true);
    expect(setting.hfovDeg).toBeLessThan(100);
    expect(setting.hfovDeg).toBeGreaterThan(30);
    expect(setting.ppm).toBeCloseTo(250, 6);
  });

  it('fails a varifocal beyond its tele reach', () => {
    const setting = lensSetting(varifocal, 'identify', 30, guidelines);
    expect(setting).toMatchObject({ meets: false, hfovDeg: 30 });
    expect(setting.reachM).toBeCloseTo(maxDistanceM(2560, 30, 250), 10);
  });
});

describe('storage', () => {
  it('needs Mbps × 10.8 GB a day, with headroom over the usable share', () => {
    // 4 cameras × 3 Mbps × 10.8 × 30 days = 3 888 GB; × 1.2 / 0.9 = 5 184 GB.
    expect(storageNeededTb(12, { retentionDays: 30, mode: 'continuous' }, guidelines)).toBeCloseTo(5.184, 6);
    expect(storageNeededTb(12, { retentionDays: 30, mode: 'motion' }, guidelines)).toBeCloseTo(5.184 * 0.3, 6);
  });
});
