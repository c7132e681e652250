import { formatMoney } from '~/domain/money';
import { renderHtml, renderText, type Block, type MailMessage } from './templates';

/**
 * Notes to the salesperson who holds a request (or the installer's inbox while nobody does) when its
 * deposit is paid online or its installation is booked, moved or canceled. They name the request by its
 * reference and the customer's name, and link to the request's staff page.
 */

export interface NoticeRequest {
  reference: string;
  contactName: string;
  /** The request's staff page, absolute. */
  staffUrl: string;
}

const subjectLine = (words: string, request: NoticeRequest) => `${words}: ${request.contactName}, ${request.reference}`.replace(/\s+/g, ' ');

function notice(kind: MailMessage['kind'], to: string, subject: string, lines: string[], request: NoticeRequest): MailMessage {
  const blocks: Block[] = [...lines.map((p) => ({ p })), { link: { label: `Open ${request.reference}`, url: request.staffUrl } }];
  return { kind, to, subject, text: renderText(blocks), html: renderHtml(blocks) };
}

export type BookingNoticeKind = 'booking.confirmed' | 'booking.rescheduled' | 'booking.canceled';

const bookingWords: Record<BookingNoticeKind, { subject: string; line: string }> = {
  'booking.confirmed': { subject: 'Installation booked', line: 'booked the installation for' },
  'booking.rescheduled': { subject: 'Installation moved', line: 'moved the installation to' },
  'booking.canceled': { subject: 'Installation canceled', line: 'canceled the installation of' },
};

/** `when` is the booking as the customer's mail describes it ("March 3, 2027, 08:00 to 12:00"); `crew` the crew's name. */
export function staffBookingNotice(kind: BookingNoticeKind, to: string, request: NoticeRequest, booking: { when: string; crew: string }): MailMessage {
  const words = bookingWords[kind];
  return notice('staff-booking-notice', to, subjectLine(words.subject, request), [`${request.contactName} (${request.reference}) ${words.line} ${booking.when}.`, `Crew: ${booking.crew}.`], request);
}

/** A deposit paid online (one staff record themselves needs no note). */
export function staffDepositNotice(to: string, request: NoticeRequest, deposit: { amountCents: number; currency: string; locale: string }): MailMessage {
  const amount = formatMoney(deposit.amountCents, deposit.currency, deposit.locale);
  return notice('staff-deposit-notice', to, subjectLine('Deposit paid', request), [`${request.contactName} (${request.reference}) paid the deposit of ${amount} online.`], request);
}
