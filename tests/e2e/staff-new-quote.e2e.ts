import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpTeam, staffServerForFile, type Team } from '../helpers/staff';
import { expectAccessible } from './support/axe';
import { desktop, launchChromium, phone, visit, type Device } from './support/browser';

/**
 * Starting a quote in Chromium, at 320 px and 1280 px, as a sales user: from the pipeline's "New
 * quote" link, a refused form (axe finds no WCAG A/AA problem, nothing wider than the screen, what
 * was typed kept), then the corrected form opens the quote builder.
 */

const run = staffServerForFile({ TRUST_PROXY: '1' });
let browser: Browser;
let team: Team;

beforeAll(async () => {
  browser = await launchChromium();
  team = await setUpTeam(run.server, run.smtp);
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

const widths: Device[] = [
  { name: '320 px', options: { ...phone.options, viewport: { width: 320, height: 740 } } },
  { name: '1280 px', options: desktop.options },
];
const screenshots = process.env.SCREENSHOT_DIR;

describe.each(widths)('starting a quote at $name', (device) => {
  it('goes from the pipeline through a refused form to the quote builder', async () => {
    const { page, context, errors } = await visit(browser, run.server.url, device);
    const [name, value] = team.sales.split('=', 2) as [string, string];
    await context.addCookies([{ name, value, url: run.server.url }]);
    const width = device.options.viewport!.width;
    const fitsScreen = async () =>
      expect(await page.evaluate(() => [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((element) => element.tagName))).toEqual([]);

    await page.goto('/staff');
    await page.getByRole('link', { name: 'New quote' }).click();
    await page.waitForURL('**/staff/quotes/new');
    await expectAccessible(page, `the new quote form at ${device.name}`);
    await fitsScreen();
    if (screenshots) await page.screenshot({ path: `${screenshots}/new-quote-${width}.png`, fullPage: true });

    await page.getByLabel('Customer email').fill('pat.example.com');
    await page.getByLabel('Home or business').selectOption('business');
    await page.getByLabel('ZIP code').fill('94100');
    await page.getByRole('button', { name: 'Start the quote' }).click();
    await expect.poll(() => page.locator('#f-email-error').textContent()).toContain('name@example.com');
    expect(await page.locator('#f-name-error').textContent()).toContain('Enter your name');
    expect(await page.locator('#f-company-error').textContent()).toContain('Enter the name of the business');
    expect(await page.getByLabel('Customer email').inputValue()).toBe('pat.example.com');
    await expectAccessible(page, `the refused new quote form at ${device.name}`);
    await fitsScreen();
    if (screenshots) await page.screenshot({ path: `${screenshots}/new-quote-refused-${width}.png`, fullPage: true });

    await page.getByLabel('Customer name').fill('Pat Phoner');
    await page.getByLabel('Customer email').fill(`pat${width}@example.com`);
    await page.getByLabel('Business name').fill('Corner Shop');
    await page.getByRole('button', { name: 'Start the quote' }).click();
    await page.waitForURL(/\/staff\/requests\/[A-Z0-9-]+\/quote$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Pat Phoner');
    if (screenshots) await page.screenshot({ path: `${screenshots}/new-quote-builder-${width}.png`, fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
