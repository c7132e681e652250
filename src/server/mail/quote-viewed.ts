import { formatDate } from '~/domain/estimate/dates';
import { formatRange } from '~/domain/money';
import type { QuoteSnapshot } from '../quotes/snapshot';
import { renderHtml, renderText, type Block, type MailContext, type MailMessage } from './templates';

/**
 * The note to staff that a customer opened a quote revision for the first time, for the assigned
 * salesperson (or the installer's inbox while nobody holds the request). It names the quote by its request reference or the
 * customer's first name, never more of the customer.
 */

export interface ViewedQuote {
  revision: number;
  firstName: string | null;
  url: string;
  snapshot: QuoteSnapshot;
}

export function quoteFirstViewed(quote: ViewedQuote, viewedAt: Date, to: string, ctx: Pick<MailContext, 'settings'>): MailMessage {
  const { locale } = ctx.settings;
  const { estimate, customer } = quote.snapshot;
  const who = [customer?.reference, quote.firstName].filter(Boolean).join(', ') || 'a quote without a request';
  const blocks: Block[] = [
    { p: `The customer opened version ${quote.revision} of the quote for ${who} for the first time.` },
    {
      list: [
        `Viewed: ${viewedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        `One-time estimate: ${formatRange(estimate.oneTime, estimate.currency, locale)}`,
        `Priced on ${formatDate(quote.snapshot.pricedOn, locale)}`,
      ],
    },
    { link: { label: 'Open the quote', url: quote.url } },
  ];
  return {
    kind: 'quote-first-viewed',
    to,
    subject: `Quote viewed: version ${quote.revision} for ${who}`.replace(/\s+/g, ' '),
    text: renderText(blocks),
    html: renderHtml(blocks),
  };
}
