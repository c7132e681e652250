import type { Catalog } from '../catalog/catalog';
import type { Cable, InstalledProduct, MonitoringPlan, Product, Service } from '../catalog/product';
import { isInstalled } from '../catalog/guards';
import { countOfRole, groupOfRole, midSentence, systemInfo, type RoleId, type SystemId } from '../catalog/roles';
import type { Audience, Configuration, Line, Site } from '../configuration/configuration';
import { addRanges, applyPpm, exact, formatMoney, percentToPpm, priceOfMinutes, type Cents, type Range } from '../money';
import type { Settings } from '../settings/settings';
import { count, formatHours, formatLength } from '../units';
import { conditionEffects, connectionFor, sumPercent, type Connection, type Driver } from './conditions';
import { termEndDate } from './dates';
import { combineDurations, siteDuration, technicianDays, type Duration } from './duration';
import { travelZoneFor } from './travel';

/**
 * The estimate engine: a configuration, the catalog and the settings in; an honest low–high estimate
 * out, with a reason and the range drivers on every line. Pure and deterministic: the same input
 * gives the same output in the browser and on the server.
 *
 * Rounding: labour time rounds to whole minutes before it is priced; every line is rounded half up to
 * the cent on its own; subtotals are sums of lines; tax is the class rate applied to the class
 * subtotal, half up. Equipment has no range (catalog prices are
 * fixed); labour, materials, travel and permits do.
 */

export type LineKind = 'equipment' | 'service' | 'permit' | 'labor' | 'materials' | 'travel';
/** Equipment and materials carry the equipment tax rate, work the labour rate; permits pass through. */
export type TaxClass = 'equipment' | 'labor' | 'exempt';

export interface EstimateLine {
  kind: LineKind;
  taxClass: TaxClass;
  label: string;
  /** Why the line is there, with the numbers behind it. */
  reason: string;
  amount: Range;
  /** What widened the range (or lengthened the work), empty when the amount is exact. */
  drivers: Driver[];
  productId?: string;
  model?: string;
  system?: SystemId;
  quantity?: number;
  /** Units the customer already owns that are reused (not charged as equipment). */
  reused?: number;
  unitCents?: Cents;
}

export interface PlanTerms {
  productId: string;
  name: string;
  monthlyCents: Cents;
  /** Contract months; 0 = month to month. */
  termMonths: number;
  /** Months counted in the total cost (the term, or the first 12 for month to month). */
  monthsCounted: number;
  startDate: string;
  /** Last day of the contract; null for month to month. */
  endDate: string | null;
  cancellation: string;
  earlyTerminationPercent: number;
  /** One-time total plus the monthly fees over `monthsCounted`. */
  totalOverTerm: Range;
}

export interface SiteEstimate {
  siteId: string;
  name: string;
  lines: EstimateLine[];
  /** Before tax, after any minimum-charge top-up. */
  subtotal: Range;
  /** Added to bring the work (labour, services, travel) up to the minimum charge, at each end. */
  minimumTopUp: { atLow: Cents; atHigh: Cents };
  tax: Range;
  oneTime: Range;
  duration: Duration;
  travelZone: { id: string; name: string; assumed: boolean };
  plan: PlanTerms | null;
}

export interface Estimate {
  currency: string;
  locale: string;
  sites: SiteEstimate[];
  subtotal: Range;
  tax: Range;
  oneTime: Range;
  monthlyCents: Cents;
  /** One-time total plus every site's monthly fees over its counted months. */
  totalOverTerm: Range;
  duration: Duration;
}

export interface EstimateData {
  catalog: Catalog;
  settings: Settings;
}

interface Work {
  central: number;
  low: number;
  high: number;
}

interface Context extends EstimateData {
  audience: Audience;
  startDate: string;
  money: (cents: Cents) => string;
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

function equipmentLine(line: Line, product: InstalledProduct, system: SystemId): EstimateLine {
  const newUnits = line.quantity - line.reused;
  const reusedNote = line.reused > 0 ? ` ${line.reused} of ${line.quantity} already on site and reused.` : '';
  return {
    kind: 'equipment',
    taxClass: 'equipment',
    label: product.name,
    model: `${product.brand} ${product.model}`,
    productId: product.id,
    system,
    quantity: line.quantity,
    reused: line.reused,
    unitCents: product.priceCents,
    amount: exact(newUnits * product.priceCents),
    reason: `${line.reason ?? 'Added in the configurator.'}${reusedNote}`,
    drivers: [],
  };
}

function serviceLine(line: Line, service: Service, ctx: Context): EstimateLine {
  const central = line.quantity * service.priceCents;
  const high = Math.round((central * (100 + service.specs.spreadHighPercent)) / 100);
  const permit = service.role === 'permit';
  return {
    kind: permit ? 'permit' : 'service',
    taxClass: permit ? 'exempt' : 'labor',
    label: service.name,
    productId: service.id,
    quantity: line.quantity,
    unitCents: service.priceCents,
    amount: { low: central, high },
    reason: line.reason ?? `${count(line.quantity, service.specs.per.replace('-', ' '))} at ${ctx.money(service.priceCents)}.`,
    drivers:
      service.specs.spreadHighPercent > 0
        ? [{ label: permit ? 'Permit fees are set by the town or county' : 'Final scope is confirmed on site', laborPercent: 0, highPercent: service.specs.spreadHighPercent }]
        : [],
  };
}

function laborLine(system: SystemId, work: Work, items: string[], drivers: Driver[], hourlyCents: Cents, ctx: Context): EstimateLine {
  const locale = ctx.settings.locale;
  return {
    kind: 'labor',
    taxClass: 'labor',
    label: `${systemInfo[system].short} installation labor`,
    system,
    amount: { low: priceOfMinutes(Math.round(work.low), hourlyCents), high: priceOfMinutes(Math.round(work.high), hourlyCents) },
    reason: `Mounting, wiring, programming and testing ${items.join(', ')}: about ${formatHours(work.central / 60, locale)} at ${ctx.money(hourlyCents)} an hour.`,
    drivers,
  };
}

function materialsLine(cable: Cable, runs: number, runLengthM: number, ctx: Context): EstimateLine {
  const { cableRuns, units, locale } = ctx.settings;
  const fittings = runs * cable.specs.fittingsPerRunCents;
  const metres = runs * runLengthM;
  const at = (share: number) => Math.round(metres * share * cable.priceCents) + fittings;
  return {
    kind: 'materials',
    taxClass: 'equipment',
    label: cable.name,
    productId: cable.id,
    quantity: runs,
    amount: { low: at((100 - cableRuns.spreadPercent) / 100), high: at((100 + cableRuns.spreadPercent) / 100) },
    reason: `${count(runs, 'cable run')} of about ${formatLength(runLengthM, units, locale)}${runs > 1 ? ' each' : ''}, with ${midSentence(cable.specs.usedFor)}.`,
    drivers: [{ label: cableRuns.label, laborPercent: 0, highPercent: cableRuns.spreadPercent }],
  };
}

export function averageRunLengthM(site: Site, settings: Settings): number {
  const { baseM, perStoreyM, perSqrtAreaM } = settings.cableRuns;
  return baseM + perStoreyM * (site.conditions.storeys - 1) + perSqrtAreaM * Math.sqrt(site.conditions.floorAreaM2);
}

function taxOf(lines: EstimateLine[], topUp: { atLow: Cents; atHigh: Cents }, settings: Settings): Range {
  const base = (taxClass: TaxClass) => addRanges(...lines.filter((l) => l.taxClass === taxClass).map((l) => l.amount));
  const equipment = base('equipment');
  const labor = addRanges(base('labor'), { low: topUp.atLow, high: topUp.atHigh });
  const equipmentPpm = percentToPpm(settings.tax.equipmentPercent);
  const laborPpm = percentToPpm(settings.tax.laborPercent);
  return {
    low: applyPpm(equipment.low, equipmentPpm) + applyPpm(labor.low, laborPpm),
    high: applyPpm(equipment.high, equipmentPpm) + applyPpm(labor.high, laborPpm),
  };
}

function planTerms(plan: MonitoringPlan, oneTime: Range, startDate: string): PlanTerms {
  const { monthlyCents, termMonths } = plan.specs;
  const monthsCounted = termMonths || 12;
  const recurring = monthlyCents * monthsCounted;
  return {
    productId: plan.id,
    name: plan.name,
    monthlyCents,
    termMonths,
    monthsCounted,
    startDate,
    endDate: termMonths > 0 ? termEndDate(startDate, termMonths) : null,
    cancellation: plan.specs.cancellation,
    earlyTerminationPercent: plan.specs.earlyTerminationPercent,
    totalOverTerm: { low: oneTime.low + recurring, high: oneTime.high + recurring },
  };
}

function estimateSite(site: Site, ctx: Context): SiteEstimate {
  const { catalog, settings } = ctx;
  const hourlyCents = ctx.audience === 'business' ? settings.labor.commercialHourlyCents : settings.labor.residentialHourlyCents;
  const effects = conditionEffects(site.conditions, settings);
  const { lowPercent, highPercent } = settings.spread;
  const reuseDriver: Driver = { label: settings.reuse.label, laborPercent: 0, highPercent: settings.reuse.spreadHighPercent };

  const lines: EstimateLine[] = [];
  const trades = new Map<SystemId, { work: Work; units: Map<RoleId, number>; drivers: Driver[] }>();
  const runs = new Map<Cable['specs']['cableKind'], number>();
  let serviceMinutes = 0;

  const plan = site.planId ? (catalog.get(site.planId) as MonitoringPlan | undefined) : undefined;
  const allLines: { line: Line; product: Product }[] = site.lines.map((line) => ({ line, product: catalog.get(line.productId)! }));

  for (const { line, product } of allLines) {
    if (product.type === 'service') {
      lines.push(serviceLine(line, product, ctx));
      serviceMinutes += line.quantity * product.specs.minutes;
      continue;
    }
    if (!isInstalled(product)) continue;
    const system = groupOfRole(product.role) as SystemId;
    lines.push(equipmentLine(line, product, system));

    const connection: Connection = connectionFor(product, line, site.conditions);
    const drivers = effects[connection];
    const unitMinutes = product.install[`${connection}Minutes`]!;
    const factor = (100 + sumPercent(drivers, 'laborPercent')) / 100;
    const newUnits = line.quantity - line.reused;
    const entry = trades.get(system) ?? { work: { central: 0, low: 0, high: 0 }, units: new Map(), drivers: [] };
    const conditionHigh = highPercent + sumPercent(drivers, 'highPercent');
    addWork(entry.work, newUnits * unitMinutes * factor, conditionHigh, lowPercent);
    if (line.reused > 0) {
      const reusedMinutes = (line.reused * unitMinutes * factor * settings.reuse.laborPercent) / 100;
      addWork(entry.work, reusedMinutes, conditionHigh + settings.reuse.spreadHighPercent, lowPercent);
      mergeDrivers(entry.drivers, [reuseDriver]);
    }
    mergeDrivers(entry.drivers, drivers);
    entry.units.set(product.role, (entry.units.get(product.role) ?? 0) + line.quantity);
    trades.set(system, entry);

    if (connection === 'wired' && newUnits > 0 && product.install.cable) {
      runs.set(product.install.cable, (runs.get(product.install.cable) ?? 0) + newUnits);
    }
  }

  if (plan && plan.priceCents > 0) {
    lines.push({
      kind: 'service',
      taxClass: 'labor',
      label: `${plan.name} activation`,
      productId: plan.id,
      quantity: 1,
      unitCents: plan.priceCents,
      amount: exact(plan.priceCents),
      reason: 'One-time fee to connect the system to the monitoring centre.',
      drivers: [],
    });
  }

  const laborMinutes: Work = { central: 0, low: 0, high: 0 };
  for (const [system, entry] of trades) {
    const items = [...entry.units].map(([role, units]) => countOfRole(role, units));
    lines.push(laborLine(system, entry.work, items, entry.drivers, hourlyCents, ctx));
    laborMinutes.central += entry.work.central;
    laborMinutes.low += entry.work.low;
    laborMinutes.high += entry.work.high;
  }

  const runLengthM = averageRunLengthM(site, settings);
  for (const [kind, count] of runs) {
    const cable = catalog.cableFor(kind);
    if (cable) lines.push(materialsLine(cable, count, runLengthM, ctx));
  }

  const onSite = {
    low: Math.round(laborMinutes.low) + serviceMinutes,
    central: Math.round(laborMinutes.central) + serviceMinutes,
    high: Math.round(laborMinutes.high) + serviceMinutes,
  };
  const zone = travelZoneFor(site.conditions.postalCode, settings);
  const travel = catalog.get(settings.travel.productId);
  if (travel && onSite.high > 0) {
    const perDay = travel.priceCents + zone.zone.extraPerTechnicianDayCents;
    const daysLow = technicianDays(onSite.low, settings);
    const daysHigh = technicianDays(onSite.high, settings);
    const widen = zone.assumed ? settings.travel.unknownZoneSpreadHighPercent : 0;
    lines.push({
      kind: 'travel',
      taxClass: 'labor',
      label: 'Travel',
      productId: travel.id,
      quantity: technicianDays(onSite.central, settings),
      unitCents: perDay,
      amount: { low: daysLow * perDay, high: Math.round((daysHigh * perDay * (100 + widen)) / 100) },
      reason: `${count(daysLow, 'technician-day')}${daysHigh > daysLow ? ` to ${daysHigh}` : ''} at ${ctx.money(perDay)} in the ${zone.zone.name} zone.`,
      drivers: zone.assumed
        ? [{ label: 'No postal code yet, so the travel zone is assumed', laborPercent: 0, highPercent: widen }]
        : [],
    });
  }

  // The minimum applies to the work alone, so adding equipment can never lower a total.
  const billedWork = addRanges(...lines.filter((l) => l.taxClass === 'labor').map((l) => l.amount));
  const minimum = lines.length > 0 ? settings.minimumChargeCents : 0;
  const minimumTopUp = { atLow: Math.max(0, minimum - billedWork.low), atHigh: Math.max(0, minimum - billedWork.high) };
  const linesTotal = addRanges(...lines.map((l) => l.amount));
  const subtotal = { low: linesTotal.low + minimumTopUp.atLow, high: linesTotal.high + minimumTopUp.atHigh };
  const tax = taxOf(lines, minimumTopUp, settings);
  const oneTime = addRanges(subtotal, tax);

  return {
    siteId: site.id,
    name: site.name,
    lines,
    subtotal,
    minimumTopUp,
    tax,
    oneTime,
    duration: siteDuration(onSite, settings),
    travelZone: { id: zone.zone.id, name: zone.zone.name, assumed: zone.assumed },
    plan: plan ? planTerms(plan, oneTime, ctx.startDate) : null,
  };
}

/**
 * Site estimates remembered by site object: edits are immutable, so after a change only the edited
 * site is priced again (a 25-site business recomputes in a fraction of a millisecond).
 */
const siteCache = new WeakMap<Site, { data: EstimateData; audience: Audience; startDate: string; result: SiteEstimate }>();

function cachedSiteEstimate(site: Site, ctx: Context, data: EstimateData): SiteEstimate {
  const cached = siteCache.get(site);
  if (cached && cached.data === data && cached.audience === ctx.audience && cached.startDate === ctx.startDate) return cached.result;
  const result = estimateSite(site, ctx);
  siteCache.set(site, { data, audience: ctx.audience, startDate: ctx.startDate, result });
  return result;
}

/**
 * Prices a configuration. It must already have passed `configurationSchemaFor(catalog)`: unknown
 * products are a programming error here, not a customer one. Results are shared, not copied: treat
 * them as read-only.
 */
export function estimate(config: Configuration, data: EstimateData, options: { today: string }): Estimate {
  const { settings } = data;
  const ctx: Context = {
    ...data,
    audience: config.audience,
    startDate: config.startDate ?? options.today,
    money: (cents) => formatMoney(cents, settings.currency, settings.locale),
  };
  const sites = config.sites.map((site) => cachedSiteEstimate(site, ctx, data));
  const oneTime = addRanges(...sites.map((s) => s.oneTime));
  const recurring = sites.reduce((sum, s) => sum + (s.plan ? s.plan.monthlyCents * s.plan.monthsCounted : 0), 0);
  return {
    currency: settings.currency,
    locale: settings.locale,
    sites,
    subtotal: addRanges(...sites.map((s) => s.subtotal)),
    tax: addRanges(...sites.map((s) => s.tax)),
    oneTime,
    monthlyCents: sites.reduce((sum, s) => sum + (s.plan?.monthlyCents ?? 0), 0),
    totalOverTerm: { low: oneTime.low + recurring, high: oneTime.high + recurring },
    duration: combineDurations(sites.map((s) => s.duration)),
  };
}
