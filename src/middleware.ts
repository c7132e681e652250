import { defineMiddleware, sequence } from 'astro:middleware';
import { clientAddress } from './server/http/rate-limit';
import { withClient } from './server/http/request-scope';
import { staffGuard } from './server/staff/middleware';

/**
 * Every action takes form data (the request forms post to them). Astro reads a JSON body before it
 * looks at what the action accepts, and a malformed one escapes as a 500; so an action request that is
 * not form data is refused here, before Astro parses it, with the 415 Astro gives a well-formed one.
 */
const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

function isActionRequest(url: URL): boolean {
  return url.pathname.startsWith('/_actions/') || url.searchParams.has('_action');
}

const actionBodies = defineMiddleware((context, next) => {
  if (context.request.method !== 'POST' || !isActionRequest(context.url)) return next();
  const type = context.request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  // The action's input schema counts the attempt against this client's submission limit (actions/index.ts).
  if (type === undefined || formTypes.includes(type)) return withClient(clientAddress(context.request, context.clientAddress), next);
  return new Response('Send the form as application/x-www-form-urlencoded or multipart/form-data.', {
    status: 415,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
});

/** Action bodies are checked first; then staff routes get their guard (src/server/staff/guard.ts). */
export const onRequest = sequence(actionBodies, staffGuard);
