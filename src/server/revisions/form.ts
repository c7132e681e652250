import { randomBytes } from 'node:crypto';
import type { Catalog } from '~/domain/catalog/catalog';
import type { Configuration } from '~/domain/configuration/configuration';
import { swapOptions } from '~/domain/configuration/choices';
import type { Issue } from '~/domain/issues';
import type { Discount } from '~/domain/quote-revisions/discounts';
import type { CustomLine } from '~/domain/quote-revisions/staff-changes';
import type { Draft, DraftInput } from './price';

/**
 * The quote builder's form, posted without JavaScript, read into a draft. Field names are the paths
 * the checks report issues on (`sites.0.lines.2.quantity`), so each error lands beside its field.
 * Only products, quantities, custom lines and discounts are read: a price, total or any other field
 * posted to it is refused by name, never taken.
 */

export const discountKinds = ['none', 'percent', 'amount'] as const;

/** What each line row takes; a custom line row adds its own fields. */
const lineFields = /^sites\.(\d+)\.lines\.(\d+)\.(productId|quantity|discount\.kind|discount\.value)$/;
const customFields = /^customLines\.(\d+)\.(siteId|description|cents|reason|remove|discount\.kind|discount\.value)$/;
const otherFields = new Set(['intent', 'quoteDiscount.kind', 'quoteDiscount.value']);

/** "1,250.00", "$80" or "80.5" to cents; null for anything else (a minus sign included). */
export function parseAmount(text: string): number | null {
  const cleaned = text.trim().replace(/^\$\s*/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.replace(/,/g, '').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Cents as the form shows them back: "1250.00". */
export const amountText = (cents: number) => (cents / 100).toFixed(2);

function readDiscount(fields: Record<string, string>, prefix: string, issues: Issue[]): Discount | null {
  const kind = fields[`${prefix}.kind`] ?? 'none';
  const value = (fields[`${prefix}.value`] ?? '').trim();
  if (kind === 'none') return null;
  if (kind === 'percent') {
    const percent = /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isNaN(percent)) return { kind, percent };
    issues.push({ path: [`${prefix}.value`], message: 'enter the percent off as a number, like 10 or 12.5' });
    return null;
  }
  if (kind === 'amount') {
    const cents = parseAmount(value);
    if (cents !== null) return { kind, cents };
    issues.push({ path: [`${prefix}.value`], message: 'enter the amount off in dollars, like 50 or 1,250.00' });
    return null;
  }
  issues.push({ path: [`${prefix}.kind`], message: 'choose no discount, a percent or an amount' });
  return null;
}

/** The stable key of each line of a site: the product id in order (`cam~2` for its second line), as revision.ts keys them. */
export function configurationLineKeys(lines: Configuration['sites'][number]['lines']): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const occurrence = (seen.get(line.productId) ?? 0) + 1;
    seen.set(line.productId, occurrence);
    return occurrence === 1 ? line.productId : `${line.productId}~${occurrence}`;
  });
}

const newCustomKey = () => `custom-${randomBytes(5).toString('hex')}`;

/**
 * The draft the form describes, starting from `current` (the stored draft): products swapped only to
 * what `swapOptions` offers, quantity 0 removing a line, custom lines added, edited or removed, and
 * discounts on lines and the quote. Issues name the form's fields.
 */
export function readDraftForm(fields: Record<string, string>, current: Draft, catalog: Catalog): { input: DraftInput; issues: Issue[] } {
  const issues: Issue[] = [];
  for (const name of Object.keys(fields)) {
    if (!lineFields.test(name) && !customFields.test(name) && !otherFields.has(name)) {
      issues.push({ path: [name], message: `this form does not take “${name.split('.').at(-1)}”: prices and totals come from the catalog and settings` });
    }
  }
  const discountLines: { siteId: string; lineKey: string; discount: Discount }[] = [];
  const discountFields: string[] = [];
  const sites = current.configuration.sites.map((site, s) => {
    const edited = site.lines.flatMap((line, l) => {
      const prefix = `sites.${s}.lines.${l}`;
      const productId = fields[`${prefix}.productId`] ?? line.productId;
      const product = catalog.get(line.productId);
      if (productId !== line.productId && !(product && swapOptions(product, catalog, current.configuration.audience).some((p) => p.id === productId))) {
        issues.push({ path: [`${prefix}.productId`], message: 'not a product this line can be swapped to' });
      }
      const quantityText = (fields[`${prefix}.quantity`] ?? String(line.quantity)).trim();
      const quantity = /^\d{1,6}$/.test(quantityText) ? Number(quantityText) : Number.NaN;
      if (Number.isNaN(quantity)) issues.push({ path: [`${prefix}.quantity`], message: 'enter a whole number (0 removes the line)' });
      const discount = readDiscount(fields, `${prefix}.discount`, issues);
      if (quantity === 0) return [];
      return [{ line: { ...line, productId, quantity, reused: Math.min(line.reused, quantity) }, discount, prefix }];
    });
    const keys = configurationLineKeys(edited.map((e) => e.line));
    edited.forEach(({ discount, prefix }, i) => {
      if (!discount) return;
      discountLines.push({ siteId: site.id, lineKey: keys[i]!, discount });
      discountFields.push(`${prefix}.discount.value`);
    });
    return { site: { ...site, lines: edited.map((e) => e.line) }, paths: edited.map((e) => e.prefix) };
  });

  const customLines: CustomLine[] = [];
  const customPaths: string[] = [];
  // One row more than there are lines: the blank row that adds one.
  for (let n = 0; n <= current.changes.customLines.length; n++) {
    const prefix = `customLines.${n}`;
    const existing = current.changes.customLines[n];
    const description = fields[`${prefix}.description`] ?? existing?.description ?? '';
    if (fields[`${prefix}.remove`] === 'yes' || (!existing && description.trim() === '')) continue;
    const price = fields[`${prefix}.cents`];
    const cents = price === undefined ? (existing?.cents ?? 0) : parseAmount(price);
    if (cents === null) issues.push({ path: [`${prefix}.cents`], message: 'enter the price in dollars, like 180 or 1,250.00' });
    customLines.push({
      key: existing?.key ?? newCustomKey(),
      siteId: fields[`${prefix}.siteId`] ?? existing?.siteId ?? '',
      description,
      reason: fields[`${prefix}.reason`] ?? existing?.reason ?? '',
      cents: cents ?? 0,
    });
    customPaths.push(prefix);
    const discount = readDiscount(fields, `${prefix}.discount`, issues);
    if (discount) {
      discountLines.push({ siteId: customLines.at(-1)!.siteId, lineKey: customLines.at(-1)!.key, discount });
      discountFields.push(`${prefix}.discount.value`);
    }
  }

  return {
    input: {
      configuration: { ...current.configuration, sites: sites.map((s) => s.site) },
      changes: { customLines, discounts: { lines: discountLines, quote: readDiscount(fields, 'quoteDiscount', issues) } },
      fields: { lines: sites.map((s) => s.paths), customLines: customPaths, discounts: discountFields },
    },
    issues,
  };
}
