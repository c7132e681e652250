import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { fittedSites, acceptedLines } from '~/domain/installation/installation';
import { installerToday } from '~/domain/settings/today';
import type { CustomerRequest } from '~/domain/requests/request';
import { openDatabase } from '~/server/db/client';
import { insertInstallation } from '~/server/installation/store';
import { requestByReference, updatePipelineColumns } from '~/server/pipeline/store';
import { printedLink } from '../helpers/staff';
import { submitRequest } from '~/server/requests/submit';
import { homeConfiguration, installationRequest, loadData } from '../helpers/configuration';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer, type TestServer } from '../helpers/server';
import { expectAccessible } from './support/axe';
import { desktop, launchChromium, visit } from './support/browser';

/**
 * The customer's quote link after the installation: their system on a 320 px phone and a desktop
 * (nothing cut off, axe clean), and "Something is not working" opening the service form with the
 * system and the site's address filled in. Screenshots go to /tmp/installed-system/.
 */

const shots = '/tmp/installed-system';
let server: TestServer;
let browser: Browser;
let publicId = '';
let scheduled = '';

beforeAll(async () => {
  const { dir } = await freshDataDir();
  const handle = await openDatabase({ dataDir: dir });
  const data = loadData();
  const configuration = homeConfiguration();
  const stored = await submitRequest(handle.db, installationRequest({ configuration }) as CustomerRequest, { data, mail: { settings: data.settings, installerEmail: 'office@installer.example', siteUrl: 'http://localhost' } });
  const today = installerToday(data.settings);
  const lines = acceptedLines(configuration).map((line) => ({ quantity: line.quantity }));
  const fitted = fittedSites(configuration, { installedOn: today, lines }, data.catalog, today);
  if (!fitted.ok) throw new Error('fixture installation does not fit');
  await insertInstallation(handle.db, { quoteId: stored.quote!.id, revision: 1, installedOn: today, fitted: fitted.sites, note: 'Spare key fob left in the kitchen drawer.' });
  publicId = stored.quote!.publicId;
  // A second job, scheduled and not yet installed, for the staff form.
  const other = await submitRequest(handle.db, installationRequest({ configuration, contact: { name: 'Bo Builder', email: 'bo@example.com' } }) as CustomerRequest, { data, mail: { settings: data.settings, installerEmail: 'office@installer.example', siteUrl: 'http://localhost' } });
  scheduled = other.reference;
  await updatePipelineColumns(handle.db, (await requestByReference(handle.db, scheduled))!.id, { status: 'scheduled' });
  await handle.close();
  [server, browser] = await Promise.all([startServer({ dataDir: dir }), launchChromium()]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanUp();
});

describe('the system page', () => {
  it('reads on a phone and a desktop, and opens the service form filled in', async ({ expect }) => {
    const { page, errors } = await visit(browser, server.url, desktop);
    await page.goto(`/quote/${publicId}`);
    await page.getByRole('heading', { level: 1, name: 'Your security system' }).waitFor();
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${shots}/system-${width}.png`, fullPage: true });
      await page.screenshot({ path: `${shots}/system-${width}-top.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `system page at ${width} px`);
    }
    await page.getByRole('link', { name: 'Something is not working with the security cameras' }).click();
    await page.getByRole('heading', { level: 1, name: 'Request a service visit' }).waitFor();
    expect(await page.getByLabel('Which system').inputValue()).toBe('video');
    expect(await page.getByRole('textbox', { name: /Street address/i }).first().inputValue()).toBe('12 Analytical Way');
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: `${shots}/service-prefilled-320.png`, fullPage: true });
    await expectAccessible(page, 'service form filled in from the system page');
    expect(errors).toEqual([]);
  }, 120_000);

  it('lets staff mark a scheduled job installed with the keyboard-usable form, on a phone and a desktop', async ({ expect }) => {
    const { page, errors } = await visit(browser, server.url, desktop);
    await page.goto(await printedLink(server, /\/staff\/setup\?token=/));
    await page.getByLabel('Your name').fill('Ada Admin');
    await page.getByLabel('Email').fill('ada@installer.example');
    await page.getByLabel('Password', { exact: true }).fill('admin lantern oboe');
    await page.getByRole('button', { name: 'Create admin and sign in' }).click();
    await page.waitForURL(/\/staff/);
    await page.goto(`/staff/requests/${scheduled}`);
    const form = page.locator('#installed');
    await form.getByRole('heading', { name: 'Mark installed' }).waitFor();
    for (const width of [320, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await form.screenshot({ path: `${shots}/mark-installed-${width}.png` });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal scroll at ${width} px`).toBeLessThanOrEqual(0);
      await expectAccessible(page, `request page with the installation form at ${width} px`);
    }
    await form.getByRole('spinbutton').first().fill('2');
    await form.getByRole('button', { name: 'Mark installed' }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toContain('Marked as installed');
    expect(errors).toEqual([]);
  }, 120_000);
});
