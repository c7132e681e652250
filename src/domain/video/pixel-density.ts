import type { Camera } from '../catalog/product';
import type { Guidelines } from '../guidelines/guidelines';
import { viewPurposes, type ViewPurpose } from '../guidelines/vocabulary';

/**
 * Pixel density on target decides what a camera can do (IEC/EN 62676-4): scene width at distance d is
 * W = 2·d·tan(HFOV/2) and density = horizontal pixels / W.
 */

const radians = (degrees: number) => (degrees * Math.PI) / 180;

export function sceneWidthM(hfovDeg: number, distanceM: number): number {
  return 2 * distanceM * Math.tan(radians(hfovDeg) / 2);
}

export function pixelDensity(widthPx: number, hfovDeg: number, distanceM: number): number {
  return widthPx / sceneWidthM(hfovDeg, distanceM);
}

/** Farthest distance at which `ppm` is still reached. */
export function maxDistanceM(widthPx: number, hfovDeg: number, ppm: number): number {
  return widthPx / (ppm * 2 * Math.tan(radians(hfovDeg) / 2));
}

/** Field of view that gives exactly `ppm` at a distance. */
function hfovForDensity(widthPx: number, distanceM: number, ppm: number): number {
  return (2 * Math.atan(widthPx / (2 * distanceM * ppm)) * 180) / Math.PI;
}

/** The most demanding purpose a density meets, or null below detection. */
export function purposeMet(ppm: number, guidelines: Guidelines): ViewPurpose | null {
  const { pixelDensity: needs } = guidelines.video;
  const mostDemandingFirst = [...viewPurposes].sort((a, b) => needs[b] - needs[a]);
  return mostDemandingFirst.find((purpose) => ppm >= needs[purpose]) ?? null;
}

export interface LensSetting {
  /** Field of view the lens is set to (a varifocal zooms in only as far as the purpose needs). */
  hfovDeg: number;
  ppm: number;
  meets: boolean;
  /** Farthest distance the purpose is met at the narrowest setting. */
  reachM: number;
}

/**
 * How to set a camera's lens for a view: as wide as possible while still meeting the purpose; a
 * fixed lens has one setting.
 */
export function lensSetting(camera: Camera, purpose: ViewPurpose, distanceM: number, guidelines: Guidelines): LensSetting {
  const needed = guidelines.video.pixelDensity[purpose];
  const width = camera.specs.resolution.width;
  const [wide, tele] = camera.specs.hfovDeg;
  const narrowest = Math.min(wide, tele);
  const reachM = maxDistanceM(width, narrowest, needed);
  const atWide = pixelDensity(width, wide, distanceM);
  if (atWide >= needed) return { hfovDeg: wide, ppm: atWide, meets: true, reachM };
  const zoomed = hfovForDensity(width, distanceM, needed);
  if (zoomed >= narrowest) return { hfovDeg: zoomed, ppm: needed, meets: true, reachM };
  return { hfovDeg: narrowest, ppm: pixelDensity(width, narrowest, distanceM), meets: false, reachM };
}
