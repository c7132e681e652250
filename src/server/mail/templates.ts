import { formatDate } from '~/domain/estimate/dates';
import { formatRange } from '~/domain/money';
import {
  dayPartLabels,
  firstName,
  nextStepLabels,
  serviceSystemLabels,
  urgencyLabels,
  type Address,
  type BillingContact,
  type Contact,
  type NextStep,
  type SiteAddress,
  type PreferredWindow,
  type ServiceSystem,
  type Urgency,
} from '~/domain/requests/request';
import type { Settings } from '~/domain/settings/settings';
import { monthlyFeeText } from '~/domain/wording';
import type { MailAttachment } from '../db/schema';
import type { QuoteSnapshot } from '../quotes/snapshot';

/**
 * The two messages a request sends: a confirmation to the customer and a notification to the
 * installer. Plain text first (it is what the log shows when no mail server is set up) and a simple
 * HTML version of the same words. Every value a customer typed is escaped in the HTML.
 */

export interface MailMessage {
  /** Which template wrote it (stored in outbox.kind). */
  kind: 'customer-confirmation' | 'installer-notification' | 'quote-first-viewed' | 'signed-quote' | 'quote-response' | 'booking-confirmation' | 'deposit-receipt' | 'installation-reminder' | 'quote-revision' | 'staff-booking-notice' | 'staff-deposit-notice';
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

export interface StoredRequestDetails {
  reference: string;
  kind: 'installation' | 'service';
  contact: Contact;
  addresses: SiteAddress[];
  windows: PreferredWindow[];
  notes?: string | undefined;
  /** A business installation's details. */
  business?: { company?: string | undefined; billing?: BillingContact | undefined; purchaseOrder?: string | undefined; nextStep?: NextStep | undefined };
  service?: { system: ServiceSystem; problem: string; urgency: Urgency };
  quote: { url: string; validUntil: string; snapshot: QuoteSnapshot } | null;
}

export interface MailContext {
  settings: Settings;
  installerEmail: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** A small document model, so the text and the HTML come from the same words. */
export type Block = { p: string } | { h: string } | { list: string[] } | { link: { label: string; url: string } } | { pre: string };

export function renderText(blocks: Block[]): string {
  return `${blocks
    .map((b) => {
      if ('p' in b) return b.p;
      if ('h' in b) return `${b.h}\n${'-'.repeat(b.h.length)}`;
      if ('list' in b) return b.list.map((item) => `- ${item}`).join('\n');
      if ('link' in b) return `${b.link.label}: ${b.link.url}`;
      return b.pre;
    })
    .join('\n\n')}\n`;
}

export function renderHtml(blocks: Block[]): string {
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${escapeHtml(b.p)}</p>`;
      if ('h' in b) return `<h2 style="font-size:1.1em;margin:1.2em 0 0.4em">${escapeHtml(b.h)}</h2>`;
      if ('list' in b) return `<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
      if ('link' in b) return `<p><a href="${escapeHtml(b.link.url)}">${escapeHtml(b.link.label)}</a></p>`;
      return `<pre style="white-space:pre-wrap;font-family:inherit">${escapeHtml(b.pre)}</pre>`;
    })
    .join('\n');
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#14213d;max-width:40em">\n${body}\n</body></html>`;
}

export function formatAddress(address: Address): string {
  return [address.line1, address.line2, [address.city, address.region, address.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

export function formatWindows(windows: PreferredWindow[], locale: string): string[] {
  return windows.map((w) => `${formatDate(w.date, locale)}, ${dayPartLabels[w.part].toLowerCase()}`);
}

export function quoteSummary(quote: NonNullable<StoredRequestDetails['quote']>): string[] {
  const { estimate } = quote.snapshot;
  const lines = [`One-time estimate: ${formatRange(estimate.oneTime, estimate.currency, estimate.locale)}`];
  if (estimate.monthlyCents > 0) lines.push(`Monitoring: ${monthlyFeeText(estimate.monthlyCents, estimate)}`);
  lines.push(`Prices held until ${formatDate(quote.validUntil, estimate.locale)}`);
  return lines;
}

export function companyFooter(settings: Settings): Block {
  const { company } = settings;
  return { pre: `${company.name}\n${company.phone} · ${company.email}\n${company.address}\n${company.licence}` };
}

function businessLines(business: NonNullable<StoredRequestDetails['business']>): string[] {
  const { billing } = business;
  return [
    `Company: ${business.company ?? 'not given'}`,
    `Asks for: ${business.nextStep ? nextStepLabels[business.nextStep].summary : 'not said'}`,
    `PO number: ${business.purchaseOrder ?? 'none given'}`,
    `Billing contact: ${billing ? `${billing.name} <${billing.email}>` : 'the contact above'}`,
  ];
}

/** A site's address with its site contact and visit times, when a business gave them. */
function siteLine(address: SiteAddress, locale: string): string {
  const contact = address.contact ? `; site contact ${address.contact.name}, ${address.contact.phone}` : '';
  const windows = address.windows?.length ? `; visit ${formatWindows(address.windows, locale).join(' or ')}` : '';
  return `${formatAddress(address)}${contact}${windows}`;
}

const kindWords = { installation: 'installation request', service: 'service request' } as const;

export function customerConfirmation(request: StoredRequestDetails, ctx: MailContext): MailMessage {
  const { settings } = ctx;
  const { company, locale } = settings;
  const blocks: Block[] = [
    { p: `Hello ${firstName(request.contact.name)},` },
    { p: `Thank you for your ${kindWords[request.kind]}. Your reference is ${request.reference}: please mention it when you call or write to us.` },
  ];
  if (request.quote) {
    blocks.push({ h: 'Your quote' }, { list: quoteSummary(request.quote) }, { link: { label: 'See your quote', url: request.quote.url } });
    blocks.push({ p: 'The link is personal: anyone who has it can see the quote, so share it only with people you trust.' });
  }
  blocks.push({ h: 'What happens next' });
  const next = [
    'We read your request and check it against our calendar.',
    request.kind === 'installation'
      ? 'We call or email you to confirm the details and book a visit; the estimate becomes a firm price once we have seen the site.'
      : 'We call or email you to confirm a visit and what to bring.',
  ];
  if (request.windows.length > 0) next.push(`You asked for: ${formatWindows(request.windows, locale).join('; ')}.`);
  blocks.push({ list: next });
  if (request.service?.urgency === 'emergency') {
    blocks.push({ p: `If the site is unprotected or an alarm keeps sounding, call us now on ${company.phone}.` });
  }
  blocks.push({ p: `Did not send this request? Reply to this email and we will delete it.` }, companyFooter(settings));
  return {
    kind: 'customer-confirmation',
    to: request.contact.email,
    replyTo: ctx.installerEmail,
    subject: `We received your ${kindWords[request.kind]} ${request.reference}`,
    text: renderText(blocks),
    html: renderHtml(blocks),
  };
}

export function installerNotification(request: StoredRequestDetails, ctx: MailContext): MailMessage {
  const { locale } = ctx.settings;
  const { contact } = request;
  const blocks: Block[] = [
    { p: `New ${kindWords[request.kind]} ${request.reference}.` },
    { h: 'Contact' },
    { list: [`Name: ${contact.name}`, `Email: ${contact.email}`, `Phone: ${contact.phone ?? 'not given'}`] },
  ];
  if (request.business) blocks.push({ h: 'Business' }, { list: businessLines(request.business) });
  blocks.push({ h: request.addresses.length === 1 ? 'Address' : 'Addresses' }, { list: request.addresses.map((a) => siteLine(a, locale)) });
  if (request.service) {
    blocks.push(
      { h: 'Service' },
      {
        list: [
          `System: ${serviceSystemLabels[request.service.system]}`,
          `Urgency: ${urgencyLabels[request.service.urgency].label} (${urgencyLabels[request.service.urgency].hint})`,
        ],
      },
      { pre: request.service.problem },
    );
  }
  blocks.push({ h: 'Preferred times' }, request.windows.length > 0 ? { list: formatWindows(request.windows, locale) } : { p: 'None given.' });
  if (request.notes) blocks.push({ h: 'Notes' }, { pre: request.notes });
  if (request.quote) {
    const sites = request.quote.snapshot.estimate.sites.map((s) => `${s.name}: ${formatRange(s.oneTime, request.quote!.snapshot.estimate.currency, locale)}`);
    blocks.push({ h: 'Quote' }, { list: [...quoteSummary(request.quote), ...sites] }, { link: { label: 'Open the quote', url: request.quote.url } });
  } else if (request.kind === 'installation') {
    blocks.push({ p: 'No configuration was attached: the customer asked directly.' });
  }
  const city = request.addresses[0]?.city;
  return {
    kind: 'installer-notification',
    to: ctx.installerEmail,
    replyTo: contact.email,
    // Line breaks typed into a name must not reach a header.
    subject: `New ${kindWords[request.kind]} ${request.reference}: ${contact.name}${city ? `, ${city}` : ''}`.replace(/\s+/g, ' '),
    text: renderText(blocks),
    html: renderHtml(blocks),
  };
}
