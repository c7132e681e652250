import { formatDate } from '~/domain/estimate/dates';
import type { PipelineEvent } from '~/domain/pipeline/pipeline';
import { openSlots, unitsOf, type Slot } from '~/domain/scheduling/capacity';
import { installationInvite } from '~/domain/scheduling/ics';
import { zonedInstant } from '~/domain/scheduling/zoned-time';
import type { Settings } from '~/domain/settings/settings';
import { installerToday } from '~/domain/settings/today';
import { acceptanceOf, recordQuoteEvent, requestOfQuote } from '../acceptance/store';
import type { Database } from '../db/client';
import { newRowId } from '../db/row-id';
import { staffBookingNotice, type BookingNoticeKind } from '../mail/staff-notices';
import { companyFooter, renderHtml, renderText, type MailContext, type MailMessage } from '../mail/templates';
import { acceptedChoice } from '../quotes/options';
import { staffInboxFor } from '../pipeline/inbox';
import type { SavedQuote } from '../quotes/quote';
import { activeBooking, cancelBookingRow, confirmHeld, getBooking, releaseExpiredHolds, storeBooking, takenUnits, type BookingRow } from './store';

/**
 * Booking the installation on the quote link. The job takes the crew-days of the accepted choice
 * (the high end of the person-hours of its alternative and add-ons); a picked window is held while the deposit is paid and
 * confirmed once it is (or at once without online payment). Expired holds are released whenever
 * the calendar is read. The database refuses a half-day taken twice (store.ts).
 */

export interface BookingContext {
  settings: Settings;
  mail: MailContext;
  url: string;
  now?: Date;
}

/** The open windows for the accepted choice's person-hours (the alternative's and its add-ons'). */
export async function openSlotsFor(db: Database, quote: SavedQuote, settings: Settings, now = new Date()): Promise<Slot[]> {
  await releaseExpiredHolds(db, now);
  const { personHours } = acceptedChoice(quote, await acceptanceOf(db, quote.id));
  return openSlots({ today: installerToday(settings, now), booking: settings.booking, hoursPerDay: settings.crew.hoursPerDay, personHours, taken: await takenUnits(db) });
}

/** The times of a booking: each day's first and last hour (a window, or the whole day). */
export function hoursOf(booking: Pick<BookingRow, 'window'>, settings: Settings): { start: string; end: string } {
  const { morning, afternoon } = settings.booking.windows;
  if (booking.window === 'morning') return morning;
  if (booking.window === 'afternoon') return afternoon;
  return { start: morning.start, end: afternoon.end };
}

/** Whether the customer may still move or cancel it online (settings.booking.changeDeadlineHours before it starts). */
export function changeable(booking: BookingRow, settings: Settings, now = new Date()): boolean {
  if (booking.status === 'canceled') return false;
  const starts = zonedInstant(booking.days[0]!, hoursOf(booking, settings).start, settings.timeZone);
  return now.getTime() <= starts - settings.booking.changeDeadlineHours * 3_600_000;
}

export function inviteOf(booking: BookingRow, quote: SavedQuote, settings: Settings, now = new Date()): string {
  const { company } = settings;
  const host = company.email.split('@')[1] ?? 'localhost';
  const crew = settings.booking.crews.find((c) => c.id === booking.crewId);
  return installationInvite({
    uid: `booking-${booking.id}@${host}`,
    sequence: booking.sequence,
    status: booking.status === 'canceled' ? 'canceled' : 'confirmed',
    summary: `Security installation by ${company.name}`,
    description: `${crew?.name ?? 'Our crew'} installs your system. Questions or changes: ${company.phone}, ${company.email}.`,
    location: quote.revision.snapshot.customer?.addresses[0] ? Object.values(quote.revision.snapshot.customer.addresses[0]).filter(Boolean).join(', ') : company.address,
    organizer: { name: company.name, email: company.email },
    days: booking.days,
    ...hoursOf(booking, settings),
    timeZone: settings.timeZone,
    stamp: now,
  });
}

export function describeBooking(booking: Pick<BookingRow, 'days' | 'window'>, settings: Settings): string {
  const { start, end } = hoursOf(booking, settings);
  const first = formatDate(booking.days[0]!, settings.locale);
  const days = booking.days.length > 1 ? `${first} to ${formatDate(booking.days.at(-1)!, settings.locale)} (${booking.days.length} working days)` : first;
  return `${days}, ${start} to ${end}`;
}

const mailWords = {
  'booking.confirmed': 'Your installation is booked',
  'booking.rescheduled': 'Your installation has moved',
  'booking.canceled': 'Your installation is canceled',
} as const;

function bookingMail(kind: keyof typeof mailWords, to: string, booking: BookingRow, quote: SavedQuote, ctx: BookingContext, now: Date): MailMessage {
  const blocks = [
    { p: `${mailWords[kind]}: ${describeBooking(booking, ctx.settings)}.` },
    { p: kind === 'booking.canceled' ? 'The attached invite removes it from your calendar.' : 'The attached invite puts it in your calendar; it updates itself if the date changes.' },
    { link: { label: 'Your quote and booking', url: ctx.url } },
    companyFooter(ctx.settings),
  ];
  return {
    kind: 'booking-confirmation',
    to,
    replyTo: ctx.mail.installerEmail,
    subject: `${mailWords[kind]}: ${formatDate(booking.days[0]!, ctx.settings.locale)}`,
    text: renderText(blocks),
    html: renderHtml(blocks),
    attachments: [{ filename: 'installation.ics', contentType: `text/calendar; charset=utf-8; method=${kind === 'booking.canceled' ? 'CANCEL' : 'PUBLISH'}`, content: inviteOf(booking, quote, ctx.settings, now) }],
  };
}

type BookingEvent = 'booking.held' | BookingNoticeKind;

/** A hold waits for the deposit: only a booking that stands moves the pipeline. */
const pipelineEventOf: Record<BookingNoticeKind, PipelineEvent> = {
  'booking.confirmed': { type: 'schedule' },
  'booking.rescheduled': { type: 'reschedule' },
  'booking.canceled': { type: 'cancel_booking' },
};

/** The booking's timeline event, the pipeline's move, the customer's invite and the note to staff, in one transaction. */
async function record(db: Database, kind: BookingEvent, booking: BookingRow, quote: SavedQuote, ctx: BookingContext, now: Date, actor: 'customer' | 'system' = 'customer'): Promise<void> {
  const request = await requestOfQuote(db, quote.id);
  const messages: MailMessage[] = [];
  if (request && kind !== 'booking.held') {
    const staffUrl = new URL(`/staff/requests/${request.reference}`, ctx.url).href;
    const crew = ctx.settings.booking.crews.find((c) => c.id === booking.crewId)?.name ?? booking.crewId;
    const staffInbox = await staffInboxFor(db, { requestId: request.id }, ctx.mail.installerEmail);
    messages.push(bookingMail(kind, request.contactEmail, booking, quote, ctx, now), staffBookingNotice(kind, staffInbox, { ...request, staffUrl }, { when: describeBooking(booking, ctx.settings), crew }));
  }
  await recordQuoteEvent(db, {
    quoteId: quote.id,
    requestId: request?.id ?? null,
    event: { kind, actor, detail: { crewId: booking.crewId, days: booking.days, window: booking.window, sequence: booking.sequence } },
    messages,
    now,
    ...(kind !== 'booking.held' && { pipelineEvent: pipelineEventOf[kind] }),
  });
}

export type BookOutcome = { ok: true; booking: BookingRow } | { ok: false; reason: 'taken' | 'too-late' };

/**
 * Books (or moves) the quote's installation to the picked window: held for settings.booking.holdMinutes
 * when the deposit is still to be paid online, confirmed otherwise.
 */
export async function bookWindow(db: Database, quote: SavedQuote, pick: Pick<Slot, 'start' | 'window'>, waitForDeposit: boolean, ctx: BookingContext): Promise<BookOutcome> {
  const now = ctx.now ?? new Date();
  const current = await activeBooking(db, quote.id);
  if (current && !changeable(current, ctx.settings, now)) return { ok: false, reason: 'too-late' };
  const slots = await openSlotsFor(db, quote, ctx.settings, now);
  const slot = slots.find((s) => s.start === pick.start && s.window === pick.window);
  if (!slot) return { ok: false, reason: 'taken' };
  const held = waitForDeposit && current?.status !== 'confirmed';
  const id = current?.id ?? newRowId();
  const stored = await storeBooking(
    db,
    { id, quoteId: quote.id, crewId: slot.crewId, days: slot.days, window: slot.window, status: held ? 'held' : 'confirmed', heldUntil: held ? new Date(now.getTime() + ctx.settings.booking.holdMinutes * 60_000) : null, createdAt: now },
    unitsOf(slot),
    current?.id ?? null,
  );
  if (!stored) return { ok: false, reason: 'taken' };
  const booking = (await getBooking(db, id))!;
  await record(db, current ? 'booking.rescheduled' : held ? 'booking.held' : 'booking.confirmed', booking, quote, ctx, now);
  return { ok: true, booking };
}

/** The deposit was paid: the held window becomes the booking, with its invite mailed. */
export async function confirmOnPayment(db: Database, quote: SavedQuote, ctx: BookingContext): Promise<BookingRow | null> {
  const booking = await confirmHeld(db, quote.id);
  if (booking) await record(db, 'booking.confirmed', booking, quote, ctx, ctx.now ?? new Date(), 'system');
  return booking;
}

export async function cancelBooking(db: Database, quote: SavedQuote, ctx: BookingContext): Promise<BookOutcome> {
  const now = ctx.now ?? new Date();
  const current = await activeBooking(db, quote.id);
  if (!current || !changeable(current, ctx.settings, now)) return { ok: false, reason: 'too-late' };
  const booking = await cancelBookingRow(db, current.id);
  await record(db, 'booking.canceled', booking, quote, ctx, now);
  return { ok: true, booking };
}
