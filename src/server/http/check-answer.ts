import { MAX_DECODED_BYTES } from '~/domain/configuration/link';
import { checkConfiguration } from '~/domain/configuration/open';
import { validate } from '~/domain/issues';
import { installerToday } from '~/domain/settings/today';
import { loadData } from '../content/collections';
import { jsonAnswer, problemAnswer, toFieldErrors, type Answer } from './problem';
import { checkBody } from './request-bodies';
import type { CheckedConfiguration } from './responses';

/**
 * What POST /api/configurations/check answers to a JSON body: `{ code }` (a share code) or
 * `{ configuration }` in; out, the configuration as the schema reads it with today's catalog, its
 * estimate, each phase's total and its engineering checks, or why it cannot be used (`ok: false`
 * with a reason, a message and the path of every problem). The configurator asks here after each
 * change rather than shipping the schema, the pricing and the checks to the browser: prices are the
 * server's to compute, and together they would take it past its JavaScript budget. Nothing is
 * stored. The Astro route (src/pages/api/configurations/check.ts) and the server entry's direct
 * path (direct-api.ts) both answer with it.
 */
export async function checkAnswer(body: unknown): Promise<Answer> {
  const parsed = validate(checkBody, body);
  if (!parsed.ok || ('configuration' in parsed.value && parsed.value.configuration === undefined)) {
    return problemAnswer('validation-error', 'Nothing to check.', { errors: toFieldErrors(parsed.ok ? [{ path: ['configuration'], message: 'Send the configuration to check' }] : parsed.issues) });
  }
  const data = await loadData();
  const result = await checkConfiguration(parsed.value, data, installerToday(data.settings));
  if (!result.ok && result.reason === 'too-large') {
    return problemAnswer('payload-too-large', `The share code inflates to more than ${MAX_DECODED_BYTES.toLocaleString('en-US')} bytes, more than any configuration needs; it was not read.`);
  }
  return jsonAnswer(result satisfies CheckedConfiguration, { headers: { 'Cache-Control': 'no-store' } });
}
