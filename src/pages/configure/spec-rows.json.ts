import { loadData } from '~/server/content/collections';
import { specRowsByProduct } from '~/server/content/client-data';
import { json } from '~/server/http/problem';

/** Built once: every product's comparison rows, for the configurator's swap dialog (src/stores/spec-rows.ts). */
export async function GET(): Promise<Response> {
  return json(specRowsByProduct(await loadData()));
}
