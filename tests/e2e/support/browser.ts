import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type TestServer } from '../../helpers/server';

/**
 * Debian's Chromium driven by playwright-core. The flags keep it from reaching for the network
 * (updates, sync, field trials): on a machine without one it would hang waiting.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * The production server and one Chromium for a test file, started together before its tests and
 * closed after them. Read `run.server` and `run.browser` inside tests.
 */
export function serverAndBrowser(): { server: TestServer; browser: Browser } {
  const run = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    [run.server, run.browser] = await Promise.all([startServer(), launchChromium()]);
  }, 300_000);
  afterAll(async () => {
    await run.browser?.close();
    await run.server?.stop();
    run.server?.cleanUp();
  });
  return run;
}

export interface Device {
  name: string;
  options: BrowserContextOptions;
}

export const desktop: Device = { name: 'desktop', options: { viewport: { width: 1280, height: 900 } } };
export const phone: Device = { name: 'phone', options: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true } };
export const devices = [desktop, phone];

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** Messages of every alert, confirm or prompt the pages opened (each is dismissed). */
  dialogs: string[];
  /** Uncaught errors thrown in the pages. */
  errors: string[];
}

/**
 * A fresh browser profile (no storage) with one page that records dialogs and uncaught errors. The
 * browser keeps the server's clock zone (UTC), so "today" is the same day on both sides at midnight.
 */
export async function visit(browser: Browser, baseURL: string, device: Device, options: BrowserContextOptions = {}): Promise<Visit> {
  const context = await browser.newContext({ ...device.options, baseURL, locale: 'en-US', timezoneId: 'UTC', ...options });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, dialogs, errors };
}
