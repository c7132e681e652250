import { loadData } from '../../../server/data';
import { apiRoute } from '../../../server/http/api';
import { json } from '../../../server/http/problem';
import { schemaIndex } from '../../../server/http/schemas';
import { installerToday } from '../../../server/quotes';
import { siteUrl } from '../../../server/submissions';

/** GET /api/schema: the JSON Schemas this API publishes. */
export const prerender = false;

export const GET = apiRoute(async (context) => {
  const { catalog, settings } = await loadData();
  return json(schemaIndex(catalog, installerToday(settings), siteUrl(context.site, context.url)), { headers: { 'Cache-Control': 'public, max-age=300' } });
});
