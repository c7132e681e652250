import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationRequest } from '../helpers/configuration';
import { runCli } from '../helpers/cli';
import { staffServerForFile } from '../helpers/staff';
import { expectAccessible } from './support/axe';
import { desktop, launchChromium, phone, visit, type Device } from './support/browser';

/**
 * The quote builder's journey in Chromium at 320 px, by role: an admin adds a salesperson and a
 * manager with `npm run staff` (on the data directory, before the server starts); the salesperson
 * signs in on the sign-in page, opens a homeowner's request, swaps a camera and gives a discount past their limit; a manager approves it; the
 * salesperson sends the revision; the homeowner opens the mailed link and reads what changed; the
 * salesperson sees that it was viewed. A manager who gives a discount past their own limit is told
 * another manager or an admin decides on it, and gets no approval form. Axe finds no WCAG A/AA problem on any staff page on the way,
 * at 320 px and 1280 px, and nothing is wider than the screen.
 */

/** The accounts an admin adds with the CLI, each with the password typed into its standard input. */
const people = {
  sales: { email: 'sam@example.com', name: 'Sam Sales', role: 'sales', password: 'sam lantern copper' },
  manager: { email: 'mia@example.com', name: 'Mia Manager', role: 'manager', password: 'mia quarry kettle' },
};

const run = staffServerForFile({ TRUST_PROXY: '1' }, async (dataDir) => {
  for (const person of Object.values(people)) {
    const added = await runCli('staff.ts', ['add', '--email', person.email, '--name', person.name, '--role', person.role, '--password-stdin'], { DATA_DIR: dataDir }, `${person.password}\n`);
    expect(added.code, added.err).toBe(0);
  }
});
let browser: Browser;
let reference = '';
const screenshots = process.env.SCREENSHOT_DIR;
/** Pages load slowly on a busy machine: a poll waits for the answer to a post. */
const settled = { timeout: 15_000 };

beforeAll(async () => {
  browser = await launchChromium();
  const response = await fetch(`${run.server.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(installationRequest({ contact: { name: 'Hana Homeowner', email: 'hana@example.com', phone: '(555) 010-2000' } })),
  });
  reference = ((await response.json()) as { reference: string }).reference;
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

const narrow: Device = { name: '320 px', options: { ...phone.options, viewport: { width: 320, height: 740 } } };

/** Signs a person in on the sign-in page, as they would: a staff page first, which sends them there. */
async function as(person: (typeof people)[keyof typeof people], device: Device) {
  const seen = await visit(browser, run.server.url, device);
  await seen.page.goto('/staff');
  await seen.page.getByLabel('Email').fill(person.email);
  await seen.page.getByLabel('Password').fill(person.password);
  await seen.page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => new URL(seen.page.url()).pathname, settled).toBe('/staff');
  return seen;
}

/** Axe and the screen's width, with a screenshot when SCREENSHOT_DIR is set. */
async function check(page: Page, where: string) {
  const width = page.viewportSize()!.width;
  if (screenshots) await page.screenshot({ path: `${screenshots}/builder-${where.replace(/\W+/g, '-')}-${width}.png`, fullPage: true });
  await expectAccessible(page, `${where} at ${width} px`);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !element.closest('.request-table, .table-scroll'))
      .slice(-3)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );
  expect(wide, where).toEqual([]);
}

describe('the quote builder journey', () => {
  it('goes from a discount past the limit, through approval, to a revision the customer reads and the salesperson sees viewed', async () => {
    const sales = await as(people.sales, narrow);
    await sales.page.goto(`/staff/requests/${reference}`);
    await sales.page.getByRole('link', { name: 'Revise in the quote builder' }).click();
    await check(sales.page, 'builder');
    const camera = sales.page.getByLabel('Product').first();
    const options = await camera.locator('option').allTextContents();
    await camera.selectOption({ index: 1 });
    await sales.page.getByLabel('Discount on the whole quote').selectOption('percent');
    await sales.page.locator('#f-quoteDiscount-value').fill('15');
    await sales.page.getByRole('button', { name: 'Save the draft' }).click();
    await expect.poll(() => sales.page.getByRole('status').textContent(), settled).toContain('a manager must approve');
    await check(sales.page, 'draft waiting for approval');

    const manager = await as(people.manager, narrow);
    await manager.page.goto(`/staff/requests/${reference}/quote`);
    await manager.page.getByLabel('Reason').fill('Neighbor referral');
    await manager.page.getByRole('button', { name: 'Approve discounts' }).click();
    await expect.poll(() => manager.page.getByRole('status').textContent(), settled).toContain('approved');
    await check(manager.page, 'approved');

    await sales.page.goto(`/staff/requests/${reference}/quote`);
    await sales.page.getByRole('button', { name: /^Send version 2/ }).click();
    await expect.poll(() => sales.page.getByRole('status').textContent(), settled).toContain('Version 2 sent to hana@example.com');

    await expect.poll(() => run.smtp.messages.some((m) => m.to.includes('hana@example.com') && m.subject.includes('version 2')), { timeout: 20_000 }).toBe(true);
    const mail = run.smtp.messages.find((m) => m.to.includes('hana@example.com') && m.subject.includes('version 2'))!;
    const link = /https?:\/\/[^\s/]+(\/quote\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    // A customer's browser: headless Chromium names itself in its user agent, and views from crawlers do not count.
    const customer = await visit(browser, run.server.url, narrow, { userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36' });
    await customer.page.goto(link);
    const changes = customer.page.getByRole('region', { name: 'What changed since version 1' });
    await expect.poll(() => changes.textContent(), settled).toContain(`Added 3 × ${options[1]!.replace(/ \([^)]*\)$/, '')}`);
    expect(await changes.textContent()).toContain('Added a discount of 15% on the whole quote');
    // The page reports the view after it has been in sight for the settings' seconds.
    await customer.page.bringToFront();
    await sales.page.goto(`/staff/requests/${reference}`);
    await expect.poll(async () => (await sales.page.reload(), await sales.page.locator('li[data-kind="quote.viewed"]').count()), { timeout: 30_000, interval: 1_000 }).toBeGreaterThan(0);

    await sales.page.getByRole('link', { name: 'Compare revisions' }).click();
    expect(await sales.page.locator('[data-changes]').textContent()).toContain('Added a discount of 15% on the whole quote');
    await check(sales.page, 'revisions');
    for (const seen of [sales, manager, customer]) {
      expect(seen.errors).toEqual([]);
      await seen.context.close();
    }
  });

  it('passes axe on the builder, a refused save and the revisions at 1280 px', async () => {
    const { page, context, errors } = await as(people.sales, desktop);
    await page.goto(`/staff/requests/${reference}/quote`);
    await check(page, 'builder desktop');
    await page.locator('#f-sites-0-lines-0-discount-kind').selectOption('percent');
    await page.locator('#f-sites-0-lines-0-discount-value').fill('250');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await expect.poll(() => page.locator('#f-sites-0-lines-0-discount-value-error').textContent(), settled).toContain('at most 100%');
    expect(await page.locator('#f-sites-0-lines-0-discount-value').inputValue()).toBe('250');
    await check(page, 'refused save');
    await page.goto(`/staff/requests/${reference}/revisions`);
    await check(page, 'revisions desktop');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells a manager who saved discounts past their own limit that someone else decides, at 320 px and 1280 px', async () => {
    for (const device of [narrow, desktop]) {
      const { page, context, errors } = await as(people.manager, device);
      await page.goto(`/staff/requests/${reference}/quote`);
      await page.getByLabel('Discount on the whole quote').selectOption('percent');
      await page.locator('#f-quoteDiscount-value').fill(device === narrow ? '25' : '24');
      await page.getByRole('button', { name: 'Save the draft' }).click();
      await expect.poll(() => page.getByRole('status').textContent(), settled).toContain('so another manager or an admin must approve them');
      expect(await page.getByText('You saved this draft, so another manager or an admin must approve or refuse its discounts.').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Approve discounts' }).count()).toBe(0);
      await check(page, 'own draft waiting');
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
