import { z } from 'zod';
import type { Catalog } from '../catalog/catalog';
import { systemInfo, systems } from '../catalog/roles';
import { configurationSchema, configurationSchemaFor, type Configuration } from '../configuration/configuration';
import { addDays, datesBetweenPattern } from '../estimate/dates';
import { packagesIssues, packagesSchema, type RequestPackages } from './packages';
import { trimmedAtLeast, withoutControlCharacters, withoutLoneSurrogates } from '../schema';

/**
 * What a customer sends when they ask for an installation or a service visit. One schema per concept,
 * shared by the HTML forms, the Astro actions, the JSON API, the JSON Schemas it publishes and the
 * tests, so a field means the same everywhere and its message is written once.
 *
 * Unknown keys are stripped (zod's default) everywhere: a client that sends prices, totals or fields
 * from a newer version is not refused, and nothing it adds reaches storage.
 */

const controlCharacters = 'Remove the invisible control characters from this text (they can come with pasted text)';
const loneSurrogate = 'Remove the broken character from this text (half of an emoji or symbol, often from pasted text)';

/** A required text field whose message reads the same whether the value is missing or blank. */
function requiredText(message: string, max: number, tooLong = `Keep this under ${max} characters`) {
  return z.string({ error: message }).trim().regex(trimmedAtLeast(1), message).max(max, tooLong).regex(withoutControlCharacters, controlCharacters).regex(withoutLoneSurrogates, loneSurrogate);
}

function optionalText(max: number, tooLong = `Keep this under ${max} characters`) {
  return z.string().trim().max(max, tooLong).regex(withoutControlCharacters, controlCharacters).regex(withoutLoneSurrogates, loneSurrogate).optional();
}

/** An email address; `message` says what it is for when it is missing. */
function emailAddress(message: string) {
  return (
    z
      .string({ error: message })
      .trim()
      .min(1, { message, abort: true })
      .max(254, { message: 'Enter an email address of at most 254 characters', abort: true })
      // A check rather than a pipe, so the published JSON Schema carries the format too.
      .check(z.email('Enter an email address like name@example.com'))
  );
}

/** A phone number: at least 7 digits. */
function phoneNumber(message?: string) {
  return z
    .string(message ? { error: message } : undefined)
    .trim()
    .max(30, 'Enter a phone number of at most 30 characters')
    .regex(/^\+?[\d\s().-]*$/, 'Enter a phone number like (555) 010-4400, using digits, spaces and ( ) - + only')
    .regex(/^(?:\D*\d){7}/, message ?? 'Enter a phone number with at least 7 digits, like (555) 010-4400');
}

export const contactSchema = z.object({
  name: requiredText('Enter your name', 100),
  email: emailAddress('Enter your email address so we can confirm your request'),
  /** Optional: some customers only want email. At least 7 digits when given. */
  phone: phoneNumber().optional(),
}, { error: 'Give your contact details: at least your name and email address' });
export type Contact = z.infer<typeof contactSchema>;

export const addressSchema = z.object({
  /** Which site of the configuration this is the address of; absent for a direct request. */
  siteId: z.string().regex(/^[a-z0-9-]{1,60}$/).optional(),
  line1: requiredText('Enter the street address', 120),
  line2: optionalText(120),
  city: requiredText('Enter the town or city', 80),
  region: optionalText(60),
  postalCode: requiredText('Enter the ZIP code', 10, 'Enter a ZIP code of at most 10 characters').regex(
    /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/,
    'Enter a ZIP code like 94107, using letters, digits, spaces and dashes',
  ),
}, { error: 'Enter the address: street, town or city, and ZIP code' });
export type Address = z.infer<typeof addressSchema>;

export const dayParts = ['morning', 'afternoon'] as const;
export type DayPart = (typeof dayParts)[number];
export const dayPartLabels: Record<DayPart, string> = {
  morning: 'Morning (8 am – noon)',
  afternoon: 'Afternoon (noon – 5 pm)',
};

/** How far ahead a customer may ask for a visit; later than that we would only have to call back. */
export const WINDOW_HORIZON_DAYS = 180;
export const MAX_WINDOWS = 3;

const isoDate = () => z.iso.date({ error: 'Enter a date like 2026-03-14' });
const part = z.enum(dayParts, { error: 'Choose morning or afternoon' });

/** A preferred visit: a day and half of it. Only with `today` can the date be checked against the calendar. */
function windowSchema(today?: string) {
  if (!today) return z.object({ date: isoDate(), part });
  const last = addDays(today, WINDOW_HORIZON_DAYS);
  // On the date itself, so a wrong date is reported even while the time of day is still missing.
  const first = addDays(today, 1);
  const date = isoDate()
    .refine((d) => d > today, 'Choose a date after today')
    .refine((d) => d <= last, `Choose a date within the next ${WINDOW_HORIZON_DAYS / 30} months`)
    // The published JSON Schema has no date comparison: it states the window as a pattern.
    .meta({ pattern: datesBetweenPattern(first, last), description: `A day from ${first} to ${last}` });
  return z.object({ date, part });
}
export type PreferredWindow = z.infer<ReturnType<typeof windowSchema>>;

function windowsSchema(today?: string) {
  return z
    .array(windowSchema(today))
    .max(MAX_WINDOWS, `Give at most ${MAX_WINDOWS} preferred times`)
    .superRefine((windows, ctx) => {
      const seen = new Set<string>();
      windows.forEach((w, i) => {
        const key = `${w.date} ${w.part}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'You gave this time twice; choose another' });
        seen.add(key);
      });
    })
    .meta({ uniqueItems: true });
}

/** Who to ask for at a business site on the day of the visit. */
export const siteContactSchema = z.object({
  name: requiredText('Enter the name of the person to ask for at this site', 100),
  phone: phoneNumber('Enter a phone number for the site contact, with at least 7 digits, like (555) 010-4400'),
}, { error: 'Give the site contact’s name and phone number, or leave both empty' });
export type SiteContact = z.infer<typeof siteContactSchema>;

/** A site's address in an installation request; a business adds who to ask for there and when to come. */
function siteAddressSchema(today?: string) {
  return addressSchema.extend({
    /** Business sites: the person on site, when it is not the contact above. */
    contact: siteContactSchema.optional(),
    /** Business sites: preferred visit times for this site. */
    windows: windowsSchema(today).optional(),
  });
}
export type SiteAddress = z.infer<ReturnType<typeof siteAddressSchema>>;

/** Who receives the invoices of a business, when it is not the contact. */
export const billingContactSchema = z.object({
  name: requiredText('Enter the name of the person who receives the invoices', 100),
  email: emailAddress('Enter the email address invoices should go to'),
}, { error: 'Give the billing contact’s name and email address, or leave both empty' });
export type BillingContact = z.infer<typeof billingContactSchema>;

/** What a business wants from the request: a formal quote to approve first, or the installation booked. */
export const nextSteps = ['formal-quote', 'book-installation'] as const;
export type NextStep = (typeof nextSteps)[number];
/** `label` is the customer's choice on the form; `summary` says it back on the quote and in mail. */
export const nextStepLabels: Record<NextStep, { label: string; hint: string; summary: string }> = {
  'formal-quote': {
    label: 'Send me a formal quote',
    hint: 'We survey the site and send a written quote for your approval, with your PO number if you give one.',
    summary: 'a formal quote to approve before we book',
  },
  'book-installation': { label: 'Book the installation', hint: 'We survey the site and book the work at the prices of your saved quote.', summary: 'the installation booked' },
};

const notes = optionalText(2000, 'Keep your notes under 2,000 characters');

const consent = z.literal(true, {
  error: 'Tick the box to agree that we may store your details and contact you about this request',
});

/** The business's name, where a request or a quote names one. */
export const companySchema = optionalText(100);

/** What an installation request holds; `configuration` is absent when the customer asks directly. */
function installationShape(configuration: z.core.$ZodType<z.output<typeof configurationSchema>, z.input<typeof configurationSchema>>, today?: string) {
  return {
    contact: contactSchema,
    /** The business's name, for a business quote (required with a business configuration). */
    company: companySchema,
    /** Business: who receives the invoices, when it is not the contact. */
    billing: billingContactSchema.optional(),
    /** Business: the purchase order number to put on the quote and invoices. */
    purchaseOrder: optionalText(40, 'Keep the PO number under 40 characters'),
    /** Business: a formal quote first, or book the installation (required with a business configuration). */
    nextStep: z.enum(nextSteps, { error: 'Choose "Send me a formal quote" or "Book the installation"' }).optional(),
    /** One per site of the configuration, in the same order; one for a direct request. */
    addresses: z
      .array(siteAddressSchema(today), { error: 'Enter the address where we should install' })
      .min(1, 'Enter the address where we should install')
      .max(50, 'Give at most 50 addresses'),
    windows: windowsSchema(today).default([]),
    notes,
    consent,
    configuration: z.optional(configuration),
    /** The assessment's three packages, when the configuration started from one: the quote offers them all. */
    packages: packagesSchema(configuration).optional(),
  };
}

type InstallationShape = ReturnType<typeof installationShape>;

/** Every site of the configuration needs its address, given in the same order as the sites. */
function checkAddressesMatchSites(request: { addresses: Address[]; configuration?: { sites: { id: string; name: string }[] } | undefined }, ctx: z.RefinementCtx) {
  const sites = request.configuration?.sites;
  // With no address at all, the list's own message says what is missing.
  if (!sites || request.addresses.length === 0) return;
  sites.forEach((site, i) => {
    const address = request.addresses[i];
    if (!address) {
      ctx.addIssue({ code: 'custom', path: ['addresses', i], message: `Enter the address of ${site.name}` });
    } else if (address.siteId !== undefined && address.siteId !== site.id) {
      ctx.addIssue({ code: 'custom', path: ['addresses', i, 'siteId'], message: `This address should belong to ${site.name}` });
    }
  });
  if (request.addresses.length > sites.length) {
    ctx.addIssue({ code: 'custom', path: ['addresses'], message: `Give one address per site: the configuration has ${sites.length}` });
  }
}

type BusinessFields = { company?: string | undefined; nextStep?: NextStep | undefined; configuration?: { audience: string } | undefined };

/** A business configuration's request names the business and says what the customer wants next. */
function checkBusinessFields(request: BusinessFields, ctx: z.RefinementCtx) {
  if (request.configuration?.audience !== 'business') return;
  if (!request.company) ctx.addIssue({ code: 'custom', path: ['company'], message: 'Enter the name of your business' });
  if (!request.nextStep) ctx.addIssue({ code: 'custom', path: ['nextStep'], message: 'Choose "Send me a formal quote" or "Book the installation"' });
}

type PackageFields = { configuration?: Configuration | undefined; packages?: RequestPackages | undefined };

/** Packages come with the configuration that started from one of them, and fit its sites. */
function checkPackages(request: PackageFields, ctx: z.RefinementCtx) {
  if (!request.packages) return;
  if (!request.configuration) {
    ctx.addIssue({ code: 'custom', path: ['packages'], message: 'Send the packages with the configuration that started from one of them' });
    return;
  }
  for (const issue of packagesIssues(request.packages, request.configuration)) ctx.addIssue({ code: 'custom', ...issue });
}

function checkInstallation(request: Parameters<typeof checkAddressesMatchSites>[0] & BusinessFields & PackageFields, ctx: z.RefinementCtx) {
  checkAddressesMatchSites(request, ctx);
  checkBusinessFields(request, ctx);
  checkPackages(request, ctx);
}

function installationObject(shape: InstallationShape) {
  return z.object(shape).superRefine(checkInstallation);
}

export const installationRequestSchema = installationObject(installationShape(configurationSchema));
export type InstallationRequest = z.infer<typeof installationRequestSchema>;
export type InstallationRequestInput = z.input<typeof installationRequestSchema>;

export const serviceSystems = [...systems, 'other'] as const;
export type ServiceSystem = (typeof serviceSystems)[number];
export const serviceSystemLabels: Record<ServiceSystem, string> = {
  ...Object.fromEntries(systems.map((id) => [id, systemInfo[id].name])),
  other: 'Something else or not sure',
} as Record<ServiceSystem, string>;

export const urgencies = ['emergency', 'soon', 'routine'] as const;
export type Urgency = (typeof urgencies)[number];
export const urgencyLabels: Record<Urgency, { label: string; hint: string }> = {
  emergency: { label: 'Urgent', hint: 'The system is down, keeps sounding or leaves the site unprotected.' },
  soon: { label: 'This week', hint: 'Something does not work as it should, but the site is protected.' },
  routine: { label: 'When convenient', hint: 'Maintenance, a battery, a small change or a question.' },
};

function serviceShape(today?: string) {
  return {
    contact: contactSchema,
    address: addressSchema,
    system: z.enum(serviceSystems, { error: 'Choose which system needs attention' }),
    problem: requiredText('Tell us what is wrong', 2000, 'Keep the description under 2,000 characters').regex(
      trimmedAtLeast(10),
      'Describe the problem in a few more words (at least 10 characters)',
    ),
    urgency: z.enum(urgencies, { error: 'Choose how urgent the visit is' }),
    windows: windowsSchema(today).default([]),
    consent,
  };
}

export const serviceRequestSchema = z.object(serviceShape());
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
export type ServiceRequestInput = z.input<typeof serviceRequestSchema>;

export const requestKinds = ['installation', 'service'] as const;
export type RequestKind = (typeof requestKinds)[number];

function requestUnion(installation: InstallationShape, service: ReturnType<typeof serviceShape>) {
  return z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('installation'), ...installation }).superRefine(checkInstallation),
      z.object({ kind: z.literal('service'), ...service }),
    ],
    { error: 'Say which kind of request this is: "installation" or "service"' },
  );
}

/** The JSON API's body: either kind of request, told apart by `kind`. */
export const requestSchema = requestUnion(installationShape(configurationSchema), serviceShape());
export type CustomerRequest = z.infer<typeof requestSchema>;
export type CustomerRequestInput = z.input<typeof requestSchema>;

/**
 * The same schemas with what only the server knows: the catalog (every product of an attached
 * configuration must exist) and today's date (preferred times must lie ahead).
 */
export function requestSchemasFor(catalog: Catalog, today: string) {
  const installation = installationShape(configurationSchemaFor(catalog), today);
  const service = serviceShape(today);
  return {
    installation: installationObject(installation),
    service: z.object(service),
    request: requestUnion(installation, service),
  };
}

/** Fields a submission carries besides the request: never stored as request data. */
export const submissionFieldsSchema = z.object({
  /** Generated when the form is shown (or sent as the Idempotency-Key header): a retry is recognised. */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,100}$/, 'The idempotency key must be 16 to 100 letters, digits, dashes or underscores')
    .optional(),
  /** Honeypot: hidden from people, so only robots fill it in. */
  website: z.string().optional(),
});

/** The first word of a name: the only personal detail a saved quote keeps. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0]!.slice(0, 40);
}
