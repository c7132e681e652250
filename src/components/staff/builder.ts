import type { Catalog } from '~/domain/catalog/catalog';
import { swapOptions } from '~/domain/configuration/choices';
import type { Discount } from '~/domain/quote-revisions/discounts';
import type { FormState } from '~/components/forms/state';
import { amountText, configurationLineKeys } from '~/server/revisions/form';
import type { Draft } from '~/server/revisions/price';

/**
 * The quote builder's rows as the form shows them: each configured line with the products it may be
 * swapped to, each custom line and the blank one that adds a line, with the posted value of every
 * field when a save was refused (so nothing typed is lost) and the stored draft's otherwise.
 */

export interface DiscountField {
  prefix: string;
  kind: string;
  value: string;
}

export interface LineRow {
  prefix: string;
  label: string;
  productId: string;
  options: { value: string; label: string }[];
  quantity: string;
  discount: DiscountField;
}

export interface CustomRow {
  prefix: string;
  siteId: string;
  description: string;
  price: string;
  reason: string;
  discount: DiscountField;
  isNew: boolean;
}

const discountValue = (discount: Discount | null | undefined) => (!discount ? '' : discount.kind === 'percent' ? String(discount.percent) : amountText(discount.cents));

function discountField(prefix: string, stored: Discount | null | undefined, posted: FormState): DiscountField {
  return {
    prefix,
    kind: posted.values.get(`${prefix}.kind`) ?? stored?.kind ?? 'none',
    value: posted.values.get(`${prefix}.value`) ?? discountValue(stored),
  };
}

export function lineRows(draft: Draft, catalog: Catalog, posted: FormState): { siteId: string; name: string; lines: LineRow[] }[] {
  const { discounts } = draft.changes;
  return draft.configuration.sites.map((site, s) => {
    const keys = configurationLineKeys(site.lines);
    return {
      siteId: site.id,
      name: site.name,
      lines: site.lines.map((line, l) => {
        const prefix = `sites.${s}.lines.${l}`;
        const product = catalog.get(line.productId);
        const choices = product ? [product, ...swapOptions(product, catalog, draft.configuration.audience).filter((p) => p.id !== product.id)] : [];
        return {
          prefix,
          label: product?.name ?? line.productId,
          productId: posted.values.get(`${prefix}.productId`) ?? line.productId,
          options: choices.map((p) => ({ value: p.id, label: `${p.name} (${p.model})` })),
          quantity: posted.values.get(`${prefix}.quantity`) ?? String(line.quantity),
          discount: discountField(`${prefix}.discount`, discounts.lines.find((d) => d.siteId === site.id && d.lineKey === keys[l])?.discount, posted),
        };
      }),
    };
  });
}

export function customRows(draft: Draft, posted: FormState): CustomRow[] {
  const { customLines, discounts } = draft.changes;
  const firstSite = draft.configuration.sites[0]?.id ?? '';
  return [...customLines, null].map((line, n) => {
    const prefix = `customLines.${n}`;
    const value = (field: string, stored: string) => posted.values.get(`${prefix}.${field}`) ?? stored;
    return {
      prefix,
      siteId: value('siteId', line?.siteId ?? firstSite),
      description: value('description', line?.description ?? ''),
      price: value('cents', line ? amountText(line.cents) : ''),
      reason: value('reason', line?.reason ?? ''),
      discount: discountField(`${prefix}.discount`, line ? discounts.lines.find((d) => d.siteId === line.siteId && d.lineKey === line.key)?.discount : null, posted),
      isNew: line === null,
    };
  });
}

export const quoteDiscountField = (draft: Draft, posted: FormState): DiscountField => discountField('quoteDiscount', draft.changes.discounts.quote, posted);
