import { firstName } from '~/domain/requests/request';
import type { QuoteSnapshot } from '../quotes/snapshot';
import { companyFooter, quoteSummary, renderHtml, renderText, type Block, type MailContext, type MailMessage } from './templates';

/**
 * The customer's mail when staff send a new version of their quote: the link, the new totals and
 * how long the prices hold, and the changes since the version before in the words the quote page uses.
 */

export interface SentRevision {
  contact: { name: string; email: string };
  reference: string;
  revision: number;
  url: string;
  validUntil: string;
  snapshot: QuoteSnapshot;
  /** describeDiff's sentences against the previous version. */
  /** The changes since the version the customer saw before (`since`); none for their first. */
  changes: string[];
  since: number | null;
}

export function quoteRevisionMail(sent: SentRevision, ctx: MailContext): MailMessage {
  const blocks: Block[] = [
    { p: `Hello ${firstName(sent.contact.name)},` },
    { p: `Version ${sent.revision} of your quote (reference ${sent.reference}) is ready.` },
    { list: quoteSummary({ url: sent.url, validUntil: sent.validUntil, snapshot: sent.snapshot }) },
    ...(sent.since !== null && sent.changes.length > 0 ? [{ h: `What changed since version ${sent.since}` }, { list: sent.changes.map((change) => `${change}.`) }] : []),
    { link: { label: 'See your quote', url: sent.url } },
    { p: 'The link is personal: anyone who has it can see the quote, so share it only with people you trust.' },
    companyFooter(ctx.settings),
  ];
  return {
    kind: 'quote-revision',
    to: sent.contact.email,
    replyTo: ctx.installerEmail,
    subject: `Your updated quote ${sent.reference} (version ${sent.revision})`,
    text: renderText(blocks),
    html: renderHtml(blocks),
  };
}
