import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { configurationSchemaFor } from '../configuration/configuration';
import { fixtureConfig, fixtureData, fixtureSite } from '../fixtures';
import { addDays } from '../estimate/dates';
import { addressSchema, firstName, installationRequestSchema, requestSchema, requestSchemasFor, serviceRequestSchema } from './request';

const today = '2026-05-04';
const schemas = requestSchemasFor(fixtureData.catalog, today);
const config = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }]), fixtureSite([{ productId: 'smoke', quantity: 3 }], { id: 'shop', name: 'Shop' })]);

const installation = {
  contact: { name: '  Ada Lovelace ', email: ' ada@example.com ', phone: '+1 (555) 010-2000' },
  addresses: [
    { siteId: 'site-1', line1: '1 A St', city: 'Bayview', postalCode: '94100' },
    { siteId: 'shop', line1: '2 B St', city: 'Bayview', postalCode: '94101' },
  ],
  windows: [{ date: addDays(today, 1), part: 'morning' }],
  consent: true,
  configuration: config,
};

const issues = (result: { success: boolean; error?: z.ZodError }) =>
  (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('installation request', () => {
  it('accepts a complete request, trimming text and stripping fields it does not know', () => {
    const result = schemas.installation.safeParse({ ...installation, priceCents: 1, estimate: { oneTime: 1 } });
    expect(result.success).toBe(true);
    expect(result.data!.contact).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 (555) 010-2000' });
    expect(result.data).not.toHaveProperty('priceCents');
    expect(result.data).not.toHaveProperty('estimate');
  });

  // The server prices a request's configuration with each site's address ZIP code in its conditions, without checking it again.
  it('holds an address ZIP code to a form that the configuration schema accepts unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 14, unit: fc.constantFrom(...'aZ09 -_.#é\t'.split('')) }), (zip) => {
        const address = addressSchema.shape.postalCode.safeParse(zip);
        fc.pre(address.success);
        const site = { ...config.sites[0]!, conditions: { ...config.sites[0]!.conditions, postalCode: address.data } };
        const checked = configurationSchemaFor(fixtureData.catalog).safeParse({ ...config, sites: [site] });
        expect(checked.success && checked.data.sites[0]!.conditions.postalCode).toBe(address.data);
      }),
    );
  });

  it('says what is wrong with each field in words a customer understands', () => {
    const result = schemas.installation.safeParse({
      ...installation,
      contact: { name: '', email: 'ada', phone: '12' },
      consent: false,
    });
    expect(issues(result)).toEqual([
      ['contact.name', 'Enter your name'],
      ['contact.email', 'Enter an email address like name@example.com'],
      ['contact.phone', 'Enter a phone number with at least 7 digits, like (555) 010-4400'],
      ['consent', 'Tick the box to agree that we may store your details and contact you about this request'],
    ]);
  });

  it('needs one address per site of the configuration, in the same order', () => {
    const [first, second] = installation.addresses;
    expect(issues(schemas.installation.safeParse({ ...installation, addresses: [first] }))).toEqual([['addresses.1', 'Enter the address of Shop']]);
    expect(issues(schemas.installation.safeParse({ ...installation, addresses: [second, first] }))).toEqual([
      ['addresses.0.siteId', 'This address should belong to Home'],
      ['addresses.1.siteId', 'This address should belong to Shop'],
    ]);
    expect(schemas.installation.safeParse({ ...installation, configuration: undefined, addresses: [{ line1: '1 A St', city: 'Bayview', postalCode: '94100' }] }).success).toBe(true);
  });

  it('checks the attached configuration against the catalog, naming the path', () => {
    const bad = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }, { productId: 'gone', quantity: 1 }])]);
    const result = schemas.installation.safeParse({ ...installation, addresses: [installation.addresses[0]], configuration: bad });
    expect(issues(result)).toEqual([['configuration.sites.0.lines.1.productId', 'no product "gone" in the catalog']]);
    // Without the catalog the shape alone is checked.
    expect(installationRequestSchema.safeParse({ ...installation, addresses: [installation.addresses[0]], configuration: bad }).success).toBe(true);
  });

  it('takes up to three preferred times, after today and within six months, each once', () => {
    const window = (days: number, part = 'morning') => ({ date: addDays(today, days), part });
    expect(issues(schemas.installation.safeParse({ ...installation, windows: [window(0), window(181), window(3, 'evening')] }))).toEqual([
      ['windows.0.date', 'Choose a date after today'],
      ['windows.1.date', 'Choose a date within the next 6 months'],
      ['windows.2.part', 'Choose morning or afternoon'],
    ]);
    expect(issues(schemas.installation.safeParse({ ...installation, windows: [window(2), window(2)] }))).toEqual([['windows.1.date', 'You gave this time twice; choose another']]);
    expect(issues(schemas.installation.safeParse({ ...installation, windows: [window(1), window(2), window(3), window(4)] }))).toEqual([['windows', 'Give at most 3 preferred times']]);
    expect(schemas.installation.parse({ ...installation, windows: undefined }).windows).toEqual([]);
  });
});

describe('business installation request', () => {
  const businessConfig = { ...config, audience: 'business' as const };
  const business = {
    ...installation,
    configuration: businessConfig,
    company: ' Harbor Traders ',
    nextStep: 'formal-quote',
    purchaseOrder: 'PO-2026-0042',
    billing: { name: 'Accounts Team', email: 'accounts@harbor.example' },
    addresses: [
      { ...installation.addresses[0]!, contact: { name: 'Sam Dock', phone: '(555) 010-3000' }, windows: [{ date: addDays(today, 2), part: 'afternoon' }] },
      installation.addresses[1]!,
    ],
  };
  const parse = (overrides: Record<string, unknown>) => issues(schemas.installation.safeParse({ ...business, ...overrides }));
  const withFirstAddress = (extra: Record<string, unknown>) => ({ addresses: [{ ...installation.addresses[0]!, ...extra }, installation.addresses[1]!] });

  it('accepts every business field, trimmed, and keeps each site’s contact and visit times with its address', () => {
    const result = schemas.installation.safeParse(business);
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ company: 'Harbor Traders', nextStep: 'formal-quote', purchaseOrder: 'PO-2026-0042', billing: { name: 'Accounts Team', email: 'accounts@harbor.example' } });
    expect(result.data!.addresses[0]).toMatchObject({ contact: { name: 'Sam Dock', phone: '(555) 010-3000' }, windows: [{ date: addDays(today, 2), part: 'afternoon' }] });
    expect(result.data!.addresses[1]).not.toHaveProperty('contact');
  });

  it('company: required with a business configuration, optional for a home', () => {
    expect(parse({ company: undefined })).toEqual([['company', 'Enter the name of your business']]);
    expect(parse({ company: 'x'.repeat(101) })).toEqual([['company', 'Keep this under 100 characters']]);
    expect(issues(schemas.installation.safeParse(installation))).toEqual([]);
  });

  it('nextStep: a formal quote or the installation booked, and a business must choose', () => {
    expect(parse({ nextStep: 'book-installation' })).toEqual([]);
    expect(parse({ nextStep: undefined })).toEqual([['nextStep', 'Choose "Send me a formal quote" or "Book the installation"']]);
    expect(parse({ nextStep: 'call-me' })).toEqual([['nextStep', 'Choose "Send me a formal quote" or "Book the installation"']]);
  });

  it('purchaseOrder: optional, at most 40 characters', () => {
    expect(parse({ purchaseOrder: undefined })).toEqual([]);
    expect(parse({ purchaseOrder: 'P'.repeat(41) })).toEqual([['purchaseOrder', 'Keep the PO number under 40 characters']]);
  });

  it('billing: optional, but a name and a valid email when given', () => {
    expect(parse({ billing: undefined })).toEqual([]);
    expect(parse({ billing: { email: 'accounts@harbor.example' } })).toEqual([['billing.name', 'Enter the name of the person who receives the invoices']]);
    expect(parse({ billing: { name: 'Accounts', email: 'accounts' } })).toEqual([['billing.email', 'Enter an email address like name@example.com']]);
    expect(parse({ billing: { name: 'Accounts' } })).toEqual([['billing.email', 'Enter the email address invoices should go to']]);
  });

  it('a site contact: optional, but a name and a phone number of 7 digits when given', () => {
    expect(parse(withFirstAddress({ contact: { name: 'Sam Dock' } }))).toEqual([
      ['addresses.0.contact.phone', 'Enter a phone number for the site contact, with at least 7 digits, like (555) 010-4400'],
    ]);
    expect(parse(withFirstAddress({ contact: { name: '', phone: '555 010 3000' } }))).toEqual([['addresses.0.contact.name', 'Enter the name of the person to ask for at this site']]);
    expect(parse(withFirstAddress({ contact: { name: 'Sam', phone: '12' } }))).toEqual([
      ['addresses.0.contact.phone', 'Enter a phone number for the site contact, with at least 7 digits, like (555) 010-4400'],
    ]);
  });

  it('a site’s visit times: after today, at most three, each once', () => {
    expect(parse(withFirstAddress({ windows: [{ date: today, part: 'morning' }] }))).toEqual([['addresses.0.windows.0.date', 'Choose a date after today']]);
    const day = { date: addDays(today, 3), part: 'morning' };
    expect(parse(withFirstAddress({ windows: [day, day] }))).toEqual([['addresses.0.windows.1.date', 'You gave this time twice; choose another']]);
    expect(parse(withFirstAddress({ windows: [1, 2, 3, 4].map((n) => ({ date: addDays(today, n), part: 'morning' })) }))).toEqual([['addresses.0.windows', 'Give at most 3 preferred times']]);
  });
});

describe('service request', () => {
  const service = {
    contact: { name: 'Grace Hopper', email: 'grace@example.com' },
    address: { line1: '1 Harbor Way', city: 'Bayview', postalCode: '94100' },
    system: 'fire',
    problem: 'The smoke alarm chirps every minute.',
    urgency: 'emergency',
    consent: true,
  };

  it('accepts a complete request and asks for what is missing', () => {
    expect(schemas.service.safeParse(service).success).toBe(true);
    expect(issues(serviceRequestSchema.safeParse({ ...service, system: undefined, problem: 'Beeps', urgency: 'whenever', address: undefined }))).toEqual([
      ['address', 'Enter the address: street, town or city, and ZIP code'],
      ['system', 'Choose which system needs attention'],
      ['problem', 'Describe the problem in a few more words (at least 10 characters)'],
      ['urgency', 'Choose how urgent the visit is'],
    ]);
  });

  it('is told apart from an installation request by its kind', () => {
    expect(requestSchema.safeParse({ kind: 'service', ...service }).success).toBe(true);
    expect(issues(requestSchema.safeParse({ kind: 'repair', ...service }))).toEqual([['kind', 'Say which kind of request this is: "installation" or "service"']]);
  });
});

describe('published schemas', () => {
  it('convert to JSON Schema as clients send them', () => {
    for (const schema of [requestSchema, installationRequestSchema, serviceRequestSchema]) {
      const json = z.toJSONSchema(schema, { io: 'input' }) as { $schema: string };
      expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    }
  });
});

describe('firstName', () => {
  it('keeps only the first word of a name', () => {
    expect(firstName('  Ada   King Lovelace ')).toBe('Ada');
  });
});
