import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { devices, serverAndBrowser, visit } from './support/browser';
import { estimateTotal, until } from './support/steps';

/**
 * A visitor who comes back: the configuration survives a reload, travels whole in a share link
 * opened in another browser, and a damaged link explains itself and offers a way on.
 */

const run = serverAndBrowser();

/** What the configurator shows: every line with its quantity, and the headline estimate. */
async function configurationOnScreen(page: Page): Promise<{ lines: string[]; total: string }> {
  const total = await estimateTotal(page);
  const names = await page.getByRole('main').getByRole('heading', { level: 4 }).allTextContents();
  const quantities = await Promise.all(names.map((_, i) => page.getByLabel('Quantity', { exact: true }).nth(i).inputValue()));
  return { lines: names.map((name, i) => `${quantities[i]} × ${name.trim()}`), total };
}

/** Skips every question and starts from the Essential package, then adds one more of the first item. */
async function quickConfiguration(page: Page): Promise<void> {
  await page.goto('/assessment');
  await page.getByRole('button', { name: /^A home/ }).click();
  for (let step = 1; step <= 6; step++) await page.getByRole('button', { name: 'Skip this step' }).click();
  await page.getByRole('heading', { level: 2, name: 'Three ways to protect your home' }).waitFor();
  await page.getByRole('button', { name: 'Start from Essential package' }).click();
  await page.waitForURL('**/configure');
  const before = await estimateTotal(page);
  const more = page.getByRole('button', { name: /^One more: / }).first();
  const quantity = page.getByLabel('Quantity', { exact: true }).first();
  const was = Number(await quantity.inputValue());
  await more.click();
  await until('the quantity to go up', async () => (await quantity.inputValue()) === String(was + 1));
  await until('the estimate to follow', async () => (await estimateTotal(page)) !== before);
}

/** Copies the share link the way a person does, and reads it back from the clipboard. */
async function copyShareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await page.getByRole('status').filter({ hasText: 'Link copied.' }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

describe.concurrent.each(devices)('a returning visitor on a $name', (device) => {
  it('finds the configuration after a reload and in a share link opened elsewhere', async ({ expect }) => {
    const first = await visit(run.browser, run.server.url, device, { permissions: ['clipboard-read', 'clipboard-write'] });
    await quickConfiguration(first.page);
    const configured = await configurationOnScreen(first.page);
    expect(configured.lines.length).toBeGreaterThan(3);

    await first.page.reload();
    expect(await configurationOnScreen(first.page)).toEqual(configured);

    const link = await copyShareLink(first.page);
    expect(link).toMatch(new RegExp(`^${run.server.url}/configure#c=v1\\.[A-Za-z0-9_-]+$`));

    // Another browser: no saved configuration, only the link.
    const second = await visit(run.browser, run.server.url, device);
    await second.page.goto(link);
    await second.page.getByRole('status').filter({ hasText: 'Opened the shared configuration.' }).waitFor();
    expect(await configurationOnScreen(second.page)).toEqual(configured);
    await expectAccessible(second.page, 'the configurator opened from a share link');

    // A link cut short on the way: the saved configuration stays and can be carried on with.
    await second.page.goto(link.slice(0, -12));
    const problem = second.page.getByRole('alert').filter({ hasText: 'We could not open this link.' });
    await problem.waitFor();
    expect(await problem.textContent()).toContain('This link is incomplete or damaged.');
    // Only the latest link's message: the one about the good link before it is gone.
    expect(await second.page.getByText('Opened the shared configuration.').count()).toBe(0);
    await expectAccessible(second.page, 'the configurator with a damaged link');
    await problem.getByRole('button', { name: 'Continue with your saved configuration' }).click();
    await problem.waitFor({ state: 'hidden' });
    expect(await configurationOnScreen(second.page)).toEqual(configured);

    for (const { page, dialogs, errors } of [first, second]) {
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  });

  it('is shown a way forward from a damaged or outdated link with nothing saved', async ({ expect }) => {
    const { page, context, errors } = await visit(run.browser, run.server.url, device);

    await page.goto('/configure#c=v0.eJyrVkrLz1eyUkpKLFKqBQAZJgRk');
    const outdated = page.getByRole('alert').filter({ hasText: 'We could not open this link.' });
    await outdated.waitFor();
    expect(await outdated.textContent()).toContain('made by a newer or older version');
    // Nothing saved to go back to: the ways on are the questions or an empty configuration.
    expect(await outdated.getByRole('button', { name: 'Continue with your saved configuration' }).count()).toBe(0);
    await outdated.getByRole('link', { name: 'Answer a few questions instead' }).waitFor();
    await expectAccessible(page, 'the configurator with an outdated link');
    await outdated.getByRole('button', { name: 'Start empty' }).click();
    await page.getByText('Nothing here yet.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Add products' }).waitFor();

    // A quote link cut short: the quote page says so and offers the ways on.
    const response = await page.goto('/quote/cut-off-link');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'We could not find this quote' }).waitFor();
    await expectAccessible(page, 'the quote page for an unknown link');
    await page.getByRole('link', { name: 'Start a new estimate' }).click();
    await page.waitForURL('**/assessment');
    await expectAccessible(page, 'the assessment, reached from a broken quote link');

    expect(errors).toEqual([]);
    await context.close();
  });
});
