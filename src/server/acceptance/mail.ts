import type { PricedChoice } from '~/domain/acceptance/choice';
import { formatDate } from '~/domain/estimate/dates';
import { formatMoney, formatRange } from '~/domain/money';
import { companyFooter, renderHtml, renderText, type Block, type MailContext, type MailMessage } from '../mail/templates';
import type { SavedQuote } from '../quotes/quote';

/** The mail of acceptance: the signed copy to the customer, and a note to staff for each response. */

export interface SignedCopy {
  quote: SavedQuote;
  url: string;
  /** What was accepted: the alternative and add-ons, with their sum. */
  choice: PricedChoice;
  fullName: string;
  acceptedAt: Date;
  snapshotSha256: string;
  depositCents: number;
  depositRule: string;
}

export function signedQuoteCopy(to: string, copy: SignedCopy, ctx: MailContext): MailMessage {
  const { locale, currency } = copy.quote.revision.snapshot.estimate;
  const { choice } = copy;
  // Beside its parts (a package and its add-ons) a range is to the cent, so they add up as shown.
  const range = (r: PricedChoice['oneTime']) => formatRange(r, currency, locale, choice.addOns.length === 0);
  const lines = [
    `Accepted: ${choice.alternative.name}, version ${copy.quote.revision.number} of the quote`,
    ...(choice.addOns.length > 0
      ? [
          `${choice.alternative.name}: ${range(choice.alternative.oneTime)}`,
          ...choice.addOns.map((addOn) => `Add-on, ${addOn.name}: ${range(addOn.oneTime)}`),
        ]
      : []),
    `One-time estimate: ${range(choice.oneTime)}`,
    ...(choice.monthlyCents > 0 ? [`Monitoring: ${formatMoney(choice.monthlyCents, currency, locale)} a month`] : []),
    ...(copy.depositCents > 0 ? [`Deposit: ${formatMoney(copy.depositCents, currency, locale)} (${copy.depositRule})`] : []),
    `Signed by: ${copy.fullName}, ${copy.acceptedAt.toISOString()}`,
    `Record: SHA-256 ${copy.snapshotSha256}`,
  ];
  const blocks: Block[] = [
    { p: `Thank you, ${copy.fullName}. This is your copy of the quote you signed.` },
    { list: lines },
    { link: { label: 'Your quote, with every line as signed', url: copy.url } },
    { p: 'On the same page you can pay the deposit and pick the installation date.' },
    companyFooter(ctx.settings),
  ];
  return {
    kind: 'signed-quote',
    to,
    replyTo: ctx.installerEmail,
    subject: `Your signed quote from ${ctx.settings.company.name}`.replace(/\s+/g, ' '),
    text: renderText(blocks),
    html: renderHtml(blocks),
  };
}

export type ResponseKind = 'accepted' | 'declined' | 'changes-requested' | 'price-update-requested';

const responseWords: Record<ResponseKind, string> = {
  accepted: 'accepted',
  declined: 'declined',
  'changes-requested': 'asks for changes to',
  'price-update-requested': 'asks for updated prices on',
};

const subjectWords: Record<ResponseKind, string> = {
  accepted: 'Quote accepted',
  declined: 'Quote declined',
  'changes-requested': 'Changes requested',
  'price-update-requested': 'Updated prices requested',
};

/** Tells staff (`to`: the assigned salesperson, or the installer's inbox) what the customer did on the quote link. */
export function staffResponseNotice(kind: ResponseKind, quote: SavedQuote, who: { name: string; email: string | null; reference: string | null }, url: string, message: string | null, to: string, ctx: MailContext): MailMessage {
  const blocks: Block[] = [
    { p: `${who.name}${who.reference ? ` (${who.reference})` : ''} ${responseWords[kind]} version ${quote.revision.number} of their quote, held until ${formatDate(quote.revision.validUntil, ctx.settings.locale)}.` },
  ];
  if (message) blocks.push({ h: kind === 'declined' ? 'Reason' : 'Message' }, { pre: message });
  blocks.push({ link: { label: 'Open the quote', url } });
  return {
    kind: 'quote-response',
    to,
    ...(who.email ? { replyTo: who.email } : {}),
    // Line breaks typed into a name must not reach a header.
    subject: `${subjectWords[kind]}: ${who.name}${who.reference ? `, ${who.reference}` : ''}`.replace(/\s+/g, ' '),
    text: renderText(blocks),
    html: renderHtml(blocks),
  };
}
