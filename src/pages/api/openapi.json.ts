import { loadData } from '~/server/content/collections';
import { apiRoute } from '~/server/http/api';
import { openApiDocument } from '~/server/http/openapi';
import { json } from '~/server/http/problem';
import { installerToday } from '~/domain/settings/today';

/** GET /api/openapi.json: the OpenAPI 3.1 document of this API, for today's catalog and date window. */
export const prerender = false;

export const GET = apiRoute(async () => {
  const data = await loadData();
  return json(await openApiDocument(data, installerToday(data.settings)), { headers: { 'Cache-Control': 'public, max-age=300' } });
});
