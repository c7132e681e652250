// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalog } from '~/domain/catalog/catalog';
import { runChecks } from '~/domain/checks';
import { swapOptions } from '~/domain/configuration/choices';
import type { Line } from '~/domain/configuration/configuration';
import { lineProducts } from '~/domain/fixtures/arbitraries';
import { fixtureConfig, fixtureGuidelines, fixtureProducts, fixtureSettings, fixtureSite } from '~/domain/fixtures';
import { viewPurposes } from '~/domain/guidelines/vocabulary';
import { formatMoney } from '~/domain/money';
import { clientData, specRowsByProduct } from '~/server/content/client-data';
import { $specRows } from '~/stores/spec-rows';
import { provideSiteData } from '~/stores/site-data';
import { SwapDialog } from './SwapDialog';

const siteData = { catalog: createCatalog(fixtureProducts), settings: { ...fixtureSettings, units: 'imperial' as const }, guidelines: fixtureGuidelines };
const data = provideSiteData(clientData(siteData));
$specRows.set({ status: 'ready', rows: specRowsByProduct(siteData) });
afterEach(() => cleanup());

/** Every product with something to swap to, and for cameras every purpose at a near and a far distance, so some options pass and some fall short. */
const cases = lineProducts(data.catalog).flatMap((product) => {
  if (swapOptions(product, data.catalog, 'home').length === 0) return [];
  const line: Line = { productId: product.id, quantity: 2, reused: 0 };
  if (product.type !== 'camera') return [{ name: product.name, line }];
  return viewPurposes.flatMap((purpose) => [3, 40].map((distanceM) => ({ name: `${product.name}, ${purpose} at ${distanceM} m`, line: { ...line, view: { label: 'Gate', purpose, distanceM } } })));
});

/** The status of the view check the configurator shows beside a line with this product on it (the server's, from all the checks); undefined without a view. */
const viewStatus = (line: Line, productId: string) => runChecks(fixtureConfig([fixtureSite([{ ...line, productId }])]), data).find((c) => c.id === 'site-1:view:0')?.status;

const difference = (cents: number) => (cents === 0 ? 'Same price' : `${cents > 0 ? '+' : '−'}${formatMoney(Math.abs(cents) * 2, data.settings.currency, data.settings.locale)} for 2`);

describe('the swap dialog, for every product with options', () => {
  it('has cases with a passing and a failing option to judge', () => {
    const statuses = cases.flatMap(({ line }) => swapOptions(data.catalog.get(line.productId)!, data.catalog, 'home').map((o) => viewStatus(line, o.id)));
    expect(new Set(statuses)).toEqual(new Set(['pass', 'warning', undefined]));
  });

  it.each(cases)('$name: each option says how it does for the view and its price difference; none that falls short is chosen first', async ({ line }) => {
    const site = fixtureSite([line]);
    const current = data.catalog.get(line.productId)!;
    render(<SwapDialog data={data} audience="home" site={site} lineIndex={0} onClose={() => {}} onSwapped={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: `Swap the ${current.name}` });
    const options = await within(dialog).findAllByRole('radio');
    const offered = swapOptions(current, data.catalog, 'home');
    expect(options).toHaveLength(offered.length);
    offered.forEach((option, i) => {
      const label = options[i]!.closest('label')!.textContent!;
      expect(label).toContain(option.name);
      expect(label).toContain(difference(option.priceCents - current.priceCents));
      const view = viewStatus(line, option.id);
      if (view) expect(label).toContain(view === 'pass' ? 'Passes this view' : 'Warning: falls short of this view');
      else expect(label).not.toMatch(/this view/);
      if ((options[i] as HTMLInputElement).checked) expect(view ?? 'pass').toBe('pass');
    });
    const passing = offered.findIndex((o) => (viewStatus(line, o.id) ?? 'pass') === 'pass');
    expect(options.findIndex((o) => (o as HTMLInputElement).checked)).toBe(passing);
  });
});
