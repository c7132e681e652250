import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installationRequest, twoSiteConfiguration } from '../helpers/configuration';
import { post, setUpTeam, staffServerForFile, type Team } from '../helpers/staff';
import { expectAccessible } from './support/axe';
import { desktop, launchChromium, phone, visit, type Device } from './support/browser';

/**
 * The pipeline and a request's page in Chromium, at 320 px and 1280 px: axe finds no WCAG A/AA
 * problem (the list, an empty search, the request with its quote and timeline, the calendar, the
 * refused lost and offline-deposit forms), and
 * nothing is wider than the screen but the tables that scroll in their own region.
 */

const run = staffServerForFile({ TRUST_PROXY: '1' });
let browser: Browser;
let team: Team;
let reference = '';

beforeAll(async () => {
  browser = await launchChromium();
  team = await setUpTeam(run.server, run.smtp);
  const configuration = twoSiteConfiguration();
  const response = await fetch(`${run.server.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(
      installationRequest({
        configuration,
        contact: { name: 'Bea Business', email: 'bea@depot.example', phone: '(555) 010-3000' },
        company: 'Depot Traders',
        nextStep: 'formal-quote',
        addresses: configuration.sites.map((site, i) => ({ siteId: site.id, line1: `${i + 1} Dock Road`, city: 'Bayview', region: 'CA', postalCode: '94107' })),
      }),
    ),
  });
  reference = ((await response.json()) as { reference: string }).reference;
  await post(run.server, `/staff/requests/${reference}`, { intent: 'assign', assignee: 'me' }, { session: team.manager });
  await post(run.server, `/staff/requests/${reference}`, { intent: 'note', note: 'Called: site visit on Tuesday' }, { session: team.manager });
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

const widths: Device[] = [
  { name: '320 px', options: { ...phone.options, viewport: { width: 320, height: 740 } } },
  { name: '1280 px', options: desktop.options },
];

async function signedIn(device: Device) {
  const seen = await visit(browser, run.server.url, device);
  const [name, value] = team.manager.split('=', 2) as [string, string];
  await seen.context.addCookies([{ name, value, url: run.server.url }]);
  return seen;
}

const screenshots = process.env.SCREENSHOT_DIR;

describe.each(widths)('the staff pipeline at $name', (device) => {
  it('passes axe on the list, an empty search, the request and a refused form', async () => {
    const { page, context, errors } = await signedIn(device);
    const width = device.options.viewport!.width;
    // The widest element names itself in a failure.
    const widest = () =>
      page.evaluate(() => {
        const wide = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !element.closest('.pipeline-table, .request-table'));
        return wide.slice(-3).map((element) => `${element.tagName.toLowerCase()}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`);
      });
    const fitsScreen = async () => expect(await widest()).toEqual([]);
    for (const [name, path] of [
      ['list', '/staff'],
      ['empty search', '/staff?q=nobody-at-all'],
      ['calendar', '/staff/calendar'],
      ['request', `/staff/requests/${reference}`],
    ] as const) {
      await page.goto(path);
      if (screenshots) await page.screenshot({ path: `${screenshots}/${name.replace(/ /g, '-')}-${width}.png`, fullPage: true });
      await expectAccessible(page, `${name} at ${device.name}`);
      await fitsScreen();
    }
    await page.getByRole('button', { name: 'Mark as lost' }).click();
    await expect.poll(() => page.locator('#f-reason-error').textContent()).toContain('say why the lead was lost');
    await expectAccessible(page, `the refused lost form at ${device.name}`);
    await fitsScreen();
    if (screenshots) await page.screenshot({ path: `${screenshots}/lost-refused-${width}.png`, fullPage: true });
    await page.getByLabel('Amount taken').fill('ten');
    await page.getByRole('button', { name: 'Record deposit' }).click();
    await expect.poll(() => page.locator('#f-offlineMethod-error').textContent()).toContain('choose how it was paid');
    await expectAccessible(page, `the refused offline deposit form at ${device.name}`);
    await fitsScreen();
    if (screenshots) await page.locator('#deposit').screenshot({ path: `${screenshots}/offline-refused-${width}.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
