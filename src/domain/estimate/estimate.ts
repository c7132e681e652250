import type { MonitoringPlan, Service } from '../catalog/product';
import { isInstalled } from '../catalog/guards';
import { groupOfRole, type SystemId } from '../catalog/roles';
import type { Audience, Configuration, Line, Site } from '../configuration/configuration';
import { formatMoney } from '../money';
import { connectionFor } from './conditions';
import type { EstimateData, PricingContext } from './context';
import { siteDuration, type Duration } from './duration';
import { activationLine } from './lines/activation';
import { egressPermitLine } from './lines/egress-permit';
import { equipmentLine } from './lines/equipment';
import { laborLines } from './lines/labor';
import type { EstimateLine, Install } from './lines/line';
import { materialsLines } from './lines/materials';
import { serviceLine, serviceMinutes } from './lines/services';
import { travelLine, travelZoneFor } from './lines/travel';
import { planTerms, type PlanTerms } from './plan-terms';
import { estimateTotals, siteTotals, type EstimateTotals, type SiteTotals } from './totals';

/**
 * The estimate engine: a configuration, the catalog and the settings in; an honest low–high estimate
 * out, with a reason and the range drivers on every line. Pure and deterministic: the same input
 * gives the same output in the browser and on the server.
 *
 * Each kind of line is priced in its own module under ./lines (equipment, services, activation,
 * labor, materials, travel), as are the minimum charge and tax; ./totals adds them up. Rounding:
 * labor time rounds to whole minutes before it is priced; every line is rounded half up to the cent
 * on its own; subtotals are sums of lines; tax is the class rate applied to the class subtotal, half
 * up. Equipment has no range (catalog prices are fixed); labor, materials, travel and permits do.
 */

export type { EstimateData } from './context';
export type { EstimateLine, LineKind, TaxClass } from './lines/line';
export type { PlanTerms } from './plan-terms';

export interface SiteEstimate extends SiteTotals {
  siteId: string;
  name: string;
  lines: EstimateLine[];
  duration: Duration;
  travelZone: { id: string; name: string; assumed: boolean };
  plan: PlanTerms | null;
}

export interface Estimate extends EstimateTotals {
  currency: string;
  locale: string;
  sites: SiteEstimate[];
}

function estimateSite(site: Site, ctx: PricingContext): SiteEstimate {
  const { catalog, settings } = ctx;
  const plan = site.planId ? (catalog.get(site.planId) as MonitoringPlan | undefined) : undefined;
  // Services and equipment keep the order the customer listed them in.
  const lines: EstimateLine[] = [];
  const services: { line: Line; service: Service }[] = [];
  const installs: Install[] = [];
  for (const line of site.lines) {
    const product = catalog.get(line.productId)!;
    if (product.type === 'service') {
      services.push({ line, service: product });
      lines.push(serviceLine(line, product, ctx));
    } else if (isInstalled(product)) {
      const install: Install = { line, product, system: groupOfRole(product.role) as SystemId, connection: connectionFor(product, line, site.conditions) };
      installs.push(install);
      lines.push(equipmentLine(line, product, install.system, ctx));
    } else if (product.type === 'credential') {
      lines.push(equipmentLine(line, product, groupOfRole(product.role) as SystemId, ctx));
    }
  }
  const egressPermit = egressPermitLine(site.lines, ctx);
  if (egressPermit) lines.push(egressPermit);
  const activation = plan && activationLine(plan);
  if (activation) lines.push(activation);
  const labor = laborLines(installs, site.conditions, ctx);
  lines.push(...labor.lines, ...materialsLines(site, installs, ctx));

  const servicesMinutes = serviceMinutes(services);
  const duration = siteDuration(
    { low: labor.minutes.low + servicesMinutes, expected: labor.minutes.expected + servicesMinutes, high: labor.minutes.high + servicesMinutes },
    settings,
  );
  const zone = travelZoneFor(site.conditions.postalCode, settings);
  const travel = travelLine(duration, zone, ctx);
  if (travel) lines.push(travel);

  const totals = siteTotals(lines, settings);
  return {
    siteId: site.id,
    name: site.name,
    lines,
    ...totals,
    duration,
    travelZone: { id: zone.zone.id, name: zone.zone.name, assumed: zone.assumed },
    plan: plan ? planTerms(plan, totals.oneTime, ctx.startDate) : null,
  };
}

/**
 * Site estimates remembered by site object: edits are immutable, so after a change only the edited
 * site is priced again (a 25-site business recomputes in a fraction of a millisecond).
 */
const siteCache = new WeakMap<Site, { data: EstimateData; audience: Audience; startDate: string; result: SiteEstimate }>();

function cachedSiteEstimate(site: Site, ctx: PricingContext, data: EstimateData): SiteEstimate {
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
  const ctx: PricingContext = {
    ...data,
    audience: config.audience,
    startDate: config.startDate ?? options.today,
    money: (cents) => formatMoney(cents, settings.currency, settings.locale),
  };
  const sites = config.sites.map((site) => cachedSiteEstimate(site, ctx, data));
  return { currency: settings.currency, locale: settings.locale, sites, ...estimateTotals(sites) };
}
