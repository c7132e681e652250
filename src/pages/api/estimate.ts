import { z } from 'astro/zod';
import type { Catalog } from '../../domain/catalog/catalog';
import { runChecks } from '../../domain/checks';
import { configurationSchemaFor, type Configuration } from '../../domain/configuration/configuration';
import { estimate } from '../../domain/estimate/estimate';
import { validate } from '../../domain/issues';
import { premisesSchema } from '../../domain/premises/premises';
import { recommend } from '../../domain/recommend/recommend';
import { installerToday } from '../../domain/settings/today';
import { loadData } from '../../server/content/collections';
import { apiRoute, rateLimited } from '../../server/http/api';
import { readJsonBody } from '../../server/http/body';
import { json, problem, toFieldErrors } from '../../server/http/problem';

/**
 * POST /api/estimate, priced by the server with today's catalog; nothing is stored.
 * - `{ configuration }` in: `{ estimate, checks }` out.
 * - `{ premises }` in (the needs assessment's answers): `{ recommendation }` out, with the three
 *   packages, each a configuration with its estimate and checks.
 */
export const prerender = false;

/** A body with `premises` asks for a recommendation; anything else is read as a configuration to price. */
const premisesBody = z.object({ premises: premisesSchema });

function configurationBodyFor(catalog: Catalog) {
  return z.object({
    configuration: z
      .unknown()
      .refine((value) => value !== undefined, { message: 'Send the configuration to price, as "configuration", or the premises to recommend for, as "premises"', abort: true })
      .pipe(configurationSchemaFor(catalog)),
  });
}

/** Built once per catalog, which is loaded once per process. */
const configurationBodies = new WeakMap<Catalog, ReturnType<typeof configurationBodyFor>>();

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
    const offers = Object.fromEntries(Object.entries(packages).map(([tier, configuration]) => [tier, { configuration, ...priced(configuration) }]));
    return json({ pricedOn: today, recommendation: { audience, start, packages: offers } }, { headers: { 'Cache-Control': 'no-store' } });
  }

  let schema = configurationBodies.get(catalog);
  if (!schema) configurationBodies.set(catalog, (schema = configurationBodyFor(catalog)));
  const parsed = validate(schema, body.value);
  if (!parsed.ok) {
    return problem('validation-error', 'The configuration cannot be priced as sent.', { errors: toFieldErrors(parsed.issues) });
  }
  return json({ pricedOn: today, ...priced(parsed.value.configuration) }, { headers: { 'Cache-Control': 'no-store' } });
});
