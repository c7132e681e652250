import { describe, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { desktop, phone, serverAndBrowser, visit, type Device } from './support/browser';
import { textOf } from './support/steps';

/**
 * The configurator's parts fetched the first time they show (src/islands/shared/LazyPart.tsx), in
 * Chromium under the site's Content-Security-Policy: a home's page fetches none of them up front; the
 * add and swap dialogs open at once and fill in when their body arrives, with focus on its first
 * control; a body that cannot be fetched says so, loses nothing, and Try again brings it.
 */

const run = serverAndBrowser();
const narrow: Device = { name: '320 px', options: { ...phone.options, viewport: { width: 320, height: 740 } } };
const shots = process.env.SCREENSHOT_DIR;

/** The chunks of the parts, by the file names the build gives them. */
const partChunk = /\/_astro\/(?:AddProducts|SwapComparison|Phases|add)\.[\w-]+\.js$/;

const focusedInDialog = (page: import('playwright-core').Page) => page.evaluate(() => (document.activeElement?.closest('dialog') ? document.activeElement.tagName : null));

describe.each([narrow, desktop])('parts fetched when they first show, on a $name', (device) => {
  it('fetches the dialogs when they first open, says so when one cannot be fetched, and Try again brings it', async ({ expect }) => {
    const { page, errors, context } = await visit(run.browser, run.server.url, device);
    const fetched: string[] = [];
    page.on('request', (request) => {
      if (partChunk.test(request.url())) fetched.push(new URL(request.url()).pathname.split('/').pop()!.split('.')[0]!);
    });
    let offline = true;
    await page.route(/\/_astro\/SwapComparison\.[\w-]+\.js$/, (route) => (offline ? route.abort('internetdisconnected') : route.continue()));

    await page.goto('/configure');
    await page.getByRole('button', { name: 'For a home' }).click();
    const addProducts = page.getByRole('button', { name: 'Add products' });
    await addProducts.waitFor();
    expect(fetched).toEqual([]);

    await addProducts.click();
    const adding = page.getByRole('dialog', { name: 'Add products to Home' });
    await adding.getByLabel('Kind of product').waitFor();
    expect(fetched).toEqual(['AddProducts']);
    expect(await focusedInDialog(page)).toBe('SELECT');
    const add = adding.getByRole('button', { name: /^Add 1 × / }).first();
    const product = (await textOf(add)).replace(/^Add 1 × /, '');
    await add.click();
    await adding.waitFor({ state: 'hidden' });

    const swap = page.getByRole('button', { name: `Compare and swap ${product}` });
    await swap.click();
    const swapping = page.getByRole('dialog', { name: `Swap the ${product}` });
    const problem = swapping.getByRole('alert');
    await problem.waitFor();
    expect(await textOf(problem)).toContain('We could not load the options just now.');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(device.options.viewport!.width);
    if (shots) await page.screenshot({ path: `${shots}/lazy-part-failed-${device.options.viewport!.width}.png` });

    offline = false;
    await problem.getByRole('button', { name: 'Try again' }).click();
    await swapping.getByRole('radio').first().waitFor();
    expect(await focusedInDialog(page)).toBe('INPUT');
    await expectAccessible(page, 'the swap dialog after its options arrived');
    await swapping.getByRole('button', { name: 'Close' }).click();
    await swapping.waitFor({ state: 'hidden' });
    expect(await page.getByRole('button', { name: `Compare and swap ${product}` }).count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
