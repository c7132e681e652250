import type { Catalog } from '~/domain/catalog/catalog';
import { runChecks } from '~/domain/checks';
import type { Configuration } from '~/domain/configuration/configuration';
import { estimate } from '~/domain/estimate/estimate';
import { validate } from '~/domain/issues';
import { recommend } from '~/domain/recommend/recommend';
import { installerToday } from '~/domain/settings/today';
import { loadData } from '~/server/content/collections';
import { apiRoute, rateLimited } from '~/server/http/api';
import { readJsonBody } from '~/server/http/body';
import { estimateBodiesFor, premisesBody } from '~/server/http/request-bodies';
import { json, problem, toFieldErrors } from '~/server/http/problem';
import type { PricedConfiguration, RecommendationAnswer } from '~/server/http/responses';

/**
 * POST /api/estimate, priced by the server with today's catalog; nothing is stored.
 * - `{ configuration }` in: `{ estimate, checks }` out.
 * - `{ premises }` in (the needs assessment's answers): `{ recommendation }` out, with the three
 *   packages, each a configuration with its estimate and checks.
 */
export const prerender = false;

/** Built once per catalog, which is loaded once per process. */
const configurationBodies = new WeakMap<Catalog, ReturnType<typeof estimateBodiesFor>>();

export const POST = apiRoute(async (context) => {
  const limited = await rateLimited(context, 'estimates');
  if (limited) return limited;
  const body = await readJsonBody(context.request);
  if (!body.ok) return body.response;
  const data = await loadData();
  const { catalog } = data;
  const today = installerToday(data.settings);
  const priced = (configuration: Configuration) => ({ estimate: estimate(configuration, data, { today }), checks: runChecks(configuration, data) });

  if (typeof body.value === 'object' && body.value !== null && 'premises' in body.value) {
    const parsed = validate(premisesBody, body.value);
    if (!parsed.ok) return problem('validation-error', 'The premises cannot be read as sent.', { errors: toFieldErrors(parsed.issues) });
    const { audience, start, packages } = recommend(parsed.value.premises, data);
    const offers = Object.fromEntries(Object.entries(packages).map(([tier, configuration]) => [tier, { configuration, ...priced(configuration) }])) as RecommendationAnswer['recommendation']['packages'];
    const answer: RecommendationAnswer = { pricedOn: today, recommendation: { audience, start, packages: offers } };
    return json(answer, { headers: { 'Cache-Control': 'no-store' } });
  }

  let schemas = configurationBodies.get(catalog);
  if (!schemas) configurationBodies.set(catalog, (schemas = estimateBodiesFor(catalog)));
  const parsed = validate(schemas.configuration, body.value);
  if (!parsed.ok) {
    return problem('validation-error', 'The configuration cannot be priced as sent.', { errors: toFieldErrors(parsed.issues) });
  }
  const answer: PricedConfiguration = { pricedOn: today, ...priced(parsed.value.configuration) };
  return json(answer, { headers: { 'Cache-Control': 'no-store' } });
});
