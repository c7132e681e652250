import type { Settings } from '../../settings/settings';
import { count } from '../../units';
import type { PricingContext } from '../context';
import { technicianDays } from '../duration';
import type { EstimateLine } from './line';

/**
 * Travel: a charge per technician-day on site (a part day is a trip), plus the zone's extra for
 * the postal code. Without a postal code the fallback zone is assumed and the high end widened.
 */

export interface TravelZoneMatch {
  zone: Settings['travel']['zones'][number];
  /** True when no postal code matched and the fallback zone was assumed. */
  assumed: boolean;
}

/** The zone whose longest prefix matches the postal code, or the fallback zone. */
export function travelZoneFor(postalCode: string | undefined, settings: Settings): TravelZoneMatch {
  const code = (postalCode ?? '').replace(/\s+/g, '').toUpperCase();
  let best: TravelZoneMatch['zone'] | undefined;
  let bestLength = 0;
  if (code) {
    for (const zone of settings.travel.zones) {
      for (const prefix of zone.postalPrefixes) {
        const normalized = prefix.replace(/\s+/g, '').toUpperCase();
        if (code.startsWith(normalized) && normalized.length > bestLength) {
          best = zone;
          bestLength = normalized.length;
        }
      }
    }
  }
  if (best) return { zone: best, assumed: false };
  const fallback = settings.travel.zones.find((z) => z.id === settings.travel.fallbackZone)!;
  return { zone: fallback, assumed: true };
}

/** Whole minutes on site, central and at each end of the range. */
export interface OnSiteMinutes {
  low: number;
  central: number;
  high: number;
}

/** The travel line, or null when there is no work on site (or no travel product to price it with). */
export function travelLine(onSite: OnSiteMinutes, zone: TravelZoneMatch, ctx: PricingContext): EstimateLine | null {
  const { catalog, settings } = ctx;
  const travel = catalog.get(settings.travel.productId);
  if (!travel || onSite.high <= 0) return null;
  const perDay = travel.priceCents + zone.zone.extraPerTechnicianDayCents;
  const daysLow = technicianDays(onSite.low, settings);
  const daysHigh = technicianDays(onSite.high, settings);
  const widen = zone.assumed ? settings.travel.unknownZoneSpreadHighPercent : 0;
  return {
    kind: 'travel',
    taxClass: 'labor',
    label: 'Travel',
    productId: travel.id,
    quantity: technicianDays(onSite.central, settings),
    unitCents: perDay,
    amount: { low: daysLow * perDay, high: Math.round((daysHigh * perDay * (100 + widen)) / 100) },
    reason: `${count(daysLow, 'technician-day')}${daysHigh > daysLow ? ` to ${daysHigh}` : ''} at ${ctx.money(perDay)} in the ${zone.zone.name} zone.`,
    drivers: zone.assumed ? [{ label: 'No postal code yet, so the travel zone is assumed', laborPercent: 0, highPercent: widen }] : [],
  };
}
