import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/server/db/client';
import { seedAcceptedRequest } from '../helpers/bookings';
import { loadData } from '../helpers/configuration';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer, type TestServer } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { setUpTeam, type Team } from '../helpers/staff';
import { expectAccessible } from './support/axe';
import { desktop, launchChromium, phone, visit, type Device } from './support/browser';

/**
 * The staff calendar with bookings in Chromium at 320 px and 1280 px: axe finds no WCAG A/AA
 * problem, nothing is wider than the screen, and the keyboard reaches a job's request from the month.
 */

const [crewA, crewB] = loadData().settings.booking.crews;
let server: TestServer;
let smtp: TestSmtp;
let browser: Browser;
let team: Team;
let removeData: () => void;
let confirmed = '';

beforeAll(async () => {
  const { dir, remove } = await freshDataDir();
  removeData = remove;
  const handle = await openDatabase({ dataDir: dir });
  confirmed = (await seedAcceptedRequest(handle.db, 'Ada', 'scheduled', { crewId: crewA!.id, days: ['2027-03-02', '2027-03-03', '2027-03-04'], window: 'whole-days', status: 'confirmed' })).reference;
  await seedAcceptedRequest(handle.db, 'Bartholomew-Maximilian', 'accepted', { crewId: crewB!.id, days: ['2027-03-02'], window: 'morning', status: 'held' });
  await seedAcceptedRequest(handle.db, 'Cy', 'scheduled', { crewId: crewB!.id, days: ['2027-03-02'], window: 'afternoon', status: 'confirmed' });
  await handle.close();
  smtp = await startSmtp();
  [server, browser] = await Promise.all([startServer({ dataDir: dir, env: { SMTP_URL: smtp.url, OUTBOX_INTERVAL_SECONDS: '1' } }), launchChromium()]);
  team = await setUpTeam(server, smtp);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  removeData?.();
  await smtp?.close();
});

const widths: Device[] = [
  { name: '320 px', options: { ...phone.options, viewport: { width: 320, height: 740 } } },
  { name: '1280 px', options: desktop.options },
];
const screenshots = process.env.SCREENSHOT_DIR;

describe.each(widths)('the staff calendar at $name', (device) => {
  it('passes axe, fits the screen and leads by keyboard to a job’s request', async () => {
    const { page, context, errors } = await visit(browser, server.url, device);
    const [name, value] = team.manager.split('=', 2) as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    await page.goto('/staff/calendar?month=2027-03');
    if (screenshots) await page.screenshot({ path: `${screenshots}/calendar-booked-${device.options.viewport!.width}.png`, fullPage: true });
    await expectAccessible(page, `the calendar at ${device.name}`);
    const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1).map((element) => element.tagName));
    expect(wide).toEqual([]);
    const link = page.getByRole('link', { name: `${confirmed} · Ada Customer` }).first();
    for (let i = 0; i < 40 && !(await link.evaluate((element) => element === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/staff/requests/${confirmed}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
