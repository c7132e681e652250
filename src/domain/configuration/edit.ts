import type { Catalog } from '../catalog/catalog';
import type { Product } from '../catalog/product';
import { assumableConditions } from '../settings/vocabulary';
import type { Audience, Configuration, Line, Site, SiteConditions } from './configuration';

/**
 * Pure edits of a configuration: each returns a new configuration and leaves the input untouched, so
 * the configurator store, the recommendation rules and the tests share one set of operations.
 */

function updateSite(config: Configuration, siteId: string, update: (site: Site) => Site): Configuration {
  return { ...config, sites: config.sites.map((site) => (site.id === siteId ? update(site) : site)) };
}

function updateLine(config: Configuration, siteId: string, lineIndex: number, update: (line: Line) => Line | null): Configuration {
  return updateSite(config, siteId, (site) => ({
    ...site,
    lines: site.lines.flatMap((line, i) => {
      if (i !== lineIndex) return [line];
      const updated = update(line);
      return updated ? [updated] : [];
    }),
  }));
}

/** Sets a line's quantity (at least 1; reused units never exceed it). */
export function setQuantity(config: Configuration, siteId: string, lineIndex: number, quantity: number): Configuration {
  const q = Math.max(1, Math.min(500, Math.round(quantity)));
  return updateLine(config, siteId, lineIndex, (line) => ({ ...line, quantity: q, reused: Math.min(line.reused, q) }));
}

/** How many of a line's units the customer already owns. */
export function setReused(config: Configuration, siteId: string, lineIndex: number, reused: number): Configuration {
  return updateLine(config, siteId, lineIndex, (line) => ({ ...line, reused: Math.max(0, Math.min(line.quantity, Math.round(reused))) }));
}

/** Swaps a line to another product, keeping quantity, reason and view; the connection is re-derived. */
export function swapProduct(config: Configuration, siteId: string, lineIndex: number, productId: string): Configuration {
  return updateLine(config, siteId, lineIndex, ({ connection: _dropped, ...line }) => ({ ...line, productId }));
}

export function removeLine(config: Configuration, siteId: string, lineIndex: number): Configuration {
  return updateLine(config, siteId, lineIndex, () => null);
}

/** Adds units of a product; a line already holding it (with no view of its own) just grows. */
export function addProduct(config: Configuration, siteId: string, productId: string, quantity: number, reason?: string): Configuration {
  return updateSite(config, siteId, (site) => {
    const existing = site.lines.findIndex((l) => l.productId === productId && !l.view);
    if (existing >= 0) {
      return { ...site, lines: site.lines.map((l, i) => (i === existing ? { ...l, quantity: Math.min(500, l.quantity + quantity) } : l)) };
    }
    return { ...site, lines: [...site.lines, { productId, quantity, reused: 0, ...(reason ? { reason } : {}) }] };
  });
}

export function setLine(config: Configuration, siteId: string, lineIndex: number, patch: Partial<Pick<Line, 'connection' | 'phase'>>): Configuration {
  return updateLine(config, siteId, lineIndex, (line) => {
    const next: Line = { ...line, ...patch };
    for (const key of ['connection', 'phase'] as const) if (patch[key] === undefined && key in patch) delete next[key];
    return next;
  });
}

export function setPlan(config: Configuration, siteId: string, planId: string | undefined): Configuration {
  return updateSite(config, siteId, ({ planId: _old, ...site }) => (planId ? { ...site, planId } : site));
}

/** An edit as data: what a check suggests and a button applies with `applyChange`. */
export type Change =
  | { action: 'swap'; siteId: string; lineIndex: number; productId: string }
  | { action: 'add'; siteId: string; productId: string; quantity: number; reason: string }
  | { action: 'quantity'; siteId: string; lineIndex: number; quantity: number };

/** Applies a check's suggested fix. */
export function applyChange(config: Configuration, change: Change): Configuration {
  switch (change.action) {
    case 'swap':
      return swapProduct(config, change.siteId, change.lineIndex, change.productId);
    case 'add':
      return addProduct(config, change.siteId, change.productId, change.quantity, change.reason);
    case 'quantity':
      return setQuantity(config, change.siteId, change.lineIndex, change.quantity);
  }
}

// ---------- Sites, conditions and recording ----------

/** Typical conditions for a new site the customer adds by hand: the estimate widens what is unknown. */
export function defaultConditions(audience: Audience): SiteConditions {
  return audience === 'home'
    ? { storeys: 2, floorAreaM2: 180, ceilingHeightM: 2.4, wiringAccess: 'unknown', bedrooms: 3, fuelBurning: true, attachedGarage: false, assumed: [...assumableConditions] }
    : { storeys: 1, floorAreaM2: 400, ceilingHeightM: 3, wiringAccess: 'unknown', exits: 2, assumed: [...assumableConditions] };
}

/** A configuration with one empty site, for customers who build their own system. */
export function emptyConfiguration(audience: Audience): Configuration {
  const site: Site = { id: audience === 'home' ? 'home' : 'site-1', name: audience === 'home' ? 'Home' : 'Site 1', conditions: defaultConditions(audience), lines: [] };
  return { audience, sites: [site], phases: [] };
}

/** Changes some site conditions; a key given as `undefined` clears an optional condition. */
export function setConditions(config: Configuration, siteId: string, patch: Partial<SiteConditions>): Configuration {
  return updateSite(config, siteId, (site) => {
    const conditions: SiteConditions = { ...site.conditions, ...patch };
    for (const key of Object.keys(patch) as (keyof SiteConditions)[]) if (patch[key] === undefined) delete conditions[key];
    // A value the customer typed (or confirmed) is no longer an assumption.
    const assumed = patch.assumed ?? conditions.assumed?.filter((key) => !(key in patch));
    if (assumed?.length) conditions.assumed = assumed;
    else delete conditions.assumed;
    return { ...site, conditions };
  });
}

/** Sets how long video is kept and how it is recorded; `undefined` returns to the guidelines' default. */
export function setRecording(config: Configuration, siteId: string, recording: Site['recording']): Configuration {
  return updateSite(config, siteId, ({ recording: _old, ...site }) => (recording ? { ...site, recording } : site));
}

/** The first `site-N` id no site has yet. */
export function nextSiteId(config: Configuration): string {
  const ids = new Set(config.sites.map((s) => s.id));
  let n = config.sites.length + 1;
  while (ids.has(`site-${n}`)) n++;
  return `site-${n}`;
}

/** Adds an empty site (at most 50); its conditions start from the audience's typical ones. */
export function addSite(config: Configuration, name: string, conditions: SiteConditions = defaultConditions(config.audience)): Configuration {
  if (config.sites.length >= 50) return config;
  const site: Site = { id: nextSiteId(config), name: name.trim().slice(0, 80) || `Site ${config.sites.length + 1}`, conditions, lines: [] };
  return { ...config, sites: [...config.sites, site] };
}

/** Removes a site; the last one stays, since a configuration always has at least one. */
export function removeSite(config: Configuration, siteId: string): Configuration {
  if (config.sites.length <= 1) return config;
  return { ...config, sites: config.sites.filter((site) => site.id !== siteId) };
}

/** Renames a site; a blank name is ignored (the schema requires one). */
export function renameSite(config: Configuration, siteId: string, name: string): Configuration {
  const trimmed = name.trim().slice(0, 80);
  return trimmed ? updateSite(config, siteId, (site) => ({ ...site, name: trimmed })) : config;
}

// ---------- Start date ----------

/** Sets the planned start (YYYY-MM-DD) monitoring terms run from; `undefined` means today. */
export function setStartDate(config: Configuration, startDate: string | undefined): Configuration {
  const { startDate: _old, ...rest } = config;
  return startDate && /^\d{4}-\d{2}-\d{2}$/.test(startDate) ? { ...rest, startDate } : rest;
}

// ---------- Catalog changes ----------

// `'install' in product` (as isInstalled in product.ts) keeps this module free of the zod schemas.
const installed = (product: Product) => 'install' in product;

export interface Repair {
  configuration: Configuration;
  /** Plain-words notes of what was taken out or changed, empty when nothing was. */
  changes: string[];
}

/**
 * Brings a configuration saved earlier in line with today's catalog: lines whose product is gone or
 * cannot be a line are removed, a connection the product no longer offers is dropped, reused units
 * of a service are cleared and a plan that is gone is unset. A configuration that already fits comes
 * back unchanged (the same object).
 */
export function repairForCatalog(config: Configuration, catalog: Catalog): Repair {
  const changes: string[] = [];
  let touched = false;
  const sites = config.sites.map((site) => {
    const lines = site.lines.flatMap((line): Line[] => {
      const product = catalog.get(line.productId);
      if (!product || product.type === 'monitoring-plan' || product.type === 'cable' || product.role === 'travel') {
        changes.push(`${product?.name ?? `"${line.productId}"`} is no longer offered and was removed from ${site.name}.`);
        touched = true;
        return [];
      }
      let fixed = line;
      if (line.connection && (!('install' in product) || product.install[`${line.connection}Minutes`] === undefined)) {
        const { connection: _dropped, ...rest } = fixed;
        fixed = rest;
        changes.push(`${product.name} can no longer be installed ${line.connection}; the usual way is used.`);
      }
      if (fixed.reused > 0 && !installed(product)) fixed = { ...fixed, reused: 0 };
      if (fixed !== line) touched = true;
      return [fixed];
    });
    if (site.planId !== undefined && catalog.get(site.planId)?.type !== 'monitoring-plan') {
      changes.push(`The monitoring plan chosen for ${site.name} is no longer offered; choose another.`);
      touched = true;
      const { planId: _gone, ...rest } = site;
      return { ...rest, lines };
    }
    return lines.length === site.lines.length && lines.every((l, i) => l === site.lines[i]) ? site : { ...site, lines };
  });
  return { configuration: touched ? { ...config, sites } : config, changes };
}
