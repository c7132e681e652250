import type { MiddlewareHandler } from 'astro';
import { getDb } from '../db/client';
import { problem } from '../http/problem';
import { readSessionCookie } from './cookie';
import { guard, isStaffApi, isStaffPath } from './guard';
import { resumeSession } from './sessions';

/**
 * The staff guard in Astro's middleware: every staff page, API route and action. It reads the
 * session (Astro.locals.staff for the page), answers what guard.ts decides, and marks every staff
 * answer private and unindexed, whatever the page itself sets.
 */

function privateAnswer(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', 'no-store');
  headers.set('X-Robots-Tag', 'noindex');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export const staffGuard: MiddlewareHandler = async (context, next) => {
  if (!isStaffPath(context.url)) return next();
  const token = readSessionCookie(context.cookies, context.url);
  const user = token ? await resumeSession(await getDb(), token) : null;
  context.locals.staff = user ?? undefined;
  const decision = guard(context.url, user);
  switch (decision.kind) {
    case 'public':
    case 'allowed':
      return privateAnswer(await next());
    case 'sign-in':
      return privateAnswer(new Response(null, { status: 303, headers: { Location: decision.location } }));
    case 'unauthorized':
      return privateAnswer(problem('unauthorized', 'Sign in to the staff portal first (POST /staff/login), then send the session cookie it sets.'));
    case 'forbidden': {
      if (isStaffApi(context.url.pathname) || context.url.searchParams.has('_action')) return privateAnswer(problem('forbidden', decision.reason));
      context.locals.forbiddenReason = decision.reason;
      const page = await next('/staff/forbidden');
      return privateAnswer(new Response(page.body, { status: 403, headers: page.headers }));
    }
  }
};
