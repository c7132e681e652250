import { loadData } from '~/server/content/collections';
import { apiRoute } from '~/server/http/api';
import { json } from '~/server/http/problem';
import type { CatalogAnswer } from '~/server/http/responses';

/** GET /api/catalog: every product we sell, with prices, and the public part of the settings. */
export const prerender = false;

export const GET = apiRoute(async () => {
  const { catalog, settings } = await loadData();
  const { company, locale, currency, units, tax, quoteValidityDays, depositPercent } = settings;
  const answer: CatalogAnswer = { products: [...catalog.products], settings: { company, locale, currency, units, tax, quoteValidityDays, depositPercent } };
  return json(
    answer,
    { headers: { 'Cache-Control': 'public, max-age=300' } },
  );
});
