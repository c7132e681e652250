import type { PipelineState } from '~/domain/pipeline/pipeline';
import type { Database } from '~/server/db/client';
import { bookingUnits, bookings, requests } from '~/server/db/schema';
import { newRowId } from '~/server/db/row-id';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { homeConfiguration, loadData } from './configuration';

/**
 * A request with an accepted quote, in a given pipeline state and with a booking if given, written
 * straight into a data directory before the server starts (the calendar's tests need bookings on
 * fixed days, which the customer's booking form only offers from today on; the deposit forms need
 * requests already accepted).
 */

export interface SeededBooking {
  crewId: string;
  days: string[];
  window: 'morning' | 'afternoon' | 'whole-days';
  status: 'held' | 'confirmed' | 'canceled';
}

/** Far enough ahead that no test sees a seeded hold released. */
const heldUntil = new Date('2099-01-01T00:00:00Z');

export async function seedAcceptedRequest(db: Database, name: string, state: PipelineState, booking?: SeededBooking): Promise<{ quote: SavedQuote; reference: string }> {
  const quote = await createQuote(db, { configuration: homeConfiguration(), firstName: name, status: 'accepted' }, loadData());
  const reference = `NG-${quote.id.slice(0, 6).toUpperCase()}`;
  await db.insert(requests).values({ id: newRowId(), reference, kind: 'installation', quoteId: quote.id, contactName: `${name} Customer`, contactEmail: `${name.toLowerCase()}@example.com`, addresses: [], preferredWindows: [], consent: true, consentedAt: new Date(), idempotencyKey: newRowId(), fingerprint: name, status: state });
  if (!booking) return { quote, reference };
  const id = newRowId();
  await db.insert(bookings).values({ id, quoteId: quote.id, ...booking, heldUntil: booking.status === 'held' ? heldUntil : null });
  if (booking.status !== 'canceled') {
    const halves = booking.window === 'whole-days' ? (['morning', 'afternoon'] as const) : [booking.window];
    await db.insert(bookingUnits).values(booking.days.flatMap((date) => halves.map((half) => ({ bookingId: id, crewId: booking.crewId, date, half }))));
  }
  return { quote, reference };
}
