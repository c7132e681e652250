import { describe, expect, it } from 'vitest';
import { encodeConfiguration } from '~/domain/configuration/link';
import type { Configuration } from '~/domain/configuration/configuration';
import { homeConfiguration, installationRequest } from '../helpers/configuration';
import { serverForFile } from '../helpers/server';

/**
 * Text a customer typed comes back as text on every page that shows it: the quote page (first name,
 * site names, the reasons of lines), the request page (a shared configuration, a form sent back with
 * errors). Markup in it is escaped, never rendered.
 */

const run = serverForFile();

const firstName = '<script>alert("name")</script>';
const siteName = '"><img src=x onerror=alert(1)>';
const reason = "</td></tr></table><script>alert('reason')</script>";

function hostileConfiguration(): Configuration {
  const configuration = homeConfiguration();
  const site = configuration.sites[0]!;
  site.name = siteName;
  site.lines[0]!.reason = reason;
  return configuration;
}

/** The markup as Astro escapes text: nothing of it can open a tag. */
const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Quotes may be written as entities too. */
const withQuotes = (html: string) => html.replace(/&quot;|&#34;/g, '"').replace(/&#39;|&#x27;/g, "'");

/** Never as markup, and shown as text. */
function expectShownAsText(html: string, text: string) {
  expect(html).not.toContain(text);
  expect(withQuotes(html)).toContain(escaped(text));
}

describe('text a customer typed', { timeout: 30_000 }, () => {
  it('is shown escaped on the quote page', async () => {
    const response = await fetch(`${run.server.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'escaping-test-key-000001' },
      body: JSON.stringify(installationRequest({ contact: { name: `${firstName} Lovelace`, email: 'ada@example.com' }, configuration: hostileConfiguration() })),
    });
    expect(response.status).toBe(201);
    const { quote } = (await response.json()) as { quote: { url: string } };
    const html = await (await fetch(quote.url)).text();
    expect(withQuotes(html)).toContain(`<h1>Quote for ${escaped(firstName)}</h1>`);
    expectShownAsText(html, firstName);
    expectShownAsText(html, siteName);
    expectShownAsText(html, reason);
  });

  it('is shown escaped on the request page, from a share link and in a form sent back with errors', async () => {
    const code = await encodeConfiguration(hostileConfiguration());
    const shared = await (await fetch(`${run.server.url}/request?c=${encodeURIComponent(code)}`)).text();
    expect(shared).toContain('Your configuration');
    expectShownAsText(shared, siteName);

    const posted = await fetch(`${run.server.url}/request?_action=requestInstallation`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: run.server.url },
      body: new URLSearchParams({ 'contact.name': siteName, 'addresses.0.line1': firstName, notes: reason }).toString(),
    });
    expect(posted.status).toBe(400);
    const form = await posted.text();
    expect(form).toContain('id="form-problems"');
    for (const text of [siteName, firstName, reason]) expect(form).not.toContain(text);
    // In an attribute the quote is what must be escaped: the value comes back exactly as typed.
    const typedName = /<input[^>]*name="contact\.name"[^>]*value="([^"]*)"/.exec(form)?.[1];
    expect(typedName).toBeDefined();
    expect(withQuotes(typedName!)).toBe(siteName);
  });
});
