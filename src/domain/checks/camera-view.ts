import type { Camera } from '../catalog/product';
import type { Guidelines } from '../guidelines/guidelines';
import type { Line, Site } from '../configuration/configuration';
import type { SiteData } from '../site-data';
import { formatLength } from '../units';
import { lensSetting, purposeMet } from '../video/pixel-density';
import { purposeText as purposeWords } from '../wording';
import type { Check, ResolvedLine, SiteView } from './check';

/**
 * The view check of a camera line, in a module of its own: the configurator's swap dialog judges each
 * option with its verdict (viewFit), so it must not bring the other checks (or the assessment's
 * schemas) into the page, nor the check's wording.
 */

const ppm = (value: number) => `${Math.round(value)} px/m`;

/**
 * "The 4 MP turret camera with its 2.8 mm lens", "The 4K bullet camera, 2.8–12 mm zoom lens, zoomed to
 * 40°": the lens is named only when the product's name does not already say it.
 */
function cameraWords(camera: Camera, hfovDeg: number): string {
  const [wide, tele] = camera.specs.hfovDeg;
  if (wide !== tele) return `The ${camera.name}, zoomed to ${Math.round(hfovDeg)}°,`;
  return /\blens\b/i.test(camera.name) ? `The ${camera.name}` : `The ${camera.name} with its ${camera.specs.focalMm[0]} mm lens`;
}

/**
 * How a camera does at a view: its lens setting there, how far its infrared lights at night, and the
 * verdict: it passes when it reaches the density the purpose needs and, outdoors, lights that far.
 */
export function viewFit(product: Camera, target: NonNullable<Line['view']>, guidelines: Guidelines) {
  const setting = lensSetting(product, target.purpose, target.distanceM, guidelines);
  const nightReachM = (product.specs.irRangeM * guidelines.video.irPlanningPercent) / 100;
  const outdoor = product.specs.weatherRating !== 'indoor';
  const dark = outdoor && nightReachM < target.distanceM;
  return { setting, nightReachM, outdoor, status: setting.meets && !dark ? ('pass' as const) : ('warning' as const) };
}

/** Each camera view: the density the chosen camera achieves where the purpose asks for it. */
export function cameraViewCheck(view: SiteView, { line, index, product }: ResolvedLine & { product: Camera }): Check | null {
  const target = line.view;
  if (!target) return null;
  const { guidelines, settings, catalog } = view.data;
  const length = (m: number) => formatLength(m, settings.units, settings.locale);
  const { setting, nightReachM, outdoor, status } = viewFit(product, target, guidelines);
  const needed = guidelines.video.pixelDensity[target.purpose];
  const base = {
    id: `${view.site.id}:view:${index}`,
    siteId: view.site.id,
    system: 'video' as const,
    topic: 'camera-view' as const,
    title: `${target.label}: ${purposeWords[target.purpose]} at ${length(target.distanceM)}`,
  };
  const achieved = `${cameraWords(product, setting.hfovDeg)} gives ${ppm(setting.ppm)} at ${length(target.distanceM)}; ${purposeWords[target.purpose]} needs ${ppm(needed)}.`;

  if (status === 'pass') {
    return { ...base, status, detail: achieved };
  }
  if (setting.meets) {
    return {
      ...base,
      status: 'warning',
      detail: `${achieved} At night its infrared lights about ${length(nightReachM)} well, less than the ${length(target.distanceM)} asked: add lighting at the spot or choose a camera with longer infrared.`,
    };
  }
  const met = purposeMet(setting.ppm, guidelines);
  const better = catalog
    .ofType('camera')
    .filter((c) => c.id !== product.id && (c.specs.weatherRating !== 'indoor') === outdoor && c.suits.includes(view.audience))
    .map((c) => ({ camera: c, setting: lensSetting(c, target.purpose, target.distanceM, guidelines) }))
    .filter((c) => c.setting.meets)
    .sort((a, b) => a.camera.priceCents - b.camera.priceCents)[0];
  return {
    ...base,
    status: 'warning',
    detail: `${achieved} That is enough to ${met ? purposeWords[met] : 'see movement only'}; this camera reaches ${ppm(needed)} up to ${length(setting.reachM)}.${better ? '' : ' Mount it closer or add a second camera nearer the spot.'}`,
    ...(better
      ? {
          suggestion: {
            label: `Swap to the ${better.camera.name} (${ppm(better.setting.ppm)})`,
            change: { action: 'swap' as const, siteId: view.site.id, lineIndex: index, productId: better.camera.id },
          },
        }
      : {}),
  };
}

/**
 * The verdict of one line's view check (pass or warning; null without a camera view), as the check
 * beside the line gives it: the swap dialog judges each option with it without the check's words.
 */
export function lineViewStatus(site: Site, lineIndex: number, data: Pick<SiteData, 'catalog' | 'guidelines'>): 'pass' | 'warning' | null {
  const line = site.lines[lineIndex];
  const product = line && data.catalog.get(line.productId);
  if (!line?.view || product?.type !== 'camera') return null;
  return viewFit(product, line.view, data.guidelines).status;
}
