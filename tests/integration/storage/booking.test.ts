import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import type { Settings } from '~/domain/settings/settings';
import { bookingUnits } from '~/server/db/schema';
import { bookWindow, cancelBooking, confirmOnPayment, openSlotsFor, type BookingContext } from '~/server/scheduling/booking';
import { activeBooking } from '~/server/scheduling/store';
import { createQuote } from '~/server/quotes/quote';
import { backends, type TestDatabase } from '../../helpers/db';

/**
 * Booking the installation: the database refuses a crew half-day taken twice (50 customers at once
 * for the last free crew-day: one wins), a hold waits for the deposit and is released once its time
 * passed, and a move or a cancellation gives the units back.
 */

const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }])]);
/** One crew, so the first open window is the last free one for that day and window. */
const settings: Settings = { ...fixtureData.settings, booking: { ...fixtureData.settings.booking, crews: [fixtureData.settings.booking.crews[0]!] } };
const now = new Date('2026-12-01T18:00:00Z');
const ctx = (at = now): BookingContext => ({ settings, mail: { settings, installerEmail: 'office@installer.example' }, url: 'https://quotes.example.com/quote/x', now: at });

describe.each(backends)('bookings on $name', (backend) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await backend.open();
  }, 60_000);
  afterAll(async () => handle?.dispose());

  const newQuote = () => createQuote(handle.db, { configuration, status: 'accepted' }, { ...fixtureData, settings }, now);

  it('lets exactly one of 50 concurrent customers take the last free crew-day', { timeout: 120_000 }, async () => {
    const quotes = await Promise.all(Array.from({ length: 50 }, newQuote));
    const [first] = await openSlotsFor(handle.db, quotes[0]!, settings, now);
    expect(first).toBeDefined();
    const outcomes = await Promise.all(quotes.map((quote) => bookWindow(handle.db, quote, first!, false, ctx())));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok).every((o) => !o.ok && o.reason === 'taken')).toBe(true);
    const units = await handle.db.select().from(bookingUnits).where(eq(bookingUnits.date, first!.start));
    expect(units.filter((u) => first!.window === 'whole-days' || u.half === first!.window)).toHaveLength(first!.window === 'whole-days' ? 2 : 1);
    const next = await openSlotsFor(handle.db, quotes[1]!, settings, now);
    expect(next.some((slot) => slot.start === first!.start && slot.window === first!.window)).toBe(false);
  });

  it('holds a window while the deposit is paid, confirms it on payment, and releases a hold whose time passed', async () => {
    const [paying, late] = await Promise.all([newQuote(), newQuote()]);
    const slots = await openSlotsFor(handle.db, paying, settings, now);
    const held = await bookWindow(handle.db, paying, slots[0]!, true, ctx());
    expect(held).toMatchObject({ ok: true, booking: { status: 'held', sequence: 0 } });
    expect(await confirmOnPayment(handle.db, paying, ctx())).toMatchObject({ status: 'confirmed', heldUntil: null });

    const lateHold = await bookWindow(handle.db, late, slots[1]!, true, ctx());
    expect(lateHold.ok).toBe(true);
    const afterHold = new Date(now.getTime() + (settings.booking.holdMinutes + 1) * 60_000);
    const reopened = await openSlotsFor(handle.db, late, settings, afterHold);
    expect(reopened.some((slot) => slot.start === slots[1]!.start && slot.window === slots[1]!.window)).toBe(true);
    expect(await activeBooking(handle.db, late.id)).toBeNull();
  });

  it('moves a booking with a higher sequence, cancels it, and refuses both after the deadline', async () => {
    const quote = await newQuote();
    const slots = await openSlotsFor(handle.db, quote, settings, now);
    const booked = await bookWindow(handle.db, quote, slots[0]!, false, ctx());
    const moved = await bookWindow(handle.db, quote, slots.at(-1)!, false, ctx());
    expect(moved).toMatchObject({ ok: true, booking: { id: booked.ok ? booked.booking.id : '', sequence: 1, days: slots.at(-1)!.days } });
    const tooLate = new Date(`${slots.at(-1)!.start}T12:00:00Z`);
    expect(await cancelBooking(handle.db, quote, ctx(tooLate))).toEqual({ ok: false, reason: 'too-late' });
    expect(await cancelBooking(handle.db, quote, ctx())).toMatchObject({ ok: true, booking: { status: 'canceled', sequence: 2 } });
    const reopened = await openSlotsFor(handle.db, quote, settings, now);
    expect(reopened.some((slot) => slot.start === slots[0]!.start && slot.window === slots[0]!.window)).toBe(true);
  });
});
