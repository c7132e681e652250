import { validate } from '~/domain/issues';
import { loadData } from '~/server/content/collections';
import { getDb } from '~/server/db/client';
import { apiRoute, rateLimited } from '~/server/http/api';
import { readJsonBody } from '~/server/http/body';
import { json, problem, toFieldErrors } from '~/server/http/problem';
import { shortLinkBodyFor } from '~/server/http/request-bodies';
import type { ShortLinkCreated } from '~/server/http/responses';
import { siteUrl } from '~/server/http/site-url';
import { createShortLink, shortLinkPath } from '~/server/share/short-links';

/**
 * POST /api/short-links: `{ configuration }` in, `{ id, path, url }` out (201). The configuration is
 * checked with today's catalog and stored under an unguessable id; anything beside it (a name, an
 * email address) is refused with a 422 naming the field. Every call counts against the submissions
 * allowance, valid or not, as a request does: a flood of broken bodies is stopped too.
 */
export const prerender = false;

export const POST = apiRoute(async (context) => {
  const limited = await rateLimited(context, 'submissions');
  if (limited) return limited;
  const body = await readJsonBody(context.request);
  if (!body.ok) return body.response;
  const { catalog } = await loadData();
  const parsed = validate(shortLinkBodyFor(catalog), body.value);
  if (!parsed.ok) {
    return problem('validation-error', 'The configuration cannot be shared as sent; nothing was stored.', { errors: toFieldErrors(parsed.issues) });
  }
  const id = await createShortLink(await getDb(), parsed.value.configuration);
  const path = shortLinkPath(id);
  const answer: ShortLinkCreated = { id, path, url: new URL(path, siteUrl(context.site, context.url)).href };
  return json(answer, { status: 201, headers: { 'Cache-Control': 'no-store', Location: path } });
});
