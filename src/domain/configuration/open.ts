import type { Catalog } from '../catalog/catalog';
import { validate } from '../issues';
import { configurationSchemaFor } from './configuration';
import { readShareCode, type DecodeResult, type OversizedCode } from './link';

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
