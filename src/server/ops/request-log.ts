import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { logger } from './log';

/**
 * One log line per request, when its answer has been sent (or its connection dropped): request id,
 * method, route, status, duration. The route is the pattern (`/quote/[id]`) or a built file's path,
 * never the address as sent: no query strings, no quote ids. Nothing of the body is logged.
 */

/** An id a client or proxy may choose: short, and nothing a log viewer could misread. */
const safeRequestId = /^[A-Za-z0-9._-]{1,64}$/;

/** The incoming X-Request-Id when it is a short safe token (a proxy's id follows the request through), else a new one. */
export function requestIdFor(header: string | string[] | undefined): string {
  return typeof header === 'string' && safeRequestId.test(header) ? header : randomUUID();
}

export interface RequestLogEntry {
  requestId: string;
  /** Set once known: the route pattern, a built file's path, or null for an address nothing serves. */
  route: string | null;
}

export function logWhenAnswered(request: IncomingMessage, response: ServerResponse, entry: RequestLogEntry): void {
  const started = performance.now();
  let logged = false;
  const write = () => {
    if (logged) return;
    logged = true;
    const line = {
      requestId: entry.requestId,
      method: request.method,
      route: entry.route,
      status: response.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      // The client went away before the whole answer was written.
      ...(response.writableFinished ? {} : { aborted: true }),
    };
    logger().info(line, 'request');
  };
  response.once('finish', write);
  response.once('close', write);
}
