import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { desktop, serverAndBrowser, visit, type Device } from './support/browser';
import { estimateTotal, textOf, until } from './support/steps';

/**
 * Getting around as a person expects: Back and Forward step through the assessment and a reload
 * stays on the step; the configurator names the package and switches to another; a product page
 * adds its product to the configuration, once, however often the page is reloaded.
 */

const run = serverAndBrowser();

const smallPhone: Device = { name: 'phone 320 px wide', options: { viewport: { width: 320, height: 568 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } };
const width = (device: Device) => device.options.viewport!.width;

const stepHeading = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });

async function noSideScroll(page: Page, device: Device): Promise<boolean> {
  return (await page.evaluate(() => document.documentElement.scrollWidth)) <= width(device);
}

describe.concurrent.each([smallPhone, desktop])('getting around on a $name', (device) => {
  it('steps back and forward through the assessment, and a reload stays on the step with the answers', async ({ expect }) => {
    const { page, errors, context } = await visit(run.browser, run.server.url, device);
    await page.goto('/assessment');
    await page.getByRole('button', { name: /^A home/ }).click();
    await stepHeading(page, 'Your home').waitFor();
    await page.getByLabel('Bedrooms').fill('4');
    await page.getByRole('button', { name: 'Next' }).click();
    await stepHeading(page, 'Doors and windows').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await stepHeading(page, 'Heating and pets').waitFor();
    expect(new URL(page.url()).search).toBe('?step=3');

    await page.goBack();
    await stepHeading(page, 'Doors and windows').waitFor();
    await page.goBack();
    await stepHeading(page, 'Your home').waitFor();
    expect(await page.getByLabel('Bedrooms').inputValue()).toBe('4');
    await page.reload();
    await stepHeading(page, 'Your home').waitFor();
    expect(await page.getByLabel('Bedrooms').inputValue()).toBe('4');
    await page.goForward();
    await stepHeading(page, 'Doors and windows').waitFor();
    await page.goForward();
    await stepHeading(page, 'Heating and pets').waitFor();
    await page.reload();
    await stepHeading(page, 'Heating and pets').waitFor();
    await page.screenshot({ path: `/tmp/nav8-assessment-back-${width(device)}.png`, fullPage: true });
    // Back past the first question reaches the choice of home or business, then the page before.
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await stepHeading(page, 'Is this for a home or a business?').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('names the package in the configurator, marks it customized and switches with a confirmation and undo', async ({ expect }) => {
    const { page, errors, context } = await visit(run.browser, run.server.url, device);
    await page.goto('/assessment');
    await page.getByRole('button', { name: /^A home/ }).click();
    for (let step = 1; step <= 6; step++) await page.getByRole('button', { name: 'Skip this step' }).click();
    await page.getByRole('button', { name: 'Start from Recommended package' }).click();
    await page.waitForURL('**/configure');
    await estimateTotal(page);
    const bar = page.getByRole('region', { name: /^Your package:/ });
    expect(await textOf(bar.getByRole('heading'))).toBe('Your package: Recommended');
    await page.screenshot({ path: `/tmp/nav8-package-${width(device)}.png`, fullPage: false });

    const quantity = page.getByLabel('Quantity', { exact: true }).first();
    const was = Number(await quantity.inputValue());
    await page.getByRole('button', { name: /^One more: / }).first().click();
    await until('the quantity to go up', async () => (await quantity.inputValue()) === String(was + 1));
    await bar.getByText('Customized').waitFor();
    const before = await estimateTotal(page);

    await bar.getByRole('button', { name: 'Switch to Complete' }).click();
    const confirm = bar.getByRole('alertdialog');
    expect(await textOf(confirm)).toContain('Your changes to the Recommended package go.');
    await expectAccessible(page, 'the configurator asking before it switches packages');
    await bar.screenshot({ path: `/tmp/nav8-package-confirm-${width(device)}.png` });
    await confirm.getByRole('button', { name: 'Keep my changes' }).click();
    expect(await textOf(bar.getByRole('heading'))).toBe('Your package: Recommended Customized');

    await bar.getByRole('button', { name: 'Switch to Complete' }).click();
    await bar.getByRole('button', { name: 'Switch to Complete' }).click();
    await until('the Complete package', async () => (await textOf(bar.getByRole('heading'))) === 'Your package: Complete');
    expect(await estimateTotal(page)).not.toBe(before);
    await page.getByRole('button', { name: 'Undo' }).click();
    await until('the edited Recommended package back', async () => (await textOf(bar.getByRole('heading'))) === 'Your package: Recommended Customized');
    expect(await page.getByLabel('Quantity', { exact: true }).first().inputValue()).toBe(String(was + 1));
    expect(await noSideScroll(page, device)).toBe(true);
    await page.reload();
    expect(await textOf(page.getByRole('region', { name: /^Your package:/ }).getByRole('heading'))).toBe('Your package: Recommended Customized');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('adds a product from its page into the configurator, once, and Back returns to the page', async ({ expect }) => {
    const { page, errors, context } = await visit(run.browser, run.server.url, device);
    await page.goto('/cameras');
    await page.getByRole('main').getByRole('link', { name: /camera/i }).first().click();
    const name = await textOf(page.getByRole('heading', { level: 1 }));
    await page.screenshot({ path: `/tmp/nav8-product-${width(device)}.png`, fullPage: false });
    await page.getByRole('link', { name: 'Add to my system' }).click();
    await page.getByRole('status').filter({ hasText: `Added 1 × ${name}.` }).waitFor();
    await page.screenshot({ path: `/tmp/nav8-added-${width(device)}.png`, fullPage: false });
    expect(new URL(page.url()).search).toBe('');
    const line = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name, exact: true }) });
    expect(await line.getByLabel('Quantity', { exact: true }).inputValue()).toBe('1');
    await expectAccessible(page, 'the configurator after adding a product from its page');
    await page.reload();
    await estimateTotal(page);
    expect(await line.getByLabel('Quantity', { exact: true }).inputValue()).toBe('1');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByRole('link', { name: 'Add to my system' }).click();
    await page.getByRole('status').filter({ hasText: `Added 1 × ${name}.` }).waitFor();
    await until('a second one on the line', async () => (await line.getByLabel('Quantity', { exact: true }).inputValue()) === '2');
    expect(errors).toEqual([]);
    await context.close();
  });
});
