import { describe, expect, it } from 'vitest';
import { encodeConfiguration } from '~/domain/configuration/link';
import { addDays } from '~/domain/estimate/dates';
import { assessmentPackages, twoSiteConfiguration } from '../helpers/configuration';
import { serverForFile } from '../helpers/server';
import { installerDay } from '../helpers/data-files';

/**
 * The request forms as a browser without JavaScript uses them: a GET renders the form, a POST to the
 * action re-renders the page with the result. Cookies and scripts play no part.
 */

let lastAddress = 0;
const nextAddress = () => `192.0.2.${++lastAddress}`;
const today = installerDay();

const run = serverForFile({ env: { TRUST_PROXY: '1', RATE_LIMIT_SUBMISSIONS: '10' } });

async function getPage(path: string): Promise<{ status: number; html: string; headers: Headers }> {
  const response = await fetch(`${run.server.url}${path}`);
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** Posts like a browser: urlencoded fields, same-origin Origin header. */
async function postForm(path: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${run.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: run.server.url, 'x-forwarded-for': nextAddress(), ...headers },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** The hidden fields the form was rendered with. */
function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[match[1]!] = decodeEntities(match[2]!);
  return fields;
}

function decodeEntities(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;/g, "'").replace(/&amp;/g, '&');
}

function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*name="${name.replace(/\./g, '\\.')}"[^>]*>`).exec(html)?.[0];
  const value = tag && /value="([^"]*)"/.exec(tag)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

function errorFor(html: string, id: string): string | undefined {
  const text = new RegExp(`id="${id}-error"[^>]*>(.*?)</p>`, 's').exec(html)?.[1];
  return text?.replace(/<[^>]+>/g, '').replace(/^Error: /, '').trim();
}

/** The text of the element with this id. */
function errorText(html: string, id: string): string | undefined {
  return new RegExp(`id="${id}"[^>]*>(.*?)</p>`, 's').exec(html)?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
}

const reference = (html: string) => /data-reference="(NG-[A-Z0-9]{6})"/.exec(html)?.[1];

function directRequest(key: string): Record<string, string> {
  return {
    idempotencyKey: key,
    website: '',
    'contact.name': 'Katherine Johnson',
    'contact.email': 'katherine@example.com',
    'contact.phone': '',
    'addresses.0.line1': '7 Orbit Street',
    'addresses.0.line2': '',
    'addresses.0.city': 'Bayview',
    'addresses.0.region': 'CA',
    'addresses.0.postalCode': '94100',
    'windows.0.date': '',
    'windows.0.part': '',
    'windows.1.date': addDays(today, 10),
    'windows.1.part': 'afternoon',
    'windows.2.date': '',
    'windows.2.part': '',
    notes: 'Four cameras around the house & an alarm.',
    consent: 'yes',
  };
}

describe('installation request form', { timeout: 30_000 }, () => {
  it('renders a form that posts to the action, with an idempotency key and a spam trap', async () => {
    const { status, html, headers } = await getPage('/request');
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('private, no-store');
    expect(html).toContain('action="?_action=requestInstallation"');
    expect(hiddenFields(html).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(html).toMatch(/<input id="f-website" type="text" name="website" value=""/);
    // A new key each time the form is shown.
    expect(hiddenFields((await getPage('/request')).html).idempotencyKey).not.toBe(hiddenFields(html).idempotencyKey);
  });

  it('shows every error beside its field and keeps every typed value when JavaScript is off', async () => {
    const fields = {
      ...directRequest('form-errors-key-000001'),
      'contact.email': 'katherine-at-example',
      'addresses.0.city': '',
      'windows.1.part': '',
      notes: 'Keep <this> & "that"',
    };
    delete (fields as Record<string, string>).consent;
    const { status, html } = await postForm('/request?_action=requestInstallation', fields);
    expect(status).toBe(400);
    expect(errorFor(html, 'f-contact-email')).toBe('Enter an email address like name@example.com');
    expect(errorFor(html, 'f-addresses-0-city')).toBe('Enter the town or city');
    // The second row was the one filled in: its error stands there, not on the first row.
    expect(errorFor(html, 'f-windows-1-part')).toBe('Choose morning or afternoon');
    expect(errorFor(html, 'f-windows-0-part')).toBeUndefined();
    expect(errorFor(html, 'f-consent')).toMatch(/^Tick the box/);
    expect(html).toContain('<a href="#f-contact-email">Enter an email address like name@example.com</a>');
    expect(inputValue(html, 'contact.name')).toBe('Katherine Johnson');
    expect(inputValue(html, 'contact.email')).toBe('katherine-at-example');
    expect(inputValue(html, 'addresses.0.line1')).toBe('7 Orbit Street');
    expect(inputValue(html, 'windows.1.date')).toBe(addDays(today, 10));
    expect(html).toContain('Keep &lt;this&gt; &amp; &quot;that&quot;</textarea>');
    // The same form keeps its idempotency key, so a retry is still recognised.
    expect(hiddenFields(html).idempotencyKey).toBe('form-errors-key-000001');
  });

  it('confirms a stored request with its reference, and a second post of the same form finds the same request', async () => {
    const fields = directRequest('form-direct-key-000001');
    const first = await postForm('/request?_action=requestInstallation', fields);
    expect(first.status).toBe(200);
    expect(first.html).toContain('We have your installation request');
    expect(first.html).toContain('What happens next');
    const ref = reference(first.html);
    expect(ref).toMatch(/^NG-/);
    // No configuration, so no quote link.
    expect(first.html).not.toContain('See your quote');
    const again = await postForm('/request?_action=requestInstallation', fields);
    expect(reference(again.html)).toBe(ref);
    expect(again.html).toContain('This form had already been sent');
  });

  it('takes a configuration from a share code, asks for one address per site and links to the saved quote', async () => {
    const config = twoSiteConfiguration();
    const code = await encodeConfiguration(config);
    const { status, html } = await getPage(`/request?c=${encodeURIComponent(code)}`);
    expect(status).toBe(200);
    expect(html).toContain('Address of Main Street shop');
    expect(html).toContain('Address of Warehouse');
    const hidden = hiddenFields(html);
    expect(JSON.parse(hidden.configuration!)).toEqual(config);
    expect(hidden['addresses.0.siteId']).toBe('shop');
    expect(hidden['addresses.1.siteId']).toBe('warehouse');

    const fields: Record<string, string> = {
      ...hidden,
      website: '',
      'contact.name': 'Dorothy Vaughan',
      'contact.email': 'dorothy@example.com',
      company: 'Langley Computing',
      nextStep: 'book-installation',
      'addresses.0.line1': '100 Main Street',
      'addresses.0.city': 'Bayview',
      'addresses.0.postalCode': '94100',
      'addresses.1.line1': '5 Dock Road',
      'addresses.1.city': 'Bayview',
      'addresses.1.postalCode': '94101',
      consent: 'yes',
    };
    const { status: posted, html: confirmation } = await postForm('/request?_action=requestInstallation', fields);
    expect(posted).toBe(200);
    expect(reference(confirmation)).toMatch(/^NG-/);
    // Relative, so it opens on the host the form was served from.
    const quotePath = /href="(\/quote\/[A-Za-z0-9_-]{24})"/.exec(confirmation)?.[1];
    expect(quotePath).toBeDefined();
    const quote = await fetch(`${run.server.url}${quotePath}`);
    expect(quote.status).toBe(200);
    const page = await quote.text();
    expect(page).toContain('Quote for Dorothy');
    expect(page).toContain('Main Street shop');
    expect(page).not.toContain('Vaughan');
    expect(page).not.toContain('dorothy@example.com');
    // The site addresses are where the work is done, so the quote names them; the contact details stay off it.
    expect(page).toContain('5 Dock Road');
  });

  it('fills in the ZIP code the customer already gave for each site until they type one', async () => {
    const config = twoSiteConfiguration();
    config.sites[0]!.conditions.postalCode = '94107';
    delete config.sites[1]!.conditions.postalCode;
    const { html } = await getPage(`/request?c=${encodeURIComponent(await encodeConfiguration(config))}`);
    expect(inputValue(html, 'addresses.0.postalCode')).toBe('94107');
    expect(inputValue(html, 'addresses.1.postalCode')).toBeUndefined();
    // Sent back with an error elsewhere: what the customer typed wins, a field left blank shows the known code again.
    const fields = { ...hiddenFields(html), 'contact.name': 'Mary Jackson', 'contact.email': 'mary@example.com', 'addresses.0.line1': '1 A St', 'addresses.0.city': 'Bayview', 'addresses.0.postalCode': '94999', 'addresses.1.postalCode': '', consent: 'yes' };
    const { status, html: page } = await postForm('/request?_action=requestInstallation', fields);
    expect(status).toBe(400);
    expect(inputValue(page, 'addresses.0.postalCode')).toBe('94999');
    const blank = await postForm('/request?_action=requestInstallation', { ...fields, 'addresses.0.postalCode': '' });
    expect(inputValue(blank.html, 'addresses.0.postalCode')).toBe('94107');
  });

  describe('with the assessment’s packages (filled in by the page’s script from what the configurator saved)', () => {
    const offered = assessmentPackages();
    const homeFields = async (packages: unknown) => {
      const { html } = await getPage(`/request?c=${encodeURIComponent(await encodeConfiguration(offered.recommended))}`);
      // Empty until the page's script fills it in.
      expect(html).toMatch(/<input type="hidden" name="packages"/);
      expect(inputValue(html, 'packages') ?? '').toBe('');
      return {
        ...hiddenFields(html),
        packages: JSON.stringify(packages),
        'contact.name': 'Annie Easley',
        'contact.email': 'annie@example.com',
        'addresses.0.line1': '3 Rocket Row',
        'addresses.0.city': 'Bayview',
        'addresses.0.postalCode': '94100',
        notes: 'The dog is friendly.',
        consent: 'yes',
      };
    };

    it('makes a quote that offers the three packages, the customer’s first', async () => {
      const { status, html } = await postForm('/request?_action=requestInstallation', await homeFields({ tier: 'recommended', offered }));
      expect(status).toBe(200);
      const quotePath = /href="(\/quote\/[A-Za-z0-9_-]{24})"/.exec(html)?.[1];
      const page = await (await fetch(`${run.server.url}${quotePath}`)).text();
      const picks = [...page.matchAll(/<input[^>]*type="radio"[^>]*value="([a-z]+)"/g)].map((m) => m[1]);
      expect(picks).toEqual(['recommended', 'essential', 'complete']);
    });

    it('shows a package the catalog does not have as an error, keeps what was typed, and sends the configuration alone next time', async () => {
      const broken = { ...offered.complete, sites: [{ ...offered.complete.sites[0]!, lines: [{ productId: 'no-such-product', quantity: 1 }] }] };
      const fields = await homeFields({ tier: 'recommended', offered: { ...offered, complete: broken } });
      const { status, html } = await postForm('/request?_action=requestInstallation', fields);
      expect(status).toBe(400);
      expect(errorText(html, 'f-packages')).toMatch(/^We could not attach the packages we offered you: .+ Send the request again/);
      expect(inputValue(html, 'contact.name')).toBe('Annie Easley');
      expect(html).toContain('The dog is friendly.');
      expect(inputValue(html, 'packages') ?? '').toBe('');
      expect(html).toMatch(/name="packages"[^>]*data-refused="true"/);
      const { status: resent, html: confirmation } = await postForm('/request?_action=requestInstallation', { ...fields, ...hiddenFields(html), packages: '' });
      expect(resent).toBe(200);
      expect(reference(confirmation)).toMatch(/^NG-/);
    });
  });

  it('asks for the missing address of a site', async () => {
    const config = twoSiteConfiguration();
    const { html } = await getPage(`/request?c=${encodeURIComponent(await encodeConfiguration(config))}`);
    const fields = { ...hiddenFields(html), 'contact.name': 'Mary Jackson', 'contact.email': 'mary@example.com', 'addresses.0.line1': '1 A St', 'addresses.0.city': 'Bayview', 'addresses.0.postalCode': '94100', consent: 'yes' };
    const { status, html: page } = await postForm('/request?_action=requestInstallation', fields);
    expect(status).toBe(400);
    expect(errorFor(page, 'f-addresses-1-line1')).toBe('Enter the street address');
    expect(page).toContain('Address of Warehouse');
    expect(JSON.parse(hiddenFields(page).configuration!)).toEqual(config);
  });

  it('rejects a filled spam trap without storing anything', async () => {
    const fields = { ...directRequest('form-trap-key-00000001'), website: 'http://spam.example' };
    const { status, html } = await postForm('/request?_action=requestInstallation', fields);
    expect(status).toBe(400);
    expect(html).toContain('a field meant to stay empty was filled in');
    expect(reference(html)).toBeUndefined();
    // Nothing was stored under the key: the same form without the trap is a new request, not a replay.
    const retry = await postForm('/request?_action=requestInstallation', directRequest('form-trap-key-00000001'));
    expect(reference(retry.html)).toMatch(/^NG-/);
    expect(retry.html).not.toContain('This form had already been sent');
  });

  it('refuses a form posted from another site', async () => {
    const { status } = await postForm('/request?_action=requestInstallation', directRequest('form-cross-site-key-01'), { origin: 'https://evil.example' });
    expect(status).toBe(403);
  });

  it('refuses an oversized form with 413', async () => {
    const fields = { ...directRequest('form-oversized-key-001'), notes: 'x'.repeat(300 * 1024) };
    const { status, html } = await postForm('/request?_action=requestInstallation', fields);
    expect(status).toBe(413);
    expect(reference(html)).toBeUndefined();
  });

  it('pauses a sender after 10 requests with a friendly 429 and Retry-After', async () => {
    const address = '192.0.2.250';
    const statuses: number[] = [];
    let last = { status: 0, html: '', headers: new Headers() };
    for (let i = 0; i < 11; i++) {
      last = await postForm('/request?_action=requestInstallation', directRequest(`form-rate-limit-key-${String(i).padStart(3, '0')}`), { 'x-forwarded-for': address });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429]);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last.html).toContain('You have sent several requests in a short time');
    expect(inputValue(last.html, 'contact.name')).toBe('Katherine Johnson');
  });

  it('counts invalid forms too, so a flood of broken posts is paused as well', async () => {
    const address = '192.0.2.251';
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const fields = { ...directRequest(`form-invalid-flood-${String(i).padStart(3, '0')}`), 'contact.email': 'not an email' };
      statuses.push((await postForm('/request?_action=requestInstallation', fields, { 'x-forwarded-for': address })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status >= 400 && status < 500 && status !== 429)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('service request form', { timeout: 30_000 }, () => {
  it('shows field errors and keeps the values, then confirms the request', async () => {
    const { html } = await getPage('/service');
    expect(html).toContain('action="?_action=requestService"');
    const key = hiddenFields(html).idempotencyKey!;
    const fields: Record<string, string> = {
      idempotencyKey: key,
      website: '',
      system: 'intrusion',
      problem: 'Beeps',
      'contact.name': 'Annie Easley',
      'contact.email': 'annie@example.com',
      'address.line1': '3 Rocket Road',
      'address.city': 'Bayview',
      'address.postalCode': '94100',
      'windows.0.date': addDays(today, 3),
      'windows.0.part': 'morning',
      consent: 'yes',
    };
    const invalid = await postForm('/service?_action=requestService', fields);
    expect(invalid.status).toBe(400);
    expect(errorFor(invalid.html, 'f-problem')).toBe('Describe the problem in a few more words (at least 10 characters)');
    expect(invalid.html).toContain('Choose how urgent the visit is');
    expect(invalid.html).toMatch(/<option value="intrusion" selected>/);
    expect(inputValue(invalid.html, 'address.line1')).toBe('3 Rocket Road');

    const valid = await postForm('/service?_action=requestService', { ...fields, problem: 'The keypad beeps and shows “trouble”.', urgency: 'soon' });
    expect(valid.status).toBe(200);
    expect(valid.html).toContain('We have your service request');
    expect(reference(valid.html)).toMatch(/^NG-/);
  });
});
