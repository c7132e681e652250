import { apiRoute, rateLimited } from '~/server/http/api';
import { readJsonBody } from '~/server/http/body';
import { checkAnswer } from '~/server/http/check-answer';
import { toResponse } from '~/server/http/problem';

/**
 * POST /api/configurations/check (see src/server/http/check-answer.ts). The server entry answers
 * the usual form of it (exactly this address, a JSON body) itself, without Astro's request pipeline
 * (src/server/http/direct-api.ts); this route answers the rest and the dev server.
 */
export const prerender = false;

export const POST = apiRoute(async (context) => {
  const limited = await rateLimited(context, 'estimates');
  if (limited) return limited;
  const body = await readJsonBody(context.request);
  if (!body.ok) return body.response;
  return toResponse(await checkAnswer(body.value));
});
