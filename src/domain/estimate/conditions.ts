import type { InstalledProduct } from '../catalog/product';
import type { Line, SiteConditions } from '../configuration/configuration';
import type { Settings } from '../settings/settings';

/** Something that widened a line's range (or lengthened its labor), in plain words. */
export interface Driver {
  label: string;
  /** Extra labor time it adds, percent. */
  laborPercent: number;
  /** How much further the high end reaches, percent. */
  highPercent: number;
  /**
   * On labor lines: this driver's own share of the billed hours, in whole billing increments, so the
   * shares add up to the line's hours (see ./lines/labor.ts for how they combine).
   */
  hours?: { higher: number; lower: number };
}

/** What a site's conditions do to wired and wireless installs. */
export interface ConditionEffects {
  wired: Driver[];
  wireless: Driver[];
}

export function conditionEffects(conditions: SiteConditions, settings: Settings): ConditionEffects {
  const site = settings.siteConditions;
  const toDriver = (c: { label: string; laborPercent: number; spreadHighPercent: number }, times = 1): Driver => ({
    label: c.label,
    laborPercent: c.laborPercent * times,
    highPercent: c.spreadHighPercent * times,
  });
  const everywhere: Driver[] = conditions.ceilingHeightM > site.highCeilingAboveM ? [toDriver(site.highCeiling)] : [];
  const wired: Driver[] = [...everywhere];
  const wiring = site.wiringAccess[conditions.wiringAccess];
  if (wiring.laborPercent > 0 || wiring.spreadHighPercent > 0) wired.push(toDriver(wiring));
  const extraStoreys = Math.max(0, conditions.storeys - 2);
  if (extraStoreys > 0) wired.push(toDriver(site.perExtraStorey, extraStoreys));
  return { wired, wireless: everywhere };
}

export type Connection = 'wired' | 'wireless';

/**
 * How a line is installed: as chosen, else the only way the product offers, else wireless where
 * walls are finished or unknown (fishing cable costs more than the device saves) and wired elsewhere.
 */
export function connectionFor(product: InstalledProduct, line: Pick<Line, 'connection'>, conditions: SiteConditions): Connection {
  const offers = (c: Connection) => product.install[`${c}Minutes`] !== undefined;
  if (line.connection && offers(line.connection)) return line.connection;
  if (!offers('wired')) return 'wireless';
  if (!offers('wireless')) return 'wired';
  return conditions.wiringAccess === 'finished' || conditions.wiringAccess === 'unknown' ? 'wireless' : 'wired';
}
