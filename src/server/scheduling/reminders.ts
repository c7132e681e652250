import { addDays, formatDate } from '~/domain/estimate/dates';
import { reminderDueNow } from '~/domain/scheduling/reminder';
import type { Settings } from '~/domain/settings/settings';
import { installerToday } from '~/domain/settings/today';
import { queueMessages, requestOfQuote } from '../acceptance/store';
import type { Database } from '../db/client';
import { companyFooter, renderHtml, renderText, type MailContext, type MailMessage } from '../mail/templates';
import { quoteUrl } from '../quotes/public-id';
import { getQuoteById } from '../quotes/store';
import { recordTimelineEvent } from '../timeline/store';
import { describeBooking, hoursOf } from './booking';
import { bookingsAwaitingReminder, claimReminder, type BookingRow } from './store';

/**
 * The reminder mail settings.booking.reminderDaysBefore days before an installation
 * (domain/scheduling/reminder.ts says when). Each run claims the due ones: the booking row records
 * the sequence its reminder was queued for, in the transaction that queues the mail, so however
 * many instances run at once each date of a booking is reminded once; a move raises the sequence
 * (a new reminder for the new date) and a canceled booking is never claimed.
 */

export interface ReminderContext {
  settings: Settings;
  mail: MailContext;
  siteUrl: string;
  now?: Date;
}

function reminderMail(to: string, booking: BookingRow, url: string, ctx: ReminderContext): MailMessage {
  const { settings } = ctx;
  const { company } = settings;
  const blocks = [
    { p: `A reminder: we install your security system on ${describeBooking(booking, settings)}.` },
    {
      list: [
        'Please make sure someone over 18 is there to let the crew in and to take the handover walkthrough at the end.',
        'Clear the spots where devices go, and have the Wi-Fi name and password ready.',
        `To move or cancel, use your quote page up to ${settings.booking.changeDeadlineHours} hours before the start, or call us on ${company.phone}.`,
      ],
    },
    { link: { label: 'Your quote and booking', url } },
    companyFooter(settings),
  ];
  return {
    kind: 'installation-reminder',
    to,
    replyTo: ctx.mail.installerEmail,
    subject: `Reminder: your installation on ${formatDate(booking.days[0]!, settings.locale)}`,
    text: renderText(blocks),
    html: renderHtml(blocks),
  };
}

/** Queues every reminder due now that no instance has claimed; returns how many this run queued. */
export async function queueDueReminders(db: Database, ctx: ReminderContext): Promise<number> {
  const now = ctx.now ?? new Date();
  const { settings } = ctx;
  const today = installerToday(settings, now);
  const daysBefore = settings.booking.reminderDaysBefore;
  const candidates = await bookingsAwaitingReminder(db, today, addDays(today, daysBefore));
  let queued = 0;
  for (const booking of candidates) {
    const terms = { firstDay: booking.days[0]!, arrival: hoursOf(booking, settings).start, daysBefore, timeZone: settings.timeZone };
    if (!reminderDueNow(terms, booking.updatedAt, now)) continue;
    const sent = await db.transaction(async (tx) => {
      const claimed = await claimReminder(tx, booking);
      if (!claimed) return false;
      const [quote, request] = await Promise.all([getQuoteById(tx, claimed.quoteId), requestOfQuote(tx, claimed.quoteId)]);
      if (!quote || !request) return true;
      await queueMessages(tx, request.id, [reminderMail(request.contactEmail, claimed, quoteUrl(ctx.siteUrl, quote.publicId), ctx)], now);
      await recordTimelineEvent(tx, { kind: 'booking.reminded', actor: 'system', quoteId: quote.id, requestId: request.id, detail: { days: claimed.days, sequence: claimed.sequence }, at: now });
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}
