import { describe, expect, it } from 'vitest';
import { isInstalled } from '~/domain/catalog/guards';
import { builtPages } from '../helpers/built-pages';
import { loadProducts } from '../helpers/data-files';
import { serverForFile } from '../helpers/server';

/**
 * Ways around the site that every page must offer: the service request and the legal pages from the
 * header or footer of each page the production server sends, prerendered or rendered on demand, and
 * the service request from the home page and every installed product's page.
 */

const run = serverForFile();

/** Pages rendered on demand, next to the prerendered ones; the last one is the 404 page. */
const onDemandPages = ['/request', '/service', '/no-such-page'];
const siteWideLinks = ['/service', '/privacy', '/terms', '/accessibility'];

async function html(path: string): Promise<string> {
  const response = await fetch(`${run.server.url}${path}`);
  expect(response.status, path).toBe(path === '/no-such-page' ? 404 : 200);
  return response.text();
}

/** The href of every link inside the given elements (header, footer, main). */
function linksIn(page: string, tag: 'header' | 'footer' | 'main'): string[] {
  const parts = [...page.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);
  return parts.flatMap((part) => [...part.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)].map((m) => m[1]!));
}

describe('links on every page', { timeout: 120_000 }, () => {
  it('reach the service request, privacy notice, terms and accessibility statement from the header or footer', async () => {
    const pages = [...builtPages(), ...onDemandPages];
    expect(pages).toEqual(expect.arrayContaining(['/', '/privacy', '/terms', '/accessibility', '/cameras']));
    for (const path of pages) {
      const page = await html(path);
      const shared = [...linksIn(page, 'header'), ...linksIn(page, 'footer')];
      for (const link of siteWideLinks) expect(shared, `${path} links to ${link}`).toContain(link);
    }
  });

  it('lead to pages that exist', async () => {
    for (const link of siteWideLinks) await html(link);
  });

  it('give the privacy notice beside the consent box of each request form, in a new tab so nothing typed is lost', async () => {
    for (const path of ['/request', '/service']) {
      const consent = /<input id="f-consent"[\s\S]*?<\/p>/.exec(await html(path))?.[0] ?? '';
      expect(consent, path).toMatch(/<a href="\/privacy" target="_blank">/);
    }
  });

  it('offer a service visit in the body of the home page and of every installed product’s page', async () => {
    const installed = loadProducts().filter(isInstalled);
    expect(installed.length).toBeGreaterThan(0);
    for (const path of ['/', ...installed.map((product) => `/products/${product.id}`)]) {
      expect(linksIn(await html(path), 'main'), path).toContain('/service');
    }
  });
});
