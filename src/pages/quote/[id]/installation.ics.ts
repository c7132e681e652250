import type { APIRoute } from 'astro';
import { loadData } from '~/server/content/collections';
import { getDb } from '~/server/db/client';
import { inviteOf } from '~/server/scheduling/booking';
import { activeBooking } from '~/server/scheduling/store';
import { getQuoteByPublicId } from '~/server/quotes/store';

/** The booked installation as an iCalendar file, from the quote link (the link is its only key). */
export const prerender = false;

export const GET: APIRoute = async ({ params }) => {
  const [db, { settings }] = await Promise.all([getDb(), loadData()]);
  const quote = await getQuoteByPublicId(db, params.id ?? '');
  const booking = quote && (await activeBooking(db, quote.id));
  if (!quote || !booking || booking.status !== 'confirmed') return new Response('No booked installation for this link.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  return new Response(inviteOf(booking, quote, settings), {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'attachment; filename="installation.ics"',
      'cache-control': 'private, no-store',
      'x-robots-tag': 'noindex, nofollow',
    },
  });
};
