import { formatDate } from '~/domain/estimate/dates';
import { formatRange } from '~/domain/money';
import type { QuoteSnapshot } from '../quotes/snapshot';
import { renderHtml, renderText, type Block, type MailContext, type MailMessage } from './templates';

/**
 * The installer's note that a customer opened a quote revision for the first time (the assigned
 * salesperson gets it once quotes have one). It names the quote by its request reference or the
 * customer's first name, never more of the customer.
 */

export interface ViewedQuote {
  revision: number;
  firstName: string | null;
  url: string;
  snapshot: QuoteSnapshot;
}

export function quoteFirstViewed(quote: ViewedQuote, viewedAt: Date, ctx: MailContext): MailMessage {
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
    to: ctx.installerEmail,
    subject: `Quote viewed: version ${quote.revision} for ${who}`.replace(/\s+/g, ' '),
    text: renderText(blocks),
    html: renderHtml(blocks),
  };
}
