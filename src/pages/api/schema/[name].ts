import { installerToday } from '~/domain/settings/today';
import { loadData } from '~/server/content/collections';
import { apiRoute } from '~/server/http/api';
import { problem } from '~/server/http/problem';
import { isSchemaName, jsonSchema, schemaNames } from '~/server/http/schemas';
import { siteUrl } from '~/server/http/site-url';

/** GET /api/schema/<name>: one JSON Schema (draft 2020-12), generated from the zod schema that validates it. */
export const prerender = false;

export const GET = apiRoute(async (context) => {
  const name = context.params.name ?? '';
  if (!isSchemaName(name)) return problem('not-found', `There is no schema "${name}". Known schemas: ${schemaNames.join(', ')}.`);
  const { catalog, settings } = await loadData();
  return new Response(JSON.stringify(jsonSchema(name, catalog, installerToday(settings), siteUrl(context.site, context.url))), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8', 'Cache-Control': 'public, max-age=300' },
  });
});
