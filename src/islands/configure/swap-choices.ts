import type { Product } from '~/domain/catalog/product';
import { lineViewStatus } from '~/domain/checks/camera-view';
import type { Site } from '~/domain/configuration/configuration';
import { formatMoney } from '~/domain/money';
import type { SiteData } from '~/domain/site-data';
import type { Format } from '../shared/format';

/** The swap dialog's options, judged and priced; pure, so they are tested without a DOM. */

/** "+$250.00 (3 × $83.33 more)" or "−$90.00": what a swap does to the equipment price of a line. */
export function priceDifference(from: Product, to: Product, units: number, f: Format): string {
  const each = to.priceCents - from.priceCents;
  if (each === 0) return 'Same price';
  const money = (cents: number) => formatMoney(Math.abs(cents), f.currency, f.locale);
  const sign = each > 0 ? '+' : '−';
  const total = `${sign}${money(each * units)}`;
  return units > 1 ? `${total} for ${units} (${sign}${money(each)} each)` : total;
}

/** An option of the swap dialog: what the line's view check says with it fitted, and what it does to the price. */
export interface SwapChoice {
  product: Product;
  /** The view check's verdict with this product on the line; null when the line has no view. */
  view: 'pass' | 'warning' | null;
  price: string;
}

/**
 * Each option for a line, judged by the same check the configurator shows beside the line, run on the
 * site as it would be after the swap.
 */
export function swapChoices(site: Site, lineIndex: number, options: Product[], data: SiteData, f: Format): SwapChoice[] {
  const line = site.lines[lineIndex]!;
  const current = data.catalog.get(line.productId)!;
  const units = Math.max(1, line.quantity - line.reused);
  return options.map((product) => {
    const swapped = { ...site, lines: site.lines.map((l, i) => (i === lineIndex ? { ...l, productId: product.id } : l)) };
    const view = lineViewStatus(swapped, lineIndex, data);
    return { product, view, price: priceDifference(current, product, units, f) };
  });
}

/** The option shown first: never one that falls short of the line's view (a warning), so the first that passes; none when none does. */
export function preselectedChoice(choices: SwapChoice[]): SwapChoice | undefined {
  return choices.find((c) => c.view !== 'warning');
}
