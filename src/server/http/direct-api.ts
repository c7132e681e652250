import type { IncomingMessage, ServerResponse } from 'node:http';
import { failedRoute, rateLimitAnswer } from './api';
import { readNodeJsonBody } from './body';
import { checkAnswer } from './check-answer';
import type { DirectPath } from './direct-paths';
import { estimateAnswer } from './estimate-answer';
import type { Answer } from './problem';
import { clientAddressFrom } from './rate-limit';

/**
 * POST /api/estimate and POST /api/configurations/check answered from the Node request itself, by
 * the server entry: the configurator asks for a check after each change, other tools price
 * configurations in bulk, and Astro's pipeline around them (a Fetch Request and its body stream,
 * routing, middleware, the render context, a Response streamed back) cost more than pricing the
 * configuration. The rate limit, body checks, answer and failure handling are the routes' own
 * (src/pages/api/estimate.ts, src/pages/api/configurations/check.ts), called the same way. The
 * entry sends only the exact addresses with a JSON body here, for which Astro's middleware (the
 * `?_action=` check) and its cross-site form check (form content types only) do nothing; the
 * security headers, request id, log line, 405 and compression are the entry's, as for every route.
 *
 * `drainLimit` is the adapter's bodySizeLimit, which bounds how much of a too-large chunked body is read.
 */
const answers: Record<DirectPath, (body: unknown) => Promise<Answer>> = {
  '/api/estimate': estimateAnswer,
  '/api/configurations/check': checkAnswer,
};

export async function answerDirectly(path: DirectPath, request: IncomingMessage, response: ServerResponse, requestId: string, drainLimit: number): Promise<void> {
  let answer: Answer;
  try {
    // As Astro's clientAddress: the TCP peer (it trusts no forwarded header unless allowedDomains is set, and none is).
    const forwardedFor = request.headers['x-forwarded-for'];
    const address = clientAddressFrom(Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor, request.socket.remoteAddress);
    answer = (await rateLimitAnswer('estimates', address)) ?? (await answerBody(answers[path], request, drainLimit));
  } catch (error) {
    answer = failedRoute(error, { requestId, method: request.method, route: path });
  }
  const body = Buffer.from(answer.body);
  response.writeHead(answer.status, { ...answer.headers, 'Content-Length': String(body.byteLength) });
  response.end(body);
}

async function answerBody(answerFor: (body: unknown) => Promise<Answer>, request: IncomingMessage, drainLimit: number): Promise<Answer> {
  const body = await readNodeJsonBody(request, drainLimit);
  return body.ok ? answerFor(body.value) : body.answer;
}
