import type { Catalog } from '../catalog/catalog';
import { configurationSchemaFor } from './configuration';
import { readShareCode, type DecodeResult } from './link';

/**
 * Checks a configuration from outside (a share link, a saved copy, an API call) against the shared
 * schema and today's catalog. The result says what is wrong in words a customer can act on.
 */
export function checkConfiguration(value: unknown, catalog: Catalog): DecodeResult {
  const result = configurationSchemaFor(catalog).safeParse(value);
  if (result.success) return { ok: true, configuration: result.data };
  return {
    ok: false,
    reason: 'invalid',
    message: 'This configuration refers to products or settings we no longer offer, or has values out of range.',
    issues: result.error.issues.map((issue) => ({ path: issue.path.filter((p) => typeof p !== 'symbol') as (string | number)[], message: issue.message })),
  };
}

/** Reads a share code and checks what it holds. Never throws. */
export async function decodeConfiguration(code: string, catalog: Catalog): Promise<DecodeResult> {
  const read = await readShareCode(code);
  return read.ok ? checkConfiguration(read.value, catalog) : read;
}
