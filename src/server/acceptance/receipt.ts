import { depositRule } from '~/domain/acceptance/deposit';
import { formatDate } from '~/domain/estimate/dates';
import { formatMoney, formatRange } from '~/domain/money';
import { firstName } from '~/domain/requests/request';
import type { Settings } from '~/domain/settings/settings';
import { dayInTimeZone } from '~/domain/estimate/dates';
import type { Database } from '../db/client';
import { companyFooter, renderHtml, renderText, type Block, type MailContext, type MailMessage } from '../mail/templates';
import type { DepositRow } from '../payments/store';
import { quoteUrl } from '../quotes/public-id';
import type { SavedQuote } from '../quotes/quote';
import { getQuoteById, getRevision } from '../quotes/store';
import { describeBooking } from '../scheduling/booking';
import { activeBooking, type BookingRow } from '../scheduling/store';
import { queueMessages, requestOfQuote } from './store';

/**
 * The customer's receipt for a paid deposit. It is queued in the same transaction that marks the
 * deposit paid (the webhook's, or the one recording an offline payment), and a deposit becomes paid
 * once (its row is locked and its status only moves forward; a replayed event changes nothing), so
 * each paid deposit gets exactly one receipt, and a crash loses neither the payment nor its mail.
 */

export interface ReceiptContext {
  settings: Settings;
  mail: MailContext;
  siteUrl: string;
  now?: Date;
}

interface Receipt {
  contactName: string;
  reference: string;
  deposit: Pick<DepositRow, 'amountCents' | 'currency' | 'method' | 'paidAt'>;
  revision: SavedQuote['revision'];
  booking: Pick<BookingRow, 'days' | 'window' | 'status'> | null;
  url: string;
}

function nextSteps(booking: Receipt['booking'], settings: Settings): string[] {
  const picked = booking && booking.status !== 'canceled' ? describeBooking(booking, settings) : null;
  return [
    picked
      ? `Your installation is booked for ${picked}. The calendar invite comes in its own email.`
      : 'Pick your installation window on your quote page: the open dates are listed there.',
    'We order the equipment and call you before the day to confirm access and parking.',
  ];
}

export function depositReceipt(to: string, receipt: Receipt, ctx: MailContext): MailMessage {
  const { settings } = ctx;
  const { estimate, settings: priced } = receipt.revision.snapshot;
  const money = (cents: number) => formatMoney(cents, receipt.deposit.currency.toUpperCase(), estimate.locale);
  const amount = money(receipt.deposit.amountCents);
  const paidOn = formatDate(dayInTimeZone(receipt.deposit.paidAt ?? new Date(), settings.timeZone), settings.locale);
  const rule = depositRule({ depositPercent: priced.depositPercent, depositBasis: priced.depositBasis ?? 'low' });
  const blocks: Block[] = [
    { p: `Thank you, ${firstName(receipt.contactName)}. We received your deposit of ${amount} on ${paidOn}.` },
    {
      list: [
        `Amount: ${amount}, ${receipt.deposit.method === 'stripe' ? 'paid online by card' : 'recorded by our office'}`,
        `For: the deposit on version ${receipt.revision.number} of your quote ${receipt.reference} (${rule})`,
        `It counts toward the one-time total, estimated at ${formatRange(estimate.oneTime, estimate.currency, estimate.locale)}.`,
      ],
    },
    { h: 'What happens next' },
    { list: nextSteps(receipt.booking, settings) },
    { link: { label: 'Your quote and booking', url: receipt.url } },
    companyFooter(settings),
  ];
  return {
    kind: 'deposit-receipt',
    to,
    replyTo: ctx.installerEmail,
    subject: `Deposit received: ${amount} for your installation, ${receipt.reference}`,
    text: renderText(blocks),
    html: renderHtml(blocks),
  };
}

/** Queues the receipt for a deposit that has just become paid; `db` is the transaction that marked it so. */
export async function queueDepositReceipt(db: Database, deposit: DepositRow, ctx: ReceiptContext): Promise<void> {
  const [quote, request, booking] = await Promise.all([getQuoteById(db, deposit.quoteId), requestOfQuote(db, deposit.quoteId), activeBooking(db, deposit.quoteId)]);
  if (!quote || !request) return;
  const revision = quote.revision.number === deposit.revision ? quote.revision : await getRevision(db, quote.id, deposit.revision);
  if (!revision) return;
  const message = depositReceipt(request.contactEmail, { contactName: request.contactName, reference: request.reference, deposit, revision, booking, url: quoteUrl(ctx.siteUrl, quote.publicId) }, ctx.mail);
  await queueMessages(db, request.id, [message], ctx.now ?? new Date());
}
