import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '~/domain/catalog/catalog';
import { formatDate } from '~/domain/estimate/dates';
import { estimate, type Estimate } from '~/domain/estimate/estimate';
import { formatMoney, formatRange } from '~/domain/money';
import { openDatabase } from '~/server/db/client';
import { escapeHtml } from '~/server/mail/templates';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { homeConfiguration, loadData, productFor, twoSiteConfiguration } from '../helpers/configuration';
import { installerDay, root } from '../helpers/data-files';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from '../helpers/server';

/**
 * The saved quote page, rendered by the production server from quotes stored beforehand in its data
 * directory: one priced today, one frozen with prices the catalog no longer has, one whose validity
 * date has passed (priced in January 2025), and one with two sites.
 */

const data = loadData();
const today = installerDay();
const camera = productFor('camera-outdoor');
/** The catalog as it was: the outdoor camera under another name and 12.34 dearer per unit. */
const earlierCatalog = createCatalog(data.catalog.products.map((p) => (p.id === camera.id ? { ...p, name: 'Earlier outdoor camera', priceCents: p.priceCents + 1234 } : p)));

let server: TestServer;
let removeData: () => void;
const quotes: Record<'current' | 'frozen' | 'expired' | 'twoSites', SavedQuote> = {} as never;

beforeAll(async () => {
  const { dir, remove } = await freshDataDir();
  removeData = remove;
  const handle = await openDatabase({ dataDir: dir });
  quotes.current = await createQuote(handle.db, { configuration: homeConfiguration(), firstName: 'Ada', status: 'requested' }, data);
  quotes.frozen = await createQuote(handle.db, { configuration: homeConfiguration(), firstName: 'Bea', status: 'requested' }, { ...data, catalog: earlierCatalog });
  quotes.expired = await createQuote(handle.db, { configuration: homeConfiguration(), firstName: 'Cy', status: 'requested' }, { ...data, catalog: earlierCatalog }, new Date('2025-01-10T12:00:00Z'));
  quotes.twoSites = await createQuote(handle.db, { configuration: twoSiteConfiguration(), firstName: 'Dee', status: 'requested' }, data);
  await handle.close();
  server = await startServer({ dataDir: dir });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  removeData?.();
}, STOP_TIMEOUT_MS);

async function page(quote: SavedQuote | string) {
  const id = typeof quote === 'string' ? quote : quote.publicId;
  const response = await fetch(`${server.url}/quote/${id}`);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

const amount = (est: Estimate, range: { low: number; high: number }) =>
  range.low === range.high ? formatMoney(range.low, est.currency, est.locale) : formatRange(range, est.currency, est.locale);

describe('a saved quote', { timeout: 30_000 }, () => {
  it('shows every line with its model, reason and amount, the totals, the plan terms and the validity date', async () => {
    const { status, html, headers } = await page(quotes.current);
    expect(status).toBe(200);
    const est = quotes.current.revision.snapshot.estimate;
    expect(html).toContain('Quote for Ada');
    expect(html).toContain(`These prices are fixed until ${formatDate(quotes.current.revision.validUntil, est.locale)}`);
    for (const line of est.sites[0]!.lines) {
      expect(html).toContain(escapeHtml(line.label));
      expect(html).toContain(escapeHtml(line.reason));
      expect(html).toContain(escapeHtml(amount(est, line.amount)));
      if (line.model) expect(html).toContain(escapeHtml(`Model ${line.model}`));
      for (const driver of line.drivers) expect(html).toContain(escapeHtml(driver.label));
    }
    expect(html).toContain(escapeHtml(amount(est, est.oneTime)));
    const plan = est.sites[0]!.plan!;
    expect(plan.endDate).not.toBeNull();
    expect(html).toContain(formatDate(plan.endDate!, est.locale));
    expect(html).toContain(escapeHtml(plan.cancellation));
    expect(html).toContain(escapeHtml(amount(est, plan.totalOverTerm)));
    expect(html).not.toContain('What it would cost today');
    expect(headers.get('cache-control')).toBe('private, no-store');
    expect(headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(headers.get('referrer-policy')).toBe('same-origin');
  });

  it('keeps the prices and names it was priced with, not today’s catalog', async () => {
    const { html } = await page(quotes.frozen);
    const line = quotes.frozen.revision.snapshot.estimate.sites[0]!.lines.find((l) => l.productId === camera.id)!;
    expect(line.unitCents).toBe(camera.priceCents + 1234);
    expect(html).toContain('Earlier outdoor camera');
    expect(html).toContain(formatMoney(camera.priceCents + 1234, 'USD', 'en-US'));
    expect(html).not.toContain(escapeHtml(camera.name));
    expect(html).not.toContain('What it would cost today');
  });

  it('says when the prices have expired and shows today’s prices with what changed', async () => {
    const { status, html } = await page(quotes.expired);
    expect(status).toBe(200);
    expect(quotes.expired.revision.validUntil < today).toBe(true);
    const est = quotes.expired.revision.snapshot.estimate;
    expect(html).toContain(`These prices were held until ${formatDate(quotes.expired.revision.validUntil, est.locale)}, which has passed.`);
    // The frozen quote is still shown as it was.
    expect(html).toContain('Earlier outdoor camera');
    expect(html).toContain('What it would cost today');
    const now = estimate(homeConfiguration(), data, { today });
    expect(html).toContain(escapeHtml(amount(now, now.oneTime)));
    // The camera is 12.34 cheaper per unit today; the table shows the line and the difference.
    const quantity = homeConfiguration().sites[0]!.lines[0]!.quantity;
    const row = /<tr><th scope="row">Earlier outdoor camera.*?<\/tr>/s.exec(html.slice(html.indexOf('What changed since the quote')))?.[0];
    expect(row).toBeDefined();
    expect(row).toContain(`−${formatMoney(1234 * quantity, 'USD', 'en-US')}`);
  });

  it('prints one page per site', async () => {
    const { html } = await page(quotes.twoSites);
    expect(html.match(/<section class="quote-site"/g)).toHaveLength(2);
    expect(html).toContain('Main Street shop');
    expect(html).toContain('Warehouse');
    const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    // Small stylesheets are inlined by the build, larger ones linked.
    const inline = [...html.matchAll(/<style[^>]*>(.*?)<\/style>/gs)].map((m) => m[1]!);
    const css = [...inline, ...stylesheets.map((href) => readFileSync(join(root, 'dist/client', href), 'utf8'))].join('\n');
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/\.quote-site\{[^}]*break-before:page/);
    expect(print).toMatch(/\.site-header,\.site-footer/);
  });

  it('says that rounded site figures need not add up to the rounded total, only when there are several sites', async () => {
    const note = 'Ranges are rounded to the dollar';
    expect((await page(quotes.twoSites)).html).toContain(note);
    expect((await page(quotes.current)).html).not.toContain(note);
  });

  it('answers an unknown or malformed link with a 404 page that offers a way forward', async () => {
    for (const id of ['AAAAAAAAAAAAAAAAAAAAAAAA', 'not-a-quote', quotes.current.publicId.slice(0, -1)]) {
      const { status, html } = await page(id);
      expect(status).toBe(404);
      expect(html).toContain('We could not find this quote');
      expect(html).toContain('href="/assessment"');
    }
  });
});
