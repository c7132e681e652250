import { countOfRole, systemInfo, type RoleId, type SystemId } from '../../catalog/roles';
import type { SiteConditions } from '../../configuration/configuration';
import { priceOfMinutes, type Cents } from '../../money';
import { formatHours } from '../../units';
import { conditionEffects, sumPercent, type Driver } from '../conditions';
import type { PricingContext } from '../context';
import { newUnits, type EstimateLine, type Install } from './line';

/**
 * Installation labour, one line per system: each unit's install time, lengthened by the site's
 * conditions and widened by the settings' spread; reused units cost a share of a new one's time.
 * Time rounds to whole minutes before it is priced.
 */

/** Minutes of work, fractional until priced: the central figure and the ends of its range. */
export interface Work {
  central: number;
  low: number;
  high: number;
}

interface Trade {
  work: Work;
  units: Map<RoleId, number>;
  drivers: Driver[];
}

/** Adds `minutes` of work widened by `highPercent` above and the settings' low spread below. */
function addWork(work: Work, minutes: number, highPercent: number, lowPercent: number): void {
  work.central += minutes;
  work.low += (minutes * (100 - lowPercent)) / 100;
  work.high += (minutes * (100 + highPercent)) / 100;
}

function mergeDrivers(into: Driver[], drivers: Driver[]): void {
  for (const driver of drivers) if (!into.some((d) => d.label === driver.label)) into.push(driver);
}

function tradesOf(installs: Install[], conditions: SiteConditions, ctx: PricingContext): Map<SystemId, Trade> {
  const { settings } = ctx;
  const effects = conditionEffects(conditions, settings);
  const { lowPercent, highPercent } = settings.spread;
  const reuseDriver: Driver = { label: settings.reuse.label, laborPercent: 0, highPercent: settings.reuse.spreadHighPercent };
  const trades = new Map<SystemId, Trade>();
  for (const { line, product, system, connection } of installs) {
    const drivers = effects[connection];
    const unitMinutes = product.install[`${connection}Minutes`]!;
    const factor = (100 + sumPercent(drivers, 'laborPercent')) / 100;
    const entry = trades.get(system) ?? { work: { central: 0, low: 0, high: 0 }, units: new Map(), drivers: [] };
    const conditionHigh = highPercent + sumPercent(drivers, 'highPercent');
    addWork(entry.work, newUnits(line) * unitMinutes * factor, conditionHigh, lowPercent);
    if (line.reused > 0) {
      const reusedMinutes = (line.reused * unitMinutes * factor * settings.reuse.laborPercent) / 100;
      addWork(entry.work, reusedMinutes, conditionHigh + settings.reuse.spreadHighPercent, lowPercent);
      mergeDrivers(entry.drivers, [reuseDriver]);
    }
    mergeDrivers(entry.drivers, drivers);
    entry.units.set(product.role, (entry.units.get(product.role) ?? 0) + line.quantity);
    trades.set(system, entry);
  }
  return trades;
}

function laborLine(system: SystemId, trade: Trade, hourlyCents: Cents, ctx: PricingContext): EstimateLine {
  const { work } = trade;
  const items = [...trade.units].map(([role, units]) => countOfRole(role, units));
  return {
    kind: 'labor',
    taxClass: 'labor',
    label: `${systemInfo[system].short} installation labor`,
    system,
    amount: { low: priceOfMinutes(Math.round(work.low), hourlyCents), high: priceOfMinutes(Math.round(work.high), hourlyCents) },
    reason: `Mounting, wiring, programming and testing ${items.join(', ')}: about ${formatHours(work.central / 60, ctx.settings.locale)} at ${ctx.money(hourlyCents)} an hour.`,
    drivers: trade.drivers,
  };
}

/** The labour lines, in the order the systems first appear, and the minutes they add up to. */
export function laborLines(installs: Install[], conditions: SiteConditions, ctx: PricingContext): { lines: EstimateLine[]; minutes: Work } {
  const { labor } = ctx.settings;
  const hourlyCents = ctx.audience === 'business' ? labor.commercialHourlyCents : labor.residentialHourlyCents;
  const lines: EstimateLine[] = [];
  const minutes: Work = { central: 0, low: 0, high: 0 };
  for (const [system, trade] of tradesOf(installs, conditions, ctx)) {
    lines.push(laborLine(system, trade, hourlyCents, ctx));
    minutes.central += trade.work.central;
    minutes.low += trade.work.low;
    minutes.high += trade.work.high;
  }
  return { lines, minutes };
}
