import { installerToday } from '~/domain/settings/today';
import { loadData } from '~/server/content/collections';
import { apiRoute } from '~/server/http/api';
import { json } from '~/server/http/problem';
import { schemaIndex } from '~/server/http/schemas';
import { siteUrl } from '~/server/http/site-url';

/** GET /api/schema: the JSON Schemas this API publishes. */
export const prerender = false;

export const GET = apiRoute(async (context) => {
  const { catalog, settings } = await loadData();
  return json(schemaIndex(catalog, installerToday(settings), siteUrl(context.site, context.url)), { headers: { 'Cache-Control': 'public, max-age=300' } });
});
