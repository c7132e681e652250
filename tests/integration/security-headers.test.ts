import { createHash } from 'node:crypto';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtPages, clientDir, files } from '../helpers/built-pages';
import { homeConfiguration, installationRequest } from '../helpers/configuration';
import { serverForFile } from '../helpers/server';

/**
 * The security headers on every kind of response the production server sends: each prerendered page
 * (served from disk by the adapter), the on-demand pages, the 404 page, the JSON API, actions and
 * assets. A page's Content-Security-Policy must allow its own inline scripts and styles by hash, and
 * never by 'unsafe-inline'.
 */

const run = serverForFile();

type Policy = Map<string, string[]>;

function parsePolicy(header: string | null): Policy {
  const policy: Policy = new Map();
  for (const directive of (header ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) policy.set(name.toLowerCase(), sources);
  }
  return policy;
}

/** The sources a directive falls back to when it is not given (CSP's default-src rule). */
const sourcesFor = (policy: Policy, directive: string) => policy.get(directive) ?? policy.get('default-src') ?? [];

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The contents of every inline <script> or <style> element. */
function inlineBlocks(html: string, tag: 'script' | 'style'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}(?![^>]*\\ssrc=)[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1]!);
}

function expectCommonHeaders(response: Response, what: string) {
  const headers = response.headers;
  expect(headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(headers.get('x-frame-options'), what).toBe('DENY');
  // The privacy notice tells customers the site sets them no cookies; only staff sign-in sets one.
  expect(headers.get('set-cookie'), what).toBeNull();
  expect(headers.get('permissions-policy'), what).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  const policy = parsePolicy(headers.get('content-security-policy'));
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('object-src') ?? policy.get('default-src'), what).toEqual(["'none'"]);
  for (const directive of ['script-src', 'style-src']) {
    expect(sourcesFor(policy, directive), `${what}: ${directive}`).not.toContain("'unsafe-inline'");
    expect(sourcesFor(policy, directive), `${what}: ${directive}`).not.toContain("'unsafe-eval'");
  }
  return policy;
}

/** A page: its own scripts and styles are allowed by hash, and nothing else inline. */
async function expectPageHeaders(response: Response, what: string, referrerPolicy = 'strict-origin-when-cross-origin') {
  expect(response.headers.get('content-type'), what).toMatch(/^text\/html/);
  expect(response.headers.get('referrer-policy'), what).toBe(referrerPolicy);
  const policy = expectCommonHeaders(response, what);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  const html = await response.text();
  // The policy blocks inline event handlers (onclick="…"): a page must not rely on one.
  expect(html, what).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  for (const script of inlineBlocks(html, 'script')) expect(sourcesFor(policy, 'script-src'), `${what}: inline script ${script.slice(0, 60)}`).toContain(sha256(script));
  for (const style of inlineBlocks(html, 'style')) expect(sourcesFor(policy, 'style-src'), `${what}: inline style`).toContain(sha256(style));
  return html;
}

/** Not a page (JSON, a script, a picture): nothing in it may run or load. */
async function expectResourceHeaders(response: Response, what: string) {
  expect(response.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  const policy = expectCommonHeaders(response, what);
  expect(policy.get('default-src'), what).toEqual(["'none'"]);
  await response.body?.cancel();
}

const get = (path: string) => fetch(`${run.server.url}${path}`, { redirect: 'manual' });
const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${run.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: run.server.url, ...headers }, body: JSON.stringify(body) });

describe('security headers', { timeout: 60_000 }, () => {
  it('are sent with every prerendered page, whichever way its address is written', async () => {
    const pages = builtPages();
    expect(pages).toEqual(expect.arrayContaining(['/', '/configure', '/assessment', '/cameras', '/compare']));
    // The adapter's own matching gave "/" the policy of another page and "/configure/" none.
    for (const path of [...pages, '/configure/', '/compare/', '/assessment/index.html']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      await expectPageHeaders(response, path);
    }
  });

  it('allow the islands’ inline loader scripts by hash', async () => {
    for (const path of ['/configure', '/assessment']) {
      const html = await expectPageHeaders(await get(path), path);
      expect(html, path).toContain('<astro-island');
      expect(inlineBlocks(html, 'script').length, path).toBeGreaterThan(0);
    }
  });

  it('are sent with the pages rendered on demand, a quote, the 404 page and a form posted back with errors', async () => {
    for (const path of ['/request', '/service', `/request?c=not-a-code`]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      await expectPageHeaders(response, path);
    }
    const requested = await postJson(
      '/api/requests',
      installationRequest(),
      { 'idempotency-key': 'headers-test-quote-00001' },
    );
    expect(requested.status).toBe(201);
    const { quote } = (await requested.json()) as { quote: { url: string } };
    const quotePage = await get(new URL(quote.url).pathname);
    expect(quotePage.status).toBe(200);
    // The quote link is the key to the page: it is never sent on to another site as a Referer.
    await expectPageHeaders(quotePage, 'a quote page', 'same-origin');

    const missingQuote = await get('/quote/no-such-quote');
    expect(missingQuote.status).toBe(404);
    await expectPageHeaders(missingQuote, '/quote/no-such-quote', 'same-origin');

    const missingPage = await get('/no-such-page');
    expect(missingPage.status).toBe(404);
    expect(await expectPageHeaders(missingPage, '/no-such-page')).toContain('We could not find this page');

    const posted = await fetch(`${run.server.url}/request?_action=requestInstallation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: run.server.url },
      body: new URLSearchParams({ 'contact.name': '<b>x</b>' }).toString(),
    });
    expect(posted.status).toBe(400);
    await expectPageHeaders(posted, 'POST /request');
  });

  it('are sent with API answers, errors included', async () => {
    for (const path of ['/api/catalog', '/api/schema', '/api/schema/request', '/api/problems/validation-error', '/api/schema/nothing']) {
      await expectResourceHeaders(await get(path), `GET ${path}`);
    }
    const priced = await postJson('/api/estimate', { configuration: homeConfiguration() });
    expect(priced.status).toBe(200);
    await expectResourceHeaders(priced, 'POST /api/estimate');
    const invalid = await postJson('/api/requests', { kind: 'installation' }, { 'idempotency-key': 'headers-test-key-00001' });
    expect(invalid.status).toBe(422);
    await expectResourceHeaders(invalid, 'POST /api/requests');
    const action = await postJson('/_actions/requestService', {});
    expect(action.status).toBeGreaterThanOrEqual(400);
    await expectResourceHeaders(action, 'POST /_actions/requestService');
  });

  it('are sent with scripts, stylesheets and pictures', async () => {
    const assets = files(join(clientDir, '_astro')).map((file) => `/${relative(clientDir, file)}`);
    const samples = ['.js', '.css'].map((extension) => assets.find((asset) => asset.endsWith(extension)));
    const picture = files(join(clientDir, 'products')).find((file) => file.endsWith('.svg'));
    for (const path of [...samples, picture && `/${relative(clientDir, picture)}`]) {
      expect(path).toBeDefined();
      const response = await get(path!);
      expect(response.status, path).toBe(200);
      await expectResourceHeaders(response, path!);
    }
  });
});
