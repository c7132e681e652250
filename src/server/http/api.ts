import type { APIContext, APIRoute } from 'astro';
import { clientAddress, limit, type Bucket } from './rate-limit';
import { logger } from '../ops/log';
import { problemAnswer, toResponse, type Answer } from './problem';

/** What a failed API route logs and answers; `route` is its pattern, not its address: an address may hold ids a log must not keep. */
export function failedRoute(error: unknown, request: { requestId: string | undefined; method: string | undefined; route: string | undefined }): Answer {
  logger().error({ err: error, ...request }, 'API route failed');
  return problemAnswer('internal-error', 'The server could not complete the request. Nothing was stored. Please try again later.');
}

/**
 * Wraps an API route so that nothing escapes as an HTML error page: an unexpected failure becomes a
 * 500 problem (and is logged), while bad input is answered by the route itself with a 4xx.
 */
export function apiRoute(handler: (context: APIContext) => Promise<Response>): APIRoute {
  return async (context) => {
    try {
      return await handler(context);
    } catch (error) {
      return toResponse(failedRoute(error, { requestId: context.locals.requestId, method: context.request.method, route: context.routePattern }));
    }
  };
}

/** A 429 problem with Retry-After when the client at `address` used up its allowance; undefined when it may go on. */
export async function rateLimitAnswer(bucket: Bucket, address: string): Promise<Answer | undefined> {
  const result = await limit(bucket, address);
  if (result.ok) return undefined;
  return problemAnswer('rate-limited', result.message, { retryAfterSeconds: result.retryAfterSeconds, headers: { 'Retry-After': String(result.retryAfterSeconds) } });
}

/** The same as a Response, for an Astro route, with the client's address from its context. */
export async function rateLimited(context: APIContext, bucket: Bucket): Promise<Response | undefined> {
  const limited = await rateLimitAnswer(bucket, clientAddress(context.request, context.clientAddress));
  return limited && toResponse(limited);
}
