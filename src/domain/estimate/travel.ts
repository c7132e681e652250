import type { Settings } from '../settings/settings';

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
