import type { Catalog } from '~/domain/catalog/catalog';
import type { Product } from '~/domain/catalog/product';
import { roles, systemInfo, type SystemId } from '~/domain/catalog/roles';
import type { Check } from '~/domain/checks';
import type { Line, Site, SiteConditions } from '~/domain/configuration/configuration';
import type { Estimate } from '~/domain/estimate/estimate';
import { formatMoney, formatRange } from '~/domain/money';
import { areaToM2, FEET_PER_METRE, lengthToMetres, roughAreaValue, roughLengthValue, SQFT_PER_M2, type UnitSystem } from '~/domain/units';
import type { Format } from '../shared/format';

/** Pure helpers behind the configurator's components, tested without a DOM. */

export type LineGroupId = SystemId | 'services';

export const groupTitles: Record<LineGroupId, string> = {
  video: systemInfo.video.name,
  intrusion: systemInfo.intrusion.name,
  fire: systemInfo.fire.name,
  access: systemInfo.access.name,
  services: 'Services',
};

const groupOrder: LineGroupId[] = ['video', 'intrusion', 'fire', 'access', 'services'];

export interface ResolvedLine {
  line: Line;
  index: number;
  product: Product;
}

export interface LineGroup {
  id: LineGroupId;
  title: string;
  lines: ResolvedLine[];
}

export function groupOf(product: Product): LineGroupId | null {
  const group = roles[product.role].group;
  return group === 'monitoring' ? null : group;
}

/** A site's lines grouped by system, in a fixed order; empty groups are left out. */
export function groupLines(site: Site, catalog: Catalog): LineGroup[] {
  const groups = new Map<LineGroupId, ResolvedLine[]>();
  site.lines.forEach((line, index) => {
    const product = catalog.get(line.productId);
    const group = product && groupOf(product);
    if (!product || !group) return;
    groups.set(group, [...(groups.get(group) ?? []), { line, index, product }]);
  });
  return groupOrder.filter((id) => groups.has(id)).map((id) => ({ id, title: groupTitles[id], lines: groups.get(id)! }));
}

/** True when the customer can choose between wired and wireless for the product. */
export function offersBoth(product: Product): boolean {
  return 'install' in product && product.install.wiredMinutes !== undefined && product.install.wirelessMinutes !== undefined;
}


// ---------- Checks ----------

/** Checks about one line (a camera's view), shown beside it. */
export function checksForLine(checks: Check[], siteId: string, lineIndex: number): Check[] {
  return checks.filter((c) => c.id === `${siteId}:view:${lineIndex}`);
}

/** A site's checks about a whole system (recording, network, alarms…), shown under the system. */
export function checksForSystem(checks: Check[], siteId: string, system: SystemId): Check[] {
  return checks.filter((c) => c.siteId === siteId && c.system === system && c.topic !== 'camera-view');
}

export const statusWords = { pass: 'Passes', warning: 'Warning', problem: 'Problem' } as const;

// ---------- Money and prices ----------

/** Whole dollars (or the currency's units) typed by a person, to cents; null when it is not a number. */
export function parseMoney(text: string): number | null {
  const cleaned = text.replace(/[^0-9.]/g, '');
  if (cleaned === '' || !/^\d*\.?\d*$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}

/** What the screen reader hears after a change settles. */
export function announcement(estimate: Estimate, f: Format): string {
  const parts = [`Estimate updated: ${formatRange(estimate.oneTime, f.currency, f.locale)} one time`];
  if (estimate.monthlyCents > 0) parts.push(`plus ${formatMoney(estimate.monthlyCents, f.currency, f.locale)} a month`);
  return `${parts.join(', ')}.`;
}

// ---------- Site conditions in the installer's units ----------

export interface ConditionsText {
  storeys: string;
  area: string;
  ceiling: string;
  postalCode: string;
  bedrooms: string;
  exits: string;
}

const round = (value: number, digits: number) => String(Math.round(value * 10 ** digits) / 10 ** digits);

/** Conditions as the form shows them: sq ft and ft for imperial installers. */
export function conditionsText(c: SiteConditions, units: UnitSystem): ConditionsText {
  return {
    storeys: String(c.storeys),
    // An assumed figure is shown as the rough figure it is, so it does not look typed.
    area: c.assumed?.includes('floorAreaM2') ? String(roughAreaValue(c.floorAreaM2, units)) : units === 'imperial' ? round(c.floorAreaM2 * SQFT_PER_M2, 0) : round(c.floorAreaM2, 0),
    ceiling: c.assumed?.includes('ceilingHeightM') ? String(roughLengthValue(c.ceilingHeightM, units)) : units === 'imperial' ? round(c.ceilingHeightM * FEET_PER_METRE, 1) : round(c.ceilingHeightM, 1),
    postalCode: c.postalCode ?? '',
    bedrooms: c.bedrooms === undefined ? '' : String(c.bedrooms),
    exits: c.exits === undefined ? '' : String(c.exits),
  };
}

export type ConditionField = keyof ConditionsText;

/**
 * One typed condition back to the stored value: a number in metric, or undefined to clear an optional
 * one; an error message when it cannot be read. The schema checks the range afterwards.
 */
export function readCondition(field: ConditionField, text: string, units: UnitSystem): { value: number | string | undefined } | { error: string } {
  const trimmed = text.trim().replace(/,/g, '');
  if (field === 'postalCode') return { value: trimmed === '' ? undefined : trimmed };
  if (trimmed === '') {
    return field === 'bedrooms' || field === 'exits' ? { value: undefined } : { error: 'enter a number' };
  }
  if (!/^\d*\.?\d+$/.test(trimmed)) return { error: 'enter a number, like 12' };
  const n = Number(trimmed);
  if (field === 'area') return { value: Math.round(areaToM2(n, units) * 100) / 100 };
  if (field === 'ceiling') return { value: Math.round(lengthToMetres(n, units) * 100) / 100 };
  return { value: n };
}

export const conditionKeys: Record<ConditionField, keyof SiteConditions> = {
  storeys: 'storeys',
  area: 'floorAreaM2',
  ceiling: 'ceilingHeightM',
  postalCode: 'postalCode',
  bedrooms: 'bedrooms',
  exits: 'exits',
};
