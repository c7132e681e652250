import { validate } from '~/domain/issues';
import { submissionFieldsSchema } from '~/domain/requests/request';
import { apiRoute } from '~/server/http/api';
import { readJsonBody } from '~/server/http/body';
import { json, problem, toFieldErrors } from '~/server/http/problem';
import type { RequestReceived } from '~/server/http/responses';
import { clientAddress } from '~/server/http/rate-limit';
import { siteUrl } from '~/server/http/site-url';
import { submit } from '~/server/requests/submissions';

/**
 * POST /api/requests: an installation or a service request as JSON (`kind` tells which; see
 * /api/schema/request). Send an `Idempotency-Key` header (16–100 letters, digits, - or _) and retry
 * with the same key as often as needed: the request is stored once, and a retry gets the stored
 * result with `Idempotent-Replayed: true`. 201 when stored; every field error in one 422 problem.
 */
export const prerender = false;

export const POST = apiRoute(async (context) => {
  const header = context.request.headers.get('idempotency-key') ?? undefined;
  const key = validate(submissionFieldsSchema.shape.idempotencyKey, header);
  if (!key.ok) {
    return problem('validation-error', 'The Idempotency-Key header is not usable.', {
      errors: toFieldErrors(key.issues).map((e) => ({ ...e, path: 'Idempotency-Key', pointer: '', in: 'header' })),
    });
  }
  const body = await readJsonBody(context.request);
  if (!body.ok) return body.response;
  const value = body.value;
  const honeypot = value && typeof value === 'object' && 'website' in value ? String((value as { website: unknown }).website ?? '') : undefined;

  const outcome = await submit('any', value, {
    idempotencyKey: key.value,
    honeypot,
    clientKey: clientAddress(context.request, context.clientAddress),
    site: siteUrl(context.site, context.url),
  });

  if (!outcome.ok) {
    switch (outcome.reason) {
      case 'invalid':
        return problem('validation-error', `${outcome.issues.length === 1 ? 'One field needs' : `${outcome.issues.length} fields need`} attention; nothing was stored.`, {
          errors: toFieldErrors(outcome.issues),
        });
      case 'rejected':
        return problem('rejected', 'The field "website" must be left empty; nothing was stored.');
      case 'rate-limited':
        return problem('rate-limited', outcome.message, { retryAfterSeconds: outcome.retryAfterSeconds, headers: { 'Retry-After': String(outcome.retryAfterSeconds) } });
      case 'conflict':
        return problem('idempotency-conflict', 'This Idempotency-Key was already used for a different request; nothing was stored.');
    }
  }

  const { request, quoteUrl } = outcome;
  const quote = request.quote;
  const answer: RequestReceived = {
    reference: request.reference,
    kind: request.kind,
    status: 'received',
    receivedAt: request.createdAt.toISOString(),
    replayed: request.replayed,
    quote: quote && quoteUrl
      ? { id: quote.publicId, url: quoteUrl, pricedOn: quote.revision.snapshot.pricedOn, validUntil: quote.revision.validUntil, estimate: quote.revision.snapshot.estimate }
      : null,
  };
  return json(answer, { status: request.replayed ? 200 : 201, headers: { 'Cache-Control': 'no-store', ...(request.replayed ? { 'Idempotent-Replayed': 'true' } : {}) } });
});
