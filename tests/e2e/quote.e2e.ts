import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Estimate } from '~/domain/estimate/estimate';
import { formatMoney, formatRange, type Range } from '~/domain/money';
import { installationRequest, twoSiteConfiguration } from '../helpers/configuration';
import { desktop, phone, serverAndBrowser, visit, type Device } from './support/browser';

/**
 * The saved quote in Chromium: on narrow phones every amount (each line, subtotal, tax, total, each
 * site's range and the headline) lies inside the screen and is not clipped by a scrolling table;
 * and printed to PDF, the first page holds the headline range and each site takes one page after it.
 */

const run = serverAndBrowser();

const narrow = (width: number): Device => ({ name: `${width} px phone`, options: { ...phone.options, viewport: { width, height: 740 } } });

/** A two-site business quote, phased, as the API stores it; returns its path and its estimate. */
async function twoSiteQuote(): Promise<{ path: string; estimate: Estimate }> {
  const configuration = { ...twoSiteConfiguration(), phases: [{ name: 'Shop first', budgetCents: 500_000 }] };
  configuration.sites[0]!.lines.forEach((line) => (line.phase = 1));
  const body = installationRequest({
    configuration,
    company: 'Harbor Co-op',
    nextStep: 'formal-quote',
    addresses: [
      { siteId: 'shop', line1: '1 Main Street', city: 'Bayview', region: 'CA', postalCode: '94100' },
      { siteId: 'warehouse', line1: '40 Dock Road', city: 'Bayview', region: 'CA', postalCode: '94100' },
    ],
  });
  const response = await fetch(`${run.server.url}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  const { quote } = (await response.json()) as { quote: { id: string; estimate: Estimate } };
  return { path: `/quote/${quote.id}`, estimate: quote.estimate };
}

const amountText = (est: Estimate, range: Range) => (range.low === range.high ? formatMoney(range.low, est.currency, est.locale) : formatRange(range, est.currency, est.locale));

describe.concurrent.each([narrow(320), narrow(390)])('the quote on a $name', (device) => {
  it('shows every amount whole, inside the screen, without scrolling sideways', async () => {
    const { path, estimate: est } = await twoSiteQuote();
    const { page, errors } = await visit(run.browser, run.server.url, device);
    await page.goto(path);

    const amounts = await page.locator('[data-amount]').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        // Every ancestor that clips its content must hold the amount wholly and need no sideways scroll.
        const clippedBy: string[] = [];
        for (let parent = element.parentElement; parent; parent = parent.parentElement) {
          const style = getComputedStyle(parent);
          if (style.overflowX === 'visible') continue;
          const frame = parent.getBoundingClientRect();
          const scrolls = parent.scrollWidth > parent.clientWidth + 1;
          if (scrolls || box.left < frame.left - 0.5 || box.right > frame.right + 0.5) clippedBy.push(`${parent.tagName}.${parent.className} (${parent.scrollWidth} > ${parent.clientWidth})`);
        }
        return { text: element.textContent!.trim(), left: box.left, right: box.right, width: box.width, clippedBy };
      }),
    );
    const viewport = page.viewportSize()!.width;
    for (const amount of amounts) {
      expect(amount.width, amount.text).toBeGreaterThan(0);
      expect(amount.left, amount.text).toBeGreaterThanOrEqual(0);
      expect(amount.right, amount.text).toBeLessThanOrEqual(viewport);
      expect(amount.clippedBy, amount.text).toEqual([]);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport);

    // Every amount of the estimate is one of those checked: lines, subtotals, tax, site totals, the headline.
    const shown = new Set(amounts.map((a) => a.text));
    const expected = [est.oneTime, est.tax, ...est.sites.flatMap((site) => [site.subtotal, site.tax, site.oneTime, ...site.lines.map((line) => line.amount)])];
    for (const range of expected) expect(shown, amountText(est, range)).toContain(amountText(est, range));
    expect(await page.locator('[data-headline]').textContent()).toBe(amountText(est, est.oneTime));
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('the quote printed to PDF', () => {
  it('has the headline range on a first page of its own, then one page per site', async () => {
    const { path, estimate: est } = await twoSiteQuote();
    const { page } = await visit(run.browser, run.server.url, desktop);
    await page.goto(path);
    const dir = mkdtempSync(join(tmpdir(), 'quote-pdf-'));
    try {
      const file = join(dir, 'quote.pdf');
      writeFileSync(file, await page.pdf({ format: 'Letter' }));
      const pageText = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

      const first = pageText(1);
      expect(first).toContain(amountText(est, est.oneTime));
      expect(first).toContain('What is included');
      expect(first).toContain('Harbor Co-op');
      expect(first).toMatch(/Request reference\s+NG-/);
      // The rule: one page for the quote as a whole, then each site starting on a page of its own; a
      // site whose lines do not fit one page carries on to the next, and never past a second.
      let start = 2;
      est.sites.forEach((site, i) => {
        const next = est.sites[i + 1];
        expect(pageText(start)).toContain(site.name);
        let end = start;
        while (end < pages && (next === undefined || !pageText(end + 1).includes(next.name))) end++;
        const text = Array.from({ length: end - start + 1 }, (_, k) => pageText(start + k)).join('\n');
        expect(text).toContain(`One-time total for ${site.name}`);
        expect(text).toContain(amountText(est, site.oneTime));
        expect(end - start, `${site.name} runs over pages ${start}–${end}`).toBeLessThanOrEqual(1);
        start = end + 1;
      });
      expect(start - 1).toBe(pages);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await page.context().close();
    }
  });
});
