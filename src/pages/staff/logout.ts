import type { APIRoute } from 'astro';
import { getDb } from '~/server/db/client';
import { clearSessionCookie, readSessionCookie } from '~/server/staff/cookie';
import { endSession } from '~/server/staff/sessions';

/** POST /staff/logout: ends this browser's session (the row too, so the cookie is worthless if copied). */
export const prerender = false;

export const POST: APIRoute = async ({ cookies, url, redirect }) => {
  await endSession(await getDb(), readSessionCookie(cookies, url));
  clearSessionCookie(cookies, url);
  return redirect('/staff/login?signed-out', 303);
};
