import type { Locator, Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { desktop, serverAndBrowser, visit, type Device } from './support/browser';
import { textOf } from './support/steps';

/**
 * The assessment's results: the package matching the budget is the first thing seen, on the smallest
 * phone too, and the three packages give the same facts so they compare. A business is asked about
 * monitoring, month to month unless it picks otherwise.
 */

const run = serverAndBrowser();

const smallPhone: Device = { name: 'phone 320 px wide', options: { viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } };

/** Skips steps until `target` shows, waiting for each step to render before skipping the next. */
async function skipUntil(page: Page, target: Locator): Promise<void> {
  const progress = page.locator('.assessment__progress');
  while (!(await target.isVisible())) {
    const before = await textOf(progress);
    await page.getByRole('button', { name: 'Skip this step' }).click();
    await page.waitForFunction((text) => document.querySelector('.assessment__progress')?.textContent?.trim() !== text, before);
  }
}

async function skipToResults(page: Page, path: RegExp, audience: 'home' | 'business'): Promise<void> {
  await page.goto('/assessment');
  await page.getByRole('button', { name: path }).click();
  const results = page.getByRole('heading', { level: 2, name: `Three ways to protect your ${audience}` });
  await skipUntil(page, results);
  await results.waitFor();
  await pricedPackages(page);
}

/** The server prices the packages after the results heading shows ("Pricing your three options…"). */
const pricedPackages = (page: Page) => page.locator('.packages > li').first().waitFor();

describe.concurrent.each([smallPhone, desktop])('the assessment results on a $name', (device) => {
  it('show the Recommended package first, in view, with the same facts as the others', async ({ expect }) => {
    const { page, errors, context } = await visit(run.browser, run.server.url, device);
    await skipToResults(page, /^A home/, 'home');

    const packages = page.locator('.packages > li');
    expect(await packages.locator('h3').allTextContents()).toEqual(['Recommended', 'Essential', 'Complete']);
    const first = packages.first();
    expect(await textOf(first)).toMatch(/Matches your budget/);
    // Its name, price and badge are on screen without scrolling.
    for (const part of [first.locator('h3'), first.locator('.package__price'), first.getByText('Matches your budget')]) {
      const box = (await part.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(device.options.viewport!.height);
    }
    for (const facts of await packages.locator('.package__facts').all()) expect(await facts.locator('dt').allTextContents()).toEqual(['Monitoring', 'Installation', 'Devices']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(device.options.viewport!.width);
    await page.screenshot({ path: `/tmp/require8-results-${device.options.viewport!.width}.png`, fullPage: true });
    await expectAccessible(page, 'the assessment results');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('ask a business about monitoring, month to month by default, and plan by the answer', async ({ expect }) => {
    const { page, errors, context } = await visit(run.browser, run.server.url, device);
    await page.goto('/assessment');
    await page.getByRole('button', { name: /^A business/ }).click();
    const question = page.getByRole('group', { name: 'Should a monitoring center watch your alarms?' });
    await page.getByRole('heading', { level: 2, name: 'Your business' }).waitFor();
    await skipUntil(page, question);
    expect(await question.getByRole('radio', { name: /month to month/ }).isChecked()).toBe(true);
    await page.screenshot({ path: `/tmp/require8-monitoring-${device.options.viewport!.width}.png`, fullPage: true });
    await page.getByRole('button', { name: 'See my options' }).click();
    await page.getByRole('heading', { level: 2, name: 'Three ways to protect your business' }).waitFor();
    await pricedPackages(page);
    const monitoring = page.locator('.package__facts dt', { hasText: 'Monitoring' }).locator('xpath=following-sibling::dd[1]');
    const terms = await monitoring.allTextContents();
    expect(terms).toHaveLength(3);
    for (const term of terms) expect(term).toMatch(/month to month/i);

    await page.getByRole('button', { name: 'Back to the questions' }).click();
    await question.getByRole('radio', { name: 'No professional monitoring' }).check();
    await page.getByRole('button', { name: 'See my options' }).click();
    await page.getByRole('heading', { level: 2, name: 'Three ways to protect your business' }).waitFor();
    await pricedPackages(page);
    expect(await monitoring.allTextContents()).toEqual(Array(3).fill('None (you can add it later)'));
    expect(errors).toEqual([]);
    await context.close();
  });
});
