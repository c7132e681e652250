import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import type { CustomerRequest } from '~/domain/requests/request';
import { reminderDueAt } from '~/domain/scheduling/reminder';
import { openDatabase, type Database } from '~/server/db/client';
import { outbox, timelineEvents } from '~/server/db/schema';
import { bookWindow, cancelBooking, describeBooking, hoursOf, openSlotsFor, type BookingContext } from '~/server/scheduling/booking';
import { queueDueReminders, type ReminderContext } from '~/server/scheduling/reminders';
import type { BookingRow } from '~/server/scheduling/store';
import type { SavedQuote } from '~/server/quotes/quote';
import { submitRequest } from '~/server/requests/submit';
import { backends, createPostgresDatabase, type TestDatabase } from '../../helpers/db';

/**
 * The reminder before an installation: queued once its time comes (settings.booking.reminderDaysBefore
 * days before, at the arrival time, in the installer's zone), once per date of a booking however
 * many workers run at once, again for the new date after a move, and never for a canceled booking.
 * The race runs on one PGlite and, with DATABASE_URL, between two connection pools (two instances)
 * on one PostgreSQL database.
 */

const { settings } = fixtureData;
const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]);
const mail = { settings, installerEmail: 'office@installer.example' };
const siteUrl = 'https://quotes.example.com';
// The database stamps a booking with its own clock (updated_at), so the test books at the real time.
const booked = new Date();
const bookingCtx: BookingContext = { settings, mail, url: `${siteUrl}/quote/x`, now: booked };
const reminderCtx = (now: Date): ReminderContext => ({ settings, mail, siteUrl, now });
let people = 0;

const dueOf = (booking: BookingRow) => reminderDueAt({ firstDay: booking.days[0]!, arrival: hoursOf(booking, settings).start, daysBefore: settings.booking.reminderDaysBefore, timeZone: settings.timeZone });

async function bookedQuote(db: Database, slotIndex = 0): Promise<{ quote: SavedQuote; booking: BookingRow; email: string }> {
  const email = `reminded${++people}-${Math.random().toString(36).slice(2)}@example.com`;
  const request: CustomerRequest = { kind: 'installation', contact: { name: 'Robin Reminded', email }, addresses: [{ siteId: 'site-1', line1: '1 Main St', city: 'Bayview', postalCode: '12345' }], windows: [], consent: true, configuration };
  const quote = (await submitRequest(db, request, { data: fixtureData, mail: { ...mail, siteUrl }, now: booked })).quote!;
  const slots = await openSlotsFor(db, quote, settings, booked);
  const outcome = await bookWindow(db, quote, slots[slotIndex]!, false, bookingCtx);
  if (!outcome.ok) throw new Error(`booking failed: ${outcome.reason}`);
  return { quote, booking: outcome.booking, email };
}

const remindersTo = (db: Database, email: string) => db.select().from(outbox).where(and(eq(outbox.kind, 'installation-reminder'), eq(outbox.to, email)));

describe.each(backends)('installation reminders on $name', (backend) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await backend.open();
  }, 60_000);
  afterAll(async () => handle?.dispose());

  it('is queued once its time comes, once, with the date and the quote link', async () => {
    const { quote, booking, email } = await bookedQuote(handle.db);
    const due = dueOf(booking);
    await queueDueReminders(handle.db, reminderCtx(new Date(due - 60_000)));
    expect(await remindersTo(handle.db, email)).toHaveLength(0);
    await queueDueReminders(handle.db, reminderCtx(new Date(due + 60_000)));
    await queueDueReminders(handle.db, reminderCtx(new Date(due + 3_600_000)));
    const [reminder, ...others] = await remindersTo(handle.db, email);
    expect(others).toHaveLength(0);
    expect(reminder!.text).toContain(`we install your security system on ${describeBooking(booking, settings)}.`);
    expect(reminder!.text).toContain(`${siteUrl}/quote/${quote.publicId}`);
    const events = await handle.db.select().from(timelineEvents).where(and(eq(timelineEvents.quoteId, quote.id), eq(timelineEvents.kind, 'booking.reminded')));
    expect(events).toHaveLength(1);
  });

  it('lets one of several workers running at once queue it', async () => {
    const { booking, email } = await bookedQuote(handle.db, 1);
    const at = reminderCtx(new Date(dueOf(booking) + 60_000));
    await Promise.all(Array.from({ length: 4 }, () => queueDueReminders(handle.db, at)));
    expect(await remindersTo(handle.db, email)).toHaveLength(1);
  });

  it('sends a new one for the new date after a move, and none for a canceled booking', async () => {
    const { quote, booking, email } = await bookedQuote(handle.db, 2);
    await queueDueReminders(handle.db, reminderCtx(new Date(dueOf(booking) + 60_000)));
    const slots = await openSlotsFor(handle.db, quote, settings, booked);
    const later = slots.find((slot) => slot.start > booking.days.at(-1)!)!;
    const moved = await bookWindow(handle.db, quote, later, false, bookingCtx);
    expect(moved.ok).toBe(true);
    const movedBooking = (moved as { booking: BookingRow }).booking;
    await queueDueReminders(handle.db, reminderCtx(new Date(dueOf(movedBooking) + 60_000)));
    const reminders = await remindersTo(handle.db, email);
    expect(reminders.map((r) => r.subject)).toHaveLength(2);
    expect(new Set(reminders.map((r) => r.subject)).size).toBe(2);

    const canceled = await bookedQuote(handle.db, 3);
    expect((await cancelBooking(handle.db, canceled.quote, bookingCtx)).ok).toBe(true);
    await queueDueReminders(handle.db, reminderCtx(new Date(dueOf(canceled.booking) + 60_000)));
    expect(await remindersTo(handle.db, canceled.email)).toHaveLength(0);
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))('installation reminders from two instances on one PostgreSQL database', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let one: Database;
  let two: Database;
  let close: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    database = await createPostgresDatabase(process.env.DATABASE_URL!);
    const handles = [await openDatabase({ url: database.url }), await openDatabase({ url: database.url })];
    [one, two] = handles.map((h) => h.db) as [Database, Database];
    close = handles.map((h) => h.close);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(close.map((c) => c()));
    await database?.drop();
  });

  it('queues each due reminder once when both run at the same moment', async () => {
    // The first open windows: both start days after the later one's reminder is due.
    const bookedQuotes = [await bookedQuote(one, 0), await bookedQuote(one, 0), await bookedQuote(one, 0)];
    const at = reminderCtx(new Date(Math.max(...bookedQuotes.map((b) => dueOf(b.booking))) + 60_000));
    const [a, b] = await Promise.all([queueDueReminders(one, at), queueDueReminders(two, at)]);
    expect(a + b).toBe(bookedQuotes.length);
    for (const { email } of bookedQuotes) expect(await remindersTo(one, email)).toHaveLength(1);
  });
});
