import type { APIContext, APIRoute } from 'astro';
import { clientAddress, limit, type Bucket } from './rate-limit';
import { logger } from '../ops/log';
import { problem } from './problem';

/**
 * Wraps an API route so that nothing escapes as an HTML error page: an unexpected failure becomes a
 * 500 problem (and is logged), while bad input is answered by the route itself with a 4xx.
 */
export function apiRoute(handler: (context: APIContext) => Promise<Response>): APIRoute {
  return async (context) => {
    try {
      return await handler(context);
    } catch (error) {
      // The route's pattern, not its address: an address may hold ids a log must not keep.
      logger().error({ err: error, requestId: context.locals.requestId, method: context.request.method, route: context.routePattern }, 'API route failed');
      return problem('internal-error', 'The server could not complete the request. Nothing was stored. Please try again later.');
    }
  };
}

/** A 429 problem with Retry-After when the client used up its allowance; undefined when it may go on. */
export async function rateLimited(context: APIContext, bucket: Bucket): Promise<Response | undefined> {
  const result = await limit(bucket, clientAddress(context.request, context.clientAddress));
  if (result.ok) return undefined;
  return problem('rate-limited', result.message, { retryAfterSeconds: result.retryAfterSeconds, headers: { 'Retry-After': String(result.retryAfterSeconds) } });
}
