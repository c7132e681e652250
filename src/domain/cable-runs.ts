import type { Site } from './configuration/configuration';
import type { Settings } from './settings/settings';

/**
 * The estimated length of one cable run on a site: grows with storeys and with the floor's size. The
 * cabling line prices runs of this length and the network check holds it against the Ethernet limit,
 * so both read the one guess (until the site survey measures it).
 */
export function averageRunLengthM(site: Site, settings: Settings): number {
  const { baseM, perStoreyM, perSqrtAreaM } = settings.cableRuns;
  return baseM + perStoreyM * (site.conditions.storeys - 1) + perSqrtAreaM * Math.sqrt(site.conditions.floorAreaM2);
}
