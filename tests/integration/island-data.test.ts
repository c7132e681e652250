import { describe, expect, it } from 'vitest';
import { productRows } from '~/domain/catalog/specs';
import { loadData } from '~/server/content/collections';
import { SPEC_ROWS_URL } from '~/stores/spec-rows';
import { serverForFile } from '../helpers/server';

/**
 * A page carries what its island needs to start. The configurator's comparison rows, which only the
 * swap dialog shows (a third of the page once), are a file of their own, loaded when a dialog opens;
 * the assessment carries no catalog at all, as the server describes the packages it recommends.
 */

const run = serverForFile();
const { catalog, settings } = await loadData();

describe('the data pages give their islands', () => {
  it('served page: no comparison row in the island props', async () => {
    const html = await (await fetch(`${run.server.url}/configure`)).text();
    expect(html).toContain('<astro-island');
    for (const product of catalog.products) {
      for (const row of productRows(product, settings)) {
        // A row in the props would read {"key":[0,"…"],"label":[0,"…"],"value":[0,"…"]}: Astro's serialization, HTML-escaped.
        expect(html, `${product.id} ${row.key}`).not.toContain(`&quot;key&quot;:[0,&quot;${row.key}&quot;],&quot;label&quot;:[0,&quot;`);
      }
    }
  });

  it('assessment: no product in the island props', async () => {
    const html = await (await fetch(`${run.server.url}/assessment`)).text();
    const props = [...html.matchAll(/<astro-island\b[^>]*\bprops="([^"]*)"/g)].map((m) => m[1]!);
    expect(props).toHaveLength(1);
    // A product record has its id under "id"; the settings name a few products by id (travel, the site survey), which is not carrying them.
    for (const product of catalog.products) expect(props[0], product.id).not.toContain(`&quot;id&quot;:[0,&quot;${product.id}&quot;]`);
  });

  it('rows file: every product’s rows as they are formatted for comparing, compressed as the browser asks', async () => {
    const response = await fetch(`${run.server.url}${SPEC_ROWS_URL}`, { headers: { 'accept-encoding': 'br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-encoding')).toBe('br');
    const rows = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(rows).sort()).toEqual(catalog.products.map((p) => p.id).sort());
    for (const product of catalog.products) expect(rows[product.id], product.id).toEqual(productRows(product, settings));
  });
});
