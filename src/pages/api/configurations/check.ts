import { MAX_DECODED_BYTES } from '~/domain/configuration/link';
import { openConfiguration, openShareCode } from '~/domain/configuration/open';
import { validate } from '~/domain/issues';
import { pricedEdit } from '~/domain/recommend/priced';
import { installerToday } from '~/domain/settings/today';
import { loadData } from '~/server/content/collections';
import { apiRoute, rateLimited } from '~/server/http/api';
import { readJsonBody } from '~/server/http/body';
import { checkBody } from '~/server/http/request-bodies';
import { json, problem, toFieldErrors } from '~/server/http/problem';
import type { CheckedConfiguration } from '~/server/http/responses';

/**
 * POST /api/configurations/check: `{ code }` (a share code) or `{ configuration }` in; out, the
 * configuration as the schema reads it with today's catalog, its estimate, each phase's total and
 * its engineering checks, or why it cannot be used (`ok: false` with a reason, a message and the
 * path of every problem). The
 * configurator asks here after each change rather than shipping the schema, the pricing and the
 * checks to the browser: prices are the server's to compute, and together they would take it past
 * its JavaScript budget. Nothing is stored.
 */
export const prerender = false;

export const POST = apiRoute(async (context) => {
  const limited = await rateLimited(context, 'estimates');
  if (limited) return limited;
  const body = await readJsonBody(context.request);
  if (!body.ok) return body.response;
  const parsed = validate(checkBody, body.value);
  if (!parsed.ok || ('configuration' in parsed.value && parsed.value.configuration === undefined)) {
    return problem('validation-error', 'Nothing to check.', { errors: toFieldErrors(parsed.ok ? [{ path: ['configuration'], message: 'Send the configuration to check' }] : parsed.issues) });
  }
  const data = await loadData();
  const result = 'code' in parsed.value ? await openShareCode(parsed.value.code, data.catalog) : openConfiguration(parsed.value.configuration, data.catalog);
  if (!result.ok && result.reason === 'too-large') {
    return problem('payload-too-large', `The share code inflates to more than ${MAX_DECODED_BYTES.toLocaleString('en-US')} bytes, more than any configuration needs; it was not read.`);
  }
  const answer: CheckedConfiguration = result.ok ? { ...result, ...pricedEdit(result.configuration, data, installerToday(data.settings)) } : result;
  return json(answer, { headers: { 'Cache-Control': 'no-store' } });
});
