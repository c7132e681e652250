import type { Camera, Product } from '../catalog/product';
import type { SiteData } from '../site-data';
import { formatLength } from '../units';
import { lensSetting } from '../video/pixel-density';
import { purposeText, quantityChangeText, reusedText } from '../wording';
import type { Line, View } from './configuration';

/**
 * Why a line is there, worded from the line as it is now. A rule stores only what it counted (the
 * bedrooms, the doors, the staff); what the product can do, how many the customer changed it to and
 * how many they already own are worded here each time, so a swap or an edit never leaves a stale
 * promise on the configurator, the estimate or the saved quote.
 */

type ReasonData = Pick<SiteData, 'guidelines' | 'settings'>;

/** What a camera does for the view its line asks for, worked out as the camera-view check does. */
export function viewReason(camera: Camera, view: View, data: ReasonData): string {
  const length = (m: number) => formatLength(m, data.settings.units, data.settings.locale);
  const setting = lensSetting(camera, view.purpose, view.distanceM, data.guidelines);
  const asked = `${purposeText[view.purpose]} at about ${length(view.distanceM)}`;
  return setting.meets ? `${view.label}: sharp enough to ${asked}.` : `${view.label}: asked to ${asked}; this camera does so only up to about ${length(setting.reachM)}.`;
}

/**
 * The line's reason: the rule's or the customer's words, what a camera does for its view, a
 * recommended quantity the customer changed, and the units they already own. `fallback` words a line
 * that neither a rule nor the customer gave a reason.
 */
export function lineReason(line: Line, product: Product, data: ReasonData, fallback = 'Added in the configurator.'): string {
  const why = line.reason ?? (line.recommended === undefined ? fallback : '');
  const view = line.view && product.type === 'camera' ? viewReason(product, line.view, data) : '';
  return [view, why, quantityChangeText(line.quantity, line.recommended), reusedText(line.quantity, line.reused)].filter(Boolean).join(' ');
}
