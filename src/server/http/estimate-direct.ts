import type { IncomingMessage, ServerResponse } from 'node:http';
import { failedRoute, rateLimitAnswer } from './api';
import { readNodeJsonBody } from './body';
import { estimateAnswer } from './estimate-answer';
import type { Answer } from './problem';
import { clientAddressFrom } from './rate-limit';

/**
 * POST /api/estimate answered from the Node request itself, by the server entry: the configurator
 * calls it on every change, and Astro's pipeline around it (a Fetch Request and its body stream,
 * routing, middleware, the render context, a Response streamed back) cost more than pricing the
 * configuration. The rate limit, body checks, answer and failure handling are the route's own
 * (src/pages/api/estimate.ts), called the same way. The entry sends only the exact address with a
 * JSON body here, for which Astro's middleware (the `?_action=` check) and its cross-site form check
 * (form content types only) do nothing; the security headers, request id, log line, 405 and
 * compression are the entry's, as for every route.
 *
 * `drainLimit` is the adapter's bodySizeLimit, which bounds how much of a too-large chunked body is read.
 */
export async function answerEstimate(request: IncomingMessage, response: ServerResponse, requestId: string, drainLimit: number): Promise<void> {
  let answer: Answer;
  try {
    // As Astro's clientAddress: the TCP peer (it trusts no forwarded header unless allowedDomains is set, and none is).
    const forwardedFor = request.headers['x-forwarded-for'];
    const address = clientAddressFrom(Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor, request.socket.remoteAddress);
    answer = (await rateLimitAnswer('estimates', address)) ?? (await pricedBody(request, drainLimit));
  } catch (error) {
    answer = failedRoute(error, { requestId, method: request.method, route: '/api/estimate' });
  }
  const body = Buffer.from(answer.body);
  response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(body.byteLength) });
  response.end(body);
}

async function pricedBody(request: IncomingMessage, drainLimit: number): Promise<Answer> {
  const body = await readNodeJsonBody(request, drainLimit);
  return body.ok ? estimateAnswer(body.value) : body.answer;
}
