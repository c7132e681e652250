import { loadData } from "~/server/content/collections";
import { specRowsByProduct } from "~/server/content/client-data";

/** Built once: every product's comparison rows, for the configurator's swap dialog (src/stores/spec-rows.ts). */
export async function GET(): Promise<Response> {
  return new Response(JSON.stringify(specRowsByProduct(await loadData())), {
    headers: { "Content-Type": "application/json" },
  });
}
