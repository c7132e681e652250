import type { Catalog } from '~/domain/catalog/catalog';
import { validate } from '~/domain/issues';
import { pricedPackage, pricedRecommendation } from '~/domain/recommend/priced';
import { installerToday } from '~/domain/settings/today';
import { loadData } from '../content/collections';
import { jsonAnswer, problemAnswer, toFieldErrors, type Answer } from './problem';
import { estimateBodiesFor, premisesBody } from './request-bodies';
import type { PricedConfiguration, RecommendationAnswer } from './responses';

/**
 * What POST /api/estimate answers to a JSON body, priced by the server with today's catalog; nothing is stored.
 * - `{ configuration }` in: `{ estimate, checks }` out.
 * - `{ premises }` in (the needs assessment's answers): `{ recommendation }` out, with the three
 *   packages, each a configuration with its estimate and checks.
 * The Astro route (src/pages/api/estimate.ts) and the server entry's direct path (direct-api.ts) both answer with it.
 */

/** Built once per catalog, which is loaded once per process. */
const configurationBodies = new WeakMap<Catalog, ReturnType<typeof estimateBodiesFor>>();

export async function estimateAnswer(body: unknown): Promise<Answer> {
  const data = await loadData();
  const { catalog } = data;
  const today = installerToday(data.settings);

  if (typeof body === 'object' && body !== null && 'premises' in body) {
    const parsed = validate(premisesBody, body);
    if (!parsed.ok) return problemAnswer('validation-error', 'The premises cannot be read as sent.', { errors: toFieldErrors(parsed.issues) });
    const answer: RecommendationAnswer = { pricedOn: today, recommendation: pricedRecommendation(parsed.value.premises, data, today) };
    return jsonAnswer(answer, { headers: { 'Cache-Control': 'no-store' } });
  }

  let schemas = configurationBodies.get(catalog);
  if (!schemas) configurationBodies.set(catalog, (schemas = estimateBodiesFor(catalog)));
  const parsed = validate(schemas.configuration, body);
  if (!parsed.ok) {
    return problemAnswer('validation-error', 'The configuration cannot be priced as sent.', { errors: toFieldErrors(parsed.issues) });
  }
  const { estimate, checks } = pricedPackage(parsed.value.configuration, data, today);
  const answer: PricedConfiguration = { pricedOn: today, estimate, checks };
  return jsonAnswer(answer, { headers: { 'Cache-Control': 'no-store' } });
}
