import { apiRoute } from '~/server/http/api';
import { json, problem, problemTypes, problemTypeUri } from '~/server/http/problem';

/** GET /api/problems/<type>: what each problem `type` URI in an error response means. */
export const prerender = false;

export const GET = apiRoute(async (context) => {
  const type = context.params.type ?? '';
  if (!Object.hasOwn(problemTypes, type)) return problem('not-found', `There is no problem type "${type}".`);
  const { status, title, description } = problemTypes[type as keyof typeof problemTypes];
  return json({ type: problemTypeUri(type as keyof typeof problemTypes), status, title, description }, { headers: { 'Cache-Control': 'public, max-age=3600' } });
});
