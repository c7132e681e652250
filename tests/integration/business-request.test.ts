import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { encodeConfiguration } from '~/domain/configuration/link';
import { addDays } from '~/domain/estimate/dates';
import { openDatabase } from '~/server/db/client';
import { requests } from '~/server/db/schema';
import { homeConfiguration, twoSiteConfiguration } from '../helpers/configuration';
import { installerDay } from '../helpers/data-files';
import { serverForFile } from '../helpers/server';

/**
 * A business request through the form as a browser without JavaScript sends it: the business's own
 * fields (name, formal quote or booking, PO number, billing contact, and per site a contact and visit
 * times) are asked for, each error stands beside its field with everything typed kept, and a
 * complete request stores every field and shows them on the quote (the site contact's and billing
 * contact's names only). A home's form stays short.
 */

const run = serverForFile({ env: { TRUST_PROXY: '1' } });
const today = installerDay();
let lastAddress = 0;

async function formPage(configuration = twoSiteConfiguration()) {
  return (await fetch(`${run.server.url}/request?c=${encodeURIComponent(await encodeConfiguration(configuration))}`)).text();
}

async function post(fields: Record<string, string>) {
  const response = await fetch(`${run.server.url}/request?_action=requestInstallation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: run.server.url, 'x-forwarded-for': `198.51.100.${++lastAddress}` },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
  return { status: response.status, html: await response.text() };
}

const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function hiddenFields(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, decode(m[2]!)]));
}

function inputValue(html: string, name: string): string | undefined {
  const tag = new RegExp(`<input[^>]*name="${name.replace(/\./g, '\\.')}"[^>]*>`).exec(html)?.[0];
  const value = tag && /value="([^"]*)"/.exec(tag)?.[1];
  return value === undefined ? undefined : decode(value);
}

function errorFor(html: string, id: string): string | undefined {
  return new RegExp(`id="${id}-error"[^>]*>(.*?)</p>`, 's').exec(html)?.[1]?.replace(/<[^>]+>/g, '').replace(/^Error: /, '').trim();
}

/** Everything a business gives, for the two-site configuration. */
function complete(hidden: Record<string, string>): Record<string, string> {
  return {
    ...hidden,
    website: '',
    'contact.name': 'Mary Jackson',
    'contact.email': 'mary@example.com',
    company: 'Jackson Wind Tunnels',
    nextStep: 'book-installation',
    purchaseOrder: 'PO-88-1234',
    'billing.name': 'Accounts Payable',
    'billing.email': 'ap@jackson.example',
    'addresses.0.line1': '100 Main Street',
    'addresses.0.city': 'Bayview',
    'addresses.0.postalCode': '94100',
    'addresses.0.contact.name': 'Dot Manager',
    'addresses.0.contact.phone': '(555) 010-7700',
    'addresses.0.windows.0.date': '',
    'addresses.0.windows.1.date': addDays(today, 6),
    'addresses.0.windows.1.part': 'morning',
    'addresses.1.line1': '5 Dock Road',
    'addresses.1.city': 'Bayview',
    'addresses.1.postalCode': '94101',
    'addresses.1.contact.name': 'Ray Foreman',
    'addresses.1.contact.phone': '555 010 8800',
    'addresses.1.windows.0.date': addDays(today, 9),
    'addresses.1.windows.0.part': 'afternoon',
    consent: 'yes',
  };
}

describe('a business installation request', { timeout: 60_000 }, () => {
  it('asks a business for its own fields and each site’s contact and visit times; a home form stays short', async () => {
    const business = await formPage();
    for (const label of ['Business name', 'PO number', 'Billing contact’s name', 'Billing email', 'Send me a formal quote', 'Book the installation']) expect(business, label).toContain(label);
    for (const i of [0, 1]) {
      expect(business).toContain(`name="addresses.${i}.contact.name"`);
      expect(business).toContain(`name="addresses.${i}.contact.phone"`);
      expect(business).toContain(`name="addresses.${i}.windows.2.date"`);
    }
    expect(business).not.toContain('name="windows.0.date"');

    const home = await formPage(homeConfiguration());
    for (const name of ['company', 'nextStep', 'purchaseOrder', 'billing.name', 'addresses.0.contact.name', 'addresses.0.windows.0.date']) expect(home, name).not.toContain(`name="${name}"`);
    expect(home).toContain('name="windows.0.date"');
  });

  it('names each business field that needs attention beside it, and keeps everything typed', async () => {
    const fields = complete(hiddenFields(await formPage()));
    fields.company = '';
    delete fields.nextStep;
    fields['billing.email'] = 'ap-at-jackson';
    fields['addresses.1.contact.phone'] = '12';
    fields['addresses.0.windows.1.date'] = today;
    const { status, html } = await post(fields);
    expect(status).toBe(400);
    expect(errorFor(html, 'f-company')).toBe('Enter the name of your business');
    expect(html).toContain('Choose &quot;Send me a formal quote&quot; or &quot;Book the installation&quot;');
    expect(html).toContain('<a href="#f-nextStep">');
    expect(errorFor(html, 'f-billing-email')).toBe('Enter an email address like name@example.com');
    expect(errorFor(html, 'f-addresses-1-contact-phone')).toBe('Enter a phone number for the site contact, with at least 7 digits, like (555) 010-4400');
    // The second row of the first site was the one filled in: its error stands there.
    expect(errorFor(html, 'f-addresses-0-windows-1-date')).toBe('Choose a date after today');
    expect(errorFor(html, 'f-addresses-0-windows-0-date')).toBeUndefined();
    expect(inputValue(html, 'purchaseOrder')).toBe('PO-88-1234');
    expect(inputValue(html, 'billing.name')).toBe('Accounts Payable');
    expect(inputValue(html, 'addresses.1.contact.name')).toBe('Ray Foreman');
    expect(inputValue(html, 'addresses.1.windows.0.date')).toBe(addDays(today, 9));
  });

  it('stores every field and shows them on the quote, with the contacts’ names but not their phone or email', async () => {
    const { status, html } = await post(complete(hiddenFields(await formPage())));
    expect(status).toBe(200);
    const reference = /data-reference="(NG-[A-Z0-9]{6})"/.exec(html)![1]!;
    const quotePath = /href="(\/quote\/[A-Za-z0-9_-]{24})"/.exec(html)![1]!;

    const quote = await (await fetch(`${run.server.url}${quotePath}`)).text();
    for (const shown of ['Jackson Wind Tunnels', 'PO-88-1234', 'Accounts Payable', 'the installation booked', 'Dot Manager', 'Ray Foreman']) expect(quote, shown).toContain(shown);
    expect(quote).toMatch(/data-site-windows>[^<]*morning/);
    expect(quote).toMatch(/data-site-windows>[^<]*afternoon/);
    for (const hidden of ['010-7700', '010 8800', 'ap@jackson.example', 'mary@example.com', 'Jackson<']) expect(quote, hidden).not.toContain(hidden);

    await run.server.stop();
    const handle = await openDatabase({ dataDir: run.server.dataDir });
    try {
      const [row] = await handle.db.select().from(requests).where(eq(requests.reference, reference));
      expect(row).toMatchObject({
        company: 'Jackson Wind Tunnels',
        nextStep: 'book-installation',
        purchaseOrder: 'PO-88-1234',
        billingName: 'Accounts Payable',
        billingEmail: 'ap@jackson.example',
      });
      expect(row!.addresses.map((a) => [a.contact, a.windows])).toEqual([
        [{ name: 'Dot Manager', phone: '(555) 010-7700' }, [{ date: addDays(today, 6), part: 'morning' }]],
        [{ name: 'Ray Foreman', phone: '555 010 8800' }, [{ date: addDays(today, 9), part: 'afternoon' }]],
      ]);
    } finally {
      await handle.close();
    }
  });
});
