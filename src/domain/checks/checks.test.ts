import { describe, expect, it } from 'vitest';
import type { LineInput, Site } from '../configuration/configuration';
import { loadData } from '~tests/helpers/data-files';
import { viewPurposes } from '../guidelines/vocabulary';
import { fixtureConfig, fixtureData, fixtureSite } from '../fixtures';
import { runChecks, type Check } from './index';

function checksFor(lines: LineInput[], overrides: Partial<Site> = {}, audience: 'home' | 'business' = 'home'): Check[] {
  return runChecks(fixtureConfig([fixtureSite(lines, overrides)], { audience }), fixtureData);
}
const find = (checks: Check[], id: string) => checks.find((c) => c.id === `site-1:${id}`);
const home = (facts: Partial<Site['conditions']>): Partial<Site> => ({
  conditions: { storeys: 2, floorAreaM2: 150, ceilingHeightM: 2.5, wiringAccess: 'open', postalCode: '12345', ...facts },
});

describe('camera view checks', () => {
  it('name each shipped camera and its lens once: never "4 mm lens with its 4 mm lens"', () => {
    const shipped = loadData();
    for (const camera of shipped.catalog.ofType('camera')) {
      for (const purpose of viewPurposes) {
        for (const distanceM of [2, 12, 60]) {
          const site = fixtureSite([{ productId: camera.id, quantity: 1, view: { label: 'Gate', purpose, distanceM } }]);
          const check = runChecks(fixtureConfig([site]), shipped).find((c) => c.topic === 'camera-view')!;
          expect(check.detail.match(/\d mm (fixed )?lens/g)?.length ?? 0, check.detail).toBeLessThanOrEqual(1);
          expect(check.detail, camera.id).toContain(camera.name);
        }
      }
    }
  });

  const view = (distanceM: number, purpose: 'identify' | 'recognize' | 'observe' = 'identify') => ({ label: 'Front door', purpose, distanceM });

  it('passes a view the camera resolves well enough, with the numbers', () => {
    const check = find(checksFor([{ productId: 'cam', quantity: 1, view: view(3) }, { productId: 'nvr', quantity: 1 }]), 'view:0')!;
    expect(check.status).toBe('pass');
    expect(check.title).toBe('Front door: identify a stranger at 3 m');
    expect(check.detail).toMatch(/gives 3\d\d px\/m at 3 m; identify a stranger needs 250 px\/m/);
  });

  it('warns when the density falls short, says what it can do, and suggests a camera that can', () => {
    const check = find(checksFor([{ productId: 'cam', quantity: 1, view: view(8) }, { productId: 'nvr', quantity: 1 }]), 'view:0')!;
    expect(check.status).toBe('warning');
    expect(check.detail).toMatch(/enough to recognize someone you know/);
    expect(check.detail).toMatch(/reaches 250 px\/m up to 4\.3 m/);
    expect(check.suggestion?.change).toEqual({ action: 'swap', siteId: 'site-1', lineIndex: 0, productId: 'cam-best' });
  });

  it('warns about night views beyond the planned infrared reach', () => {
    // 30 m rated IR × 60 % = 18 m planned; an observe view at 20 m passes by day only.
    const check = find(checksFor([{ productId: 'cam-best', quantity: 1, view: view(20, 'observe') }, { productId: 'nvr', quantity: 1 }]), 'view:0')!;
    expect(check.status).toBe('warning');
    expect(check.detail).toMatch(/infrared lights about 18 m/);
  });
});

describe('recording checks', () => {
  it('asks for a recorder when cameras have none', () => {
    const check = find(checksFor([{ productId: 'cam', quantity: 2 }]), 'recording:channels')!;
    expect(check.status).toBe('problem');
    expect(check.suggestion?.change).toMatchObject({ action: 'add', productId: 'nvr', quantity: 1 });
  });

  it('flags too few channels', () => {
    const check = find(checksFor([{ productId: 'cam', quantity: 9 }, { productId: 'nvr', quantity: 1 }], {}, 'business'), 'recording:channels')!;
    expect(check).toMatchObject({ status: 'problem', detail: '9 cameras need 9 channels; the recorders have 8.' });
  });

  it('sizes storage for the retention asked and suggests drives that fit the bays', () => {
    // 4 × 3 Mbps × 10.8 × 30 days × 1.2 / 0.9 = 5.2 TB; the recorder ships 2 TB and has one bay in use.
    const short = find(checksFor([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }], { recording: { retentionDays: 30, mode: 'continuous' } }), 'recording:storage')!;
    expect(short.status).toBe('warning');
    expect(short.detail).toMatch(/30 days of continuous recording at 12 Mbps needs about 5\.2 TB/);
    expect(short.detail).toMatch(/no free bay/);

    const fine = find(checksFor([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }], { recording: { retentionDays: 7, mode: 'motion' } }), 'recording:storage')!;
    expect(fine.status).toBe('pass');
  });
});

describe('network checks', () => {
  it('adds a PoE switch when the recorder runs out of ports', () => {
    const check = find(checksFor([{ productId: 'cam', quantity: 12 }, { productId: 'nvr', quantity: 1 }], {}, 'business'), 'network:poe')!;
    expect(check.status).toBe('problem');
    expect(check.detail).toMatch(/12 PoE cameras draw about 72 W; the recorder and switches give only 8 PoE ports and 90 W\. Short: 4 ports/);
    expect(check.suggestion?.change).toMatchObject({ action: 'add', productId: 'switch-8', quantity: 1 });
  });

  it('passes when a switch makes up the difference', () => {
    const check = find(checksFor([{ productId: 'cam', quantity: 12 }, { productId: 'nvr', quantity: 1 }, { productId: 'switch-8', quantity: 1 }], {}, 'business'), 'network:poe')!;
    expect(check.status).toBe('pass');
  });

  it('flags estimated Ethernet runs over 100 m', () => {
    // 10 + 5 × 4 + √8100 = 120 m.
    const big = { conditions: { storeys: 5, floorAreaM2: 8100, ceilingHeightM: 3, wiringAccess: 'open' as const } };
    expect(find(checksFor([{ productId: 'cam', quantity: 1 }], big), 'cabling:length')).toMatchObject({ status: 'warning' });
    expect(find(checksFor([{ productId: 'cam', quantity: 1 }]), 'cabling:length')).toMatchObject({ status: 'pass' });
  });
});

describe('life-safety checks for homes', () => {
  it('counts a smoke alarm per bedroom and per story, combos included', () => {
    const missing = find(checksFor([{ productId: 'smoke', quantity: 3 }], home({ bedrooms: 3 })), 'life-safety:smoke')!;
    expect(missing.status).toBe('problem');
    expect(missing.detail).toMatch(/3 bedrooms and 2 stories need 5 smoke alarms/);
    expect(missing.suggestion?.change).toMatchObject({ action: 'add', productId: 'smoke', quantity: 2 });
    const enough = find(checksFor([{ productId: 'smoke', quantity: 3 }, { productId: 'combo', quantity: 2 }], home({ bedrooms: 3 })), 'life-safety:smoke')!;
    expect(enough.status).toBe('pass');
  });

  it('asks for CO alarms on every story with fuel-burning appliances or an attached garage', () => {
    expect(find(checksFor([{ productId: 'smoke', quantity: 5 }], home({ bedrooms: 3 })), 'life-safety:co')).toBeUndefined();
    const check = find(checksFor([{ productId: 'smoke', quantity: 5 }], home({ bedrooms: 3, attachedGarage: true })), 'life-safety:co')!;
    expect(check).toMatchObject({ status: 'problem', title: 'Carbon monoxide alarms missing' });
    expect(check.suggestion?.change).toMatchObject({ productId: 'co', quantity: 2 });
  });

  it('warns rather than fails when the plan has no fire system at all', () => {
    expect(find(checksFor([{ productId: 'cam', quantity: 1 }], home({ bedrooms: 2 })), 'life-safety:smoke')).toMatchObject({ status: 'warning' });
  });
});

describe('commercial fire checks', () => {
  const office = { conditions: { storeys: 1, floorAreaM2: 500, ceilingHeightM: 3, wiringAccess: 'open' as const, exits: 3 } };

  it('requires a panel for fire devices', () => {
    expect(find(checksFor([{ productId: 'detector', quantity: 6 }], office, 'business'), 'life-safety:fire-panel')).toMatchObject({ status: 'problem' });
  });

  it('sizes detectors by area, horn/strobes by area and pull stations by exits', () => {
    const checks = checksFor([{ productId: 'fire-panel', quantity: 1 }, { productId: 'detector', quantity: 4 }, { productId: 'horn', quantity: 2 }, { productId: 'pull', quantity: 3 }], office, 'business');
    expect(find(checks, 'life-safety:smoke-detector')).toMatchObject({ status: 'warning', suggestion: { change: { quantity: 2 } } });
    expect(find(checks, 'life-safety:horn-strobe')).toMatchObject({ status: 'pass' });
    expect(find(checks, 'life-safety:pull-station')).toMatchObject({ status: 'pass' });
  });

  it('quotes the pull-station distance from the guidelines, in the installer’s units', () => {
    const checks = checksFor([{ productId: 'fire-panel', quantity: 1 }, { productId: 'pull', quantity: 1 }], office, 'business');
    expect(find(checks, 'life-safety:pull-station')).toMatchObject({
      status: 'warning',
      detail: 'a pull station within 1.5 m of each of 3 exits: 3 needed, 1 planned. Local fire code decides; the site survey confirms.',
    });
  });
});

describe('intrusion and access checks', () => {
  it('asks for a panel when sensors have none', () => {
    expect(find(checksFor([{ productId: 'contact', quantity: 3 }]), 'intrusion:panel')).toMatchObject({ status: 'problem', suggestion: { change: { productId: 'panel' } } });
    expect(find(checksFor([{ productId: 'contact', quantity: 3 }, { productId: 'panel', quantity: 1 }]), 'intrusion:zones')).toMatchObject({ status: 'pass' });
  });

  it('flags maglocks without request-to-exit devices', () => {
    const checks = checksFor([{ productId: 'maglock', quantity: 2 }, { productId: 'rex', quantity: 1 }, { productId: 'controller-2', quantity: 1 }], {}, 'business');
    expect(find(checks, 'access:egress')).toMatchObject({ status: 'problem', suggestion: { change: { productId: 'rex', quantity: 1 } } });
    expect(find(checks, 'access:controllers')).toMatchObject({ status: 'pass' });
  });

  it('passes strikes without exit devices and counts controller ports', () => {
    const checks = checksFor([{ productId: 'strike', quantity: 3 }, { productId: 'reader', quantity: 3 }, { productId: 'controller-2', quantity: 1 }], {}, 'business');
    expect(find(checks, 'access:egress')).toBeUndefined();
    expect(find(checks, 'access:controllers')).toMatchObject({ status: 'problem', suggestion: { change: { productId: 'controller-2', quantity: 1 } } });
  });
});

it('lists problems before warnings before passes', () => {
  const checks = checksFor([{ productId: 'cam', quantity: 12, view: { label: 'Gate', purpose: 'identify', distanceM: 9 } }, { productId: 'nvr', quantity: 1 }], {}, 'business');
  const order = { problem: 0, warning: 1, pass: 2 };
  const ranks = checks.map((c) => order[c.status]);
  expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  expect(new Set(checks.map((c) => c.id)).size).toBe(checks.length);
});
