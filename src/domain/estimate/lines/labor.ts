import { countOfRole, systemInfo, type RoleId, type SystemId } from '~/domain/catalog/roles';
import type { SiteConditions } from '~/domain/configuration/configuration';
import { priceOfMinutes, type Cents } from '~/domain/money';
import type { Settings } from '~/domain/settings/settings';
import { hoursRangeText, hoursText } from '~/domain/wording';
import { conditionEffects, type Driver } from '../conditions';
import type { PricingContext } from '../context';
import { newUnits, type EstimateLine, type Install } from './line';

/**
 * Installation labor, one line per system. The one way its figures are made:
 *
 * 1. Expected time: each unit's catalog install minutes, plus every site condition's `laborPercent`
 *    of them (conditions add to each other, they do not compound). A reused unit takes
 *    `reuse.laborPercent` of a new one's time.
 * 2. Reach: every widening driver (the settings' base `spread`, each site condition, reuse) reaches
 *    its `highPercent` of the expected time of the units it applies to. One cause summed over units
 *    adds up; different causes are independent, so they combine as the root of the sum of their
 *    squares: a driver alone reaches its full share, two together less than both added, so
 *    "wiring access unknown" never simply stacks on the base spread.
 * 3. Low end: the expected time less `spread.lowPercent`.
 * 4. Billed hours: the low end, the expected time and the high end are each rounded up to
 *    `labor.billingIncrementMinutes`; the amount is billed hours × the hourly rate, to the cent.
 * 5. Shares: the billed hours above the expected time are split between the drivers in proportion to
 *    the square of each one's reach, in whole increments (largest remainder), so the shares shown
 *    beside the line add up to its hours. The hours below it belong to the base spread.
 *
 * Labor is the whole job of fitting the devices, programming and testing included: the catalog's install
 * minutes are held to the published whole-job figures ("~2–3 h per wired camera in all", commissioning
 * among them), so there is no separate programming charge. The handover walkthrough is a service with
 * its own line, never counted here.
 */

/** Billed minutes: the low end, the expected time and the high end of a line. */
export interface LaborMinutes {
  low: number;
  expected: number;
  high: number;
}

interface Reach {
  driver: Driver;
  minutes: number;
}

interface Trade {
  expected: number;
  /** By driver label, the base spread first, then in the order drivers first apply. */
  reach: Map<string, Reach>;
  units: Map<RoleId, number>;
}

function addReach(trade: Trade, driver: Driver, minutes: number): void {
  const known = trade.reach.get(driver.label);
  if (known) known.minutes += minutes;
  else trade.reach.set(driver.label, { driver, minutes });
}

const percentOf = (minutes: number, percent: number) => (minutes * percent) / 100;

function tradesOf(installs: Install[], conditions: SiteConditions, settings: Settings): Map<SystemId, Trade> {
  const effects = conditionEffects(conditions, settings);
  const spreadDriver: Driver = { label: settings.spread.label, laborPercent: 0, highPercent: settings.spread.highPercent };
  const reuseDriver: Driver = { label: settings.reuse.label, laborPercent: 0, highPercent: settings.reuse.spreadHighPercent };
  const trades = new Map<SystemId, Trade>();
  for (const { line, product, system, connection } of installs) {
    const drivers = effects[connection];
    const lengthened = (100 + drivers.reduce((sum, d) => sum + d.laborPercent, 0)) / 100;
    const unitMinutes = product.install[`${connection}Minutes`]! * lengthened;
    const reusedMinutes = percentOf(line.reused * unitMinutes, settings.reuse.laborPercent);
    const minutes = newUnits(line) * unitMinutes + reusedMinutes;
    const trade = trades.get(system) ?? { expected: 0, reach: new Map([[spreadDriver.label, { driver: spreadDriver, minutes: 0 }]]), units: new Map() };
    trade.expected += minutes;
    addReach(trade, spreadDriver, percentOf(minutes, spreadDriver.highPercent));
    for (const driver of drivers) addReach(trade, driver, percentOf(minutes, driver.highPercent));
    if (line.reused > 0) addReach(trade, reuseDriver, percentOf(reusedMinutes, reuseDriver.highPercent));
    trade.units.set(product.role, (trade.units.get(product.role) ?? 0) + line.quantity);
    trades.set(system, trade);
  }
  return trades;
}

/** Rounds minutes up to the billing increment (a hair of floating-point noise is not a whole increment). */
function billed(minutes: number, increment: number): number {
  return Math.max(0, Math.ceil(minutes / increment - 1e-9)) * increment;
}

/** Splits `steps` increments in proportion to `weights`, largest remainder first, so they add up to `steps`. */
function apportion(steps: number, weights: number[]): number[] {
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (steps * w) / total);
  const shares = exact.map(Math.floor);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const left = steps - shares.reduce((sum, s) => sum + s, 0);
  for (let k = 0; k < left; k++) shares[order[k]!.i]! += 1;
  return shares;
}

/** Billed minutes of a trade and each driver's share of them, by the rules above. */
function laborMinutes(trade: Trade, settings: Settings): { minutes: LaborMinutes; drivers: Driver[] } {
  const increment = settings.labor.billingIncrementMinutes;
  const reaches = [...trade.reach.values()];
  const widening = Math.sqrt(reaches.reduce((sum, r) => sum + r.minutes ** 2, 0));
  const minutes = {
    low: billed(percentOf(trade.expected, 100 - settings.spread.lowPercent), increment),
    expected: billed(trade.expected, increment),
    high: billed(trade.expected + widening, increment),
  };
  const shares = apportion((minutes.high - minutes.expected) / increment, reaches.map((r) => r.minutes ** 2));
  const drivers = reaches
    .map((r, i) => ({
      ...r.driver,
      hours: { higher: (shares[i]! * increment) / 60, lower: i === 0 ? (minutes.expected - minutes.low) / 60 : 0 },
    }))
    .filter((d) => d.laborPercent > 0 || d.hours.higher > 0 || d.hours.lower > 0);
  return { minutes, drivers };
}

function laborLine(system: SystemId, trade: Trade, hourlyCents: Cents, ctx: PricingContext): { line: EstimateLine; minutes: LaborMinutes } {
  const { locale } = ctx.settings;
  const { minutes, drivers } = laborMinutes(trade, ctx.settings);
  const items = [...trade.units].map(([role, units]) => countOfRole(role, units));
  const hours = { low: minutes.low / 60, high: minutes.high / 60 };
  const expected = minutes.low === minutes.high ? '' : `, about ${hoursText(minutes.expected / 60, locale)} expected`;
  return {
    minutes,
    line: {
      kind: 'labor',
      taxClass: 'labor',
      label: `${systemInfo[system].short} installation labor`,
      system,
      unitCents: hourlyCents,
      hours,
      amount: { low: priceOfMinutes(minutes.low, hourlyCents), high: priceOfMinutes(minutes.high, hourlyCents) },
      reason: `Mounting, wiring, programming and testing ${items.join(', ')} (the handover walkthrough is not part of it): ${hoursRangeText(hours, locale)} at ${ctx.money(hourlyCents)} an hour${expected}.`,
      drivers,
    },
  };
}

/** The labor lines, in the order the systems first appear, and the billed minutes they add up to. */
export function laborLines(installs: Install[], conditions: SiteConditions, ctx: PricingContext): { lines: EstimateLine[]; minutes: LaborMinutes } {
  const { labor } = ctx.settings;
  const hourlyCents = ctx.audience === 'business' ? labor.commercialHourlyCents : labor.residentialHourlyCents;
  const lines: EstimateLine[] = [];
  const total: LaborMinutes = { low: 0, expected: 0, high: 0 };
  for (const [system, trade] of tradesOf(installs, conditions, ctx.settings)) {
    const { line, minutes } = laborLine(system, trade, hourlyCents, ctx);
    lines.push(line);
    total.low += minutes.low;
    total.expected += minutes.expected;
    total.high += minutes.high;
  }
  return { lines, minutes: total };
}
