import { z } from 'astro/zod';
import { checkConfiguration, decodeConfiguration } from '../../../domain/configuration/check';
import type { CheckedResult } from '../../../domain/configuration/link';
import { runChecks } from '../../../domain/checks';
import { loadData } from '../../../server/data';
import { apiRoute, rateLimited } from '../../../server/http/api';
import { readJsonBody } from '../../../server/http/body';
import { json, problem, toFieldErrors } from '../../../server/http/problem';

/**
 * POST /api/configurations/check: `{ code }` (a share code) or `{ configuration }` in; out, the
 * configuration as the schema reads it with today's catalog and its engineering checks, or why it
 * cannot be used (`ok: false` with a reason, a message and the path of every problem). The
 * configurator asks here rather than shipping the schema and the checks to the browser (together
 * they would take it past its JavaScript budget). Nothing is stored.
 */
export const prerender = false;

const bodySchema = z.union([z.object({ code: z.string().max(60_000, 'A share code is at most 60,000 characters') }), z.object({ configuration: z.unknown() })], {
  error: 'Send either a share code as "code" or a configuration as "configuration"',
});

export const POST = apiRoute(async (context) => {
  const limited = await rateLimited(context, 'estimates');
  if (limited) return limited;
  const body = await readJsonBody(context.request);
  if (!body.ok) return body.response;
  const parsed = bodySchema.safeParse(body.value);
  if (!parsed.success || ('configuration' in parsed.data && parsed.data.configuration === undefined)) {
    return problem('validation-error', 'Nothing to check.', { errors: toFieldErrors(parsed.success ? [{ path: ['configuration'], message: 'Send the configuration to check' }] : parsed.error.issues) });
  }
  const data = await loadData();
  const result = 'code' in parsed.data ? await decodeConfiguration(parsed.data.code, data.catalog) : checkConfiguration(parsed.data.configuration, data.catalog);
  const answer: CheckedResult = result.ok ? { ...result, checks: runChecks(result.configuration, data) } : result;
  return json(answer, { headers: { 'Cache-Control': 'no-store' } });
});
