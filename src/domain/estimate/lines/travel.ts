import type { Settings } from '~/domain/settings/settings';
import { count } from '~/domain/units';
import { capitalized, crewText } from '~/domain/wording';
import type { PricingContext } from '../context';
import { technicianDays, type Duration } from '../duration';
import type { EstimateLine } from './line';

/**
 * Travel: a charge per technician-day the crew plan books (../duration), plus the zone's extra for
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

/** The travel line, or null when there is no work on site (or no travel product to price it with). */
export function travelLine(duration: Duration, zone: TravelZoneMatch, ctx: PricingContext): EstimateLine | null {
  const { catalog, settings } = ctx;
  const travel = catalog.get(settings.travel.productId);
  if (!travel || duration.hours.high <= 0) return null;
  const perDay = travel.priceCents + zone.zone.extraPerTechnicianDayCents;
  const booked = technicianDays(duration);
  const widen = zone.assumed ? settings.travel.unknownZoneSpreadHighPercent : 0;
  const technicianDaysText = booked.low === booked.high ? count(booked.high, 'technician-day') : `${booked.low} to ${booked.high} technician-days`;
  return {
    kind: 'travel',
    taxClass: 'labor',
    label: 'Travel',
    productId: travel.id,
    unitCents: perDay,
    amount: { low: booked.low * perDay, high: Math.round((booked.high * perDay * (100 + widen)) / 100) },
    reason: `${capitalized(crewText(duration))}: ${technicianDaysText} at ${ctx.money(perDay)} in the ${zone.zone.name} zone.`,
    drivers: zone.assumed ? [{ label: 'No ZIP code yet, so the travel zone is assumed', laborPercent: 0, highPercent: widen }] : [],
  };
}
