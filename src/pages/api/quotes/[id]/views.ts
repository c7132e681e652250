import { validate } from '~/domain/issues';
import { apiRoute, rateLimited } from '~/server/http/api';
import { readJsonBody } from '~/server/http/body';
import { problem, toFieldErrors } from '~/server/http/problem';
import { siteUrl } from '~/server/http/site-url';
import { recordView } from '~/server/views/record';
import { VIEW_BODY_LIMIT, viewReportSchema } from '~/server/views/report-schema';

/**
 * POST /api/quotes/{id}/views: the quote page's script reports that the customer has seen revision
 * `revision` of the quote behind link id `{id}`. 204 whether or not it was counted (staff sessions
 * and known bots are not), 404 for an unknown quote, 422 for a revision the quote does not have.
 */
export const prerender = false;

export const POST = apiRoute(async (context) => {
  const limited = await rateLimited(context, 'views');
  if (limited) return limited;
  const body = await readJsonBody(context.request, VIEW_BODY_LIMIT);
  if (!body.ok) return body.response;
  const report = validate(viewReportSchema, body.value);
  if (!report.ok) return problem('validation-error', 'The view report cannot be read; nothing was stored.', { errors: toFieldErrors(report.issues) });
  const outcome = await recordView({
    publicId: context.params.id ?? '',
    revision: report.value.revision,
    userAgent: context.request.headers.get('user-agent'),
    cookie: context.request.headers.get('cookie'),
    site: siteUrl(context.site, context.url),
  });
  if (outcome === 'no-quote') return problem('not-found', 'There is no quote at this address.');
  if (outcome === 'no-revision') {
    return problem('validation-error', `This quote has no revision ${report.value.revision}; nothing was stored.`, {
      errors: [{ path: 'revision', pointer: '/revision', message: 'not a revision of this quote' }],
    });
  }
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
});
