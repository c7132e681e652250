import type { Catalog } from '../catalog/catalog';
import { validate } from '../issues';
import { pricedEdit } from '../recommend/priced';
import type { SiteData } from '../site-data';
import { configurationSchemaFor } from './configuration';
import { readShareCode, type CheckedResult, type DecodeResult, type OversizedCode } from './link';

/**
 * Opens a configuration from outside (a share link, a saved copy, an API call) with the shared
 * schema and today's catalog. The result says what is wrong in words a customer can act on.
 */
export function openConfiguration(value: unknown, catalog: Catalog): DecodeResult {
  const result = validate(configurationSchemaFor(catalog), value);
  if (result.ok) return { ok: true, configuration: result.value };
  return {
    ok: false,
    reason: 'invalid',
    message: 'This configuration refers to products or settings we no longer offer, or has values out of range.',
    issues: result.issues,
  };
}

/** Reads a share code and opens what it holds. Never throws. */
export async function openShareCode(code: string, catalog: Catalog): Promise<DecodeResult | OversizedCode> {
  const read = await readShareCode(code);
  return read.ok ? openConfiguration(read.value, catalog) : read;
}

/**
 * What the configuration check (POST /api/configurations/check) finds in a share code or a
 * configuration: what it holds, read with the catalog, priced on `today` and checked; or why it
 * cannot be used.
 */
export async function checkConfiguration(input: { code: string } | { configuration: unknown }, data: SiteData, today: string): Promise<CheckedResult | OversizedCode> {
  const result = 'code' in input ? await openShareCode(input.code, data.catalog) : openConfiguration(input.configuration, data.catalog);
  return result.ok ? { ...result, ...pricedEdit(result.configuration, data, today) } : result;
}
