import { describe, expect, it } from 'vitest';
import { addDays } from '~/domain/estimate/dates';
import { builtPages } from '../helpers/built-pages';
import { homeConfiguration, installationRequest } from '../helpers/configuration';
import { installerDay } from '../helpers/data-files';
import { serverForFile, startServer } from '../helpers/server';

/**
 * SITE_URL is for mail only: a page links within the site it was served from. The server here is
 * told a public address on another host than the one it is reached at (as behind a proxy that is not
 * set up yet, or on a second address), and no link, form or asset on any page may point there:
 * every prerendered page, the pages rendered on demand, a saved quote and the request confirmation.
 */

const publicSite = 'https://quotes.elsewhere.example';
const run = serverForFile({ env: { SITE_URL: publicSite } });

/** Every address a page can send the browser to: links, forms, scripts, styles, images. */
function addressesIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src|action|srcset|formaction)="([^"]*)"/g)].map((m) => m[1]!);
}

function pointsAtPublicSite(address: string): boolean {
  try {
    return new URL(address.replaceAll('&amp;', '&'), 'http://served.invalid/').host === new URL(publicSite).host;
  } catch {
    return false;
  }
}

async function page(path: string, init?: RequestInit): Promise<string> {
  const response = await fetch(`${run.server.url}${path}`, init);
  expect(response.status, path).toBeLessThan(500);
  return response.text();
}

/** Sends the installation form as a browser without JavaScript does, and returns the confirmation page. */
async function confirmationPage(): Promise<string> {
  const fields = {
    idempotencyKey: 'same-origin-links-0001',
    website: '',
    configuration: JSON.stringify(homeConfiguration()),
    'contact.name': 'Mary Jackson',
    'contact.email': 'mary@example.com',
    'addresses.0.siteId': 'home',
    'addresses.0.line1': '3 Wind Tunnel Road',
    'addresses.0.city': 'Bayview',
    'addresses.0.postalCode': '94100',
    'windows.0.date': addDays(installerDay(), 5),
    'windows.0.part': 'morning',
    consent: 'yes',
  };
  return page('/request?_action=requestInstallation', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: run.server.url },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

describe('links on every page with SITE_URL on another host', { timeout: 120_000 }, () => {
  it('stay on the host the page was served from', async () => {
    const created = await fetch(`${run.server.url}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(installationRequest()) });
    const { quote } = (await created.json()) as { quote: { id: string; url: string } };
    // The API answers with the public address, as mail does: it is not a page.
    expect(new URL(quote.url).origin).toBe(publicSite);

    const confirmation = await confirmationPage();
    expect(confirmation).toContain('See your quote');
    const pages: [string, string][] = [['the request confirmation', confirmation]];
    for (const path of [...builtPages(), '/request', '/service', '/no-such-page', `/quote/${quote.id}`]) pages.push([path, await page(path)]);

    for (const [name, html] of pages) {
      const addresses = addressesIn(html);
      expect(addresses.length, name).toBeGreaterThan(0);
      expect(addresses.filter(pointsAtPublicSite), name).toEqual([]);
    }
    // The confirmation's quote link works where the form was sent.
    const link = /href="([^"]*\/quote\/[A-Za-z0-9_-]{24})"/.exec(confirmation)?.[1];
    expect(link).toMatch(/^\/quote\//);
    expect((await fetch(`${run.server.url}${link}`)).status).toBe(200);
  });

  it('while the server warns at start when SITE_URL is unset on a host other machines reach', async () => {
    expect(run.server.output()).not.toContain('SITE_URL is not set');
    const open = await startServer({ env: { HOST: '0.0.0.0', SITE_URL: '' } });
    try {
      await open.waitForOutput(/Warning: SITE_URL is not set while the server listens on 0\.0\.0\.0/);
    } finally {
      await open.stop();
      open.cleanUp();
    }
  });
});
