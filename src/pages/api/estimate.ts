import { apiRoute, rateLimited } from '~/server/http/api';
import { readJsonBody } from '~/server/http/body';
import { estimateAnswer } from '~/server/http/estimate-answer';
import { toResponse } from '~/server/http/problem';

/**
 * POST /api/estimate (see src/server/http/estimate-answer.ts). The server entry answers the usual
 * form of it (`POST /api/estimate`, a JSON body) itself, without Astro's request pipeline
 * (src/server/http/direct-api.ts); this route answers the rest (a query string, a trailing
 * slash, another content type) and the dev server.
 */
export const prerender = false;

export const POST = apiRoute(async (context) => {
  const limited = await rateLimited(context, 'estimates');
  if (limited) return limited;
  const body = await readJsonBody(context.request);
  if (!body.ok) return body.response;
  return toResponse(await estimateAnswer(body.value));
});
