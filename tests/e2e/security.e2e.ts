import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { encodeConfiguration } from '~/domain/configuration/link';
import { homeConfiguration, installationRequest } from '../helpers/configuration';
import { serverAndBrowser } from './support/browser';

/**
 * The Content-Security-Policy in a real browser (Chromium): the islands hydrate and the request
 * page's share-link script runs with no violation reported, the site cannot be framed, and markup a
 * customer typed is shown as text on the quote page.
 */

const run = serverAndBrowser();

interface Watched {
  page: Page;
  /** Every violation the page reported, and every console message about the policy. */
  violations(): Promise<string[]>;
}

async function open(path: string): Promise<Watched> {
  const page = await run.browser.newPage();
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Permissions-Policy/i.test(message.text())) console.push(message.text());
  });
  // Init scripts run outside the page's policy, so this listener is there before anything can be blocked.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`));
  });
  await page.goto(`${run.server.url}${path}`, { waitUntil: 'networkidle' });
  return {
    page,
    violations: async () => [...console, ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))],
  };
}

/** An island has hydrated once Astro removes its `ssr` attribute. */
const hydratedIslands = (page: Page) => page.$$eval('astro-island', (islands) => islands.map((island) => !island.hasAttribute('ssr')));

describe('the Content-Security-Policy in Chromium', { timeout: 60_000 }, () => {
  it('lets the configurator and the assessment hydrate, with no violation', async () => {
    for (const path of ['/configure', '/assessment']) {
      const { page, violations } = await open(path);
      await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
      expect(await hydratedIslands(page), path).toEqual([true]);
      expect(await violations(), path).toEqual([]);
      await page.close();
    }
  });

  it('reports no violation on a content page, the request and service pages and the 404 page', async () => {
    for (const path of ['/', '/cameras', '/compare', '/request', '/service', '/no-such-page']) {
      const { page, violations } = await open(path);
      expect(await violations(), path).toEqual([]);
      await page.close();
    }
  });

  it('runs the request page’s bundled script: a share link’s fragment reaches the server', async () => {
    const code = await encodeConfiguration(homeConfiguration());
    const { page, violations } = await open(`/request#c=${code}`);
    await page.waitForURL(/\/request\?c=/);
    await expect.poll(() => page.getByRole('heading', { name: 'Your configuration' }).count()).toBe(1);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('refuses to be framed by another site', async () => {
    const page = await run.browser.newPage();
    const refused: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('frame-ancestors')) refused.push(message.text());
    });
    await page.setContent(`<iframe src="${run.server.url}/"></iframe>`);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    const framed = page.frames().find((frame) => frame.url().startsWith(run.server.url));
    expect(await framed?.$('h1')).toBeFalsy();
    await page.close();
  });
});

describe('text a customer typed, in Chromium', { timeout: 60_000 }, () => {
  it('is shown as text on the quote page, and nothing in it runs', async () => {
    // One word, as the quote keeps only the first name (at most 40 characters).
    const name = '<img/src=x/onerror=window.pwned=1>';
    const configuration = homeConfiguration();
    configuration.sites[0]!.name = '<b onmouseover="window.pwned=3">Home</b>';
    const response = await fetch(`${run.server.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'browser-escaping-key-0001' },
      body: JSON.stringify(installationRequest({ contact: { name: `${name} Lovelace`, email: 'ada@example.com' }, configuration })),
    });
    expect(response.status).toBe(201);
    const { quote } = (await response.json()) as { quote: { url: string } };
    const { page, violations } = await open(new URL(quote.url).pathname);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Quote for ${name}`);
    expect(await page.getByText(configuration.sites[0]!.name).count()).toBeGreaterThan(0);
    expect(await page.$('img[src="x"], b[onmouseover]')).toBeNull();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    // Escaped text is never blocked: nothing was there to block.
    expect(await violations()).toEqual([]);
    // The print button works under the policy (its click is wired by a bundled script).
    await page.evaluate(() => {
      window.print = () => ((window as unknown as { printed: boolean }).printed = true);
    });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);
    await page.close();
  });
});
