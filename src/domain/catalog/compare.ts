/**
 * Putting products side by side from their formatted rows. Kept apart from the row formatting
 * (specs.ts) so the configurator can compare rows computed at build time without shipping it.
 */

export interface SpecRow {
  key: string;
  label: string;
  value: string;
}

export interface CompareRow {
  key: string;
  label: string;
  /** One value per product, in the order the products were given. */
  values: string[];
  differs: boolean;
}

/** Shown where a product has no value for a row another product has. */
export const NOT_APPLICABLE = '—';

/** Every row any product has, in first-seen order; a row differs when its values are not all the same. */
export function mergeRows(perProduct: readonly (readonly SpecRow[])[]): CompareRow[] {
  const labels = new Map<string, string>();
  for (const rows of perProduct) for (const row of rows) if (!labels.has(row.key)) labels.set(row.key, row.label);
  return [...labels].map(([key, label]) => {
    const values = perProduct.map((rows) => rows.find((row) => row.key === key)?.value ?? NOT_APPLICABLE);
    return { key, label, values, differs: values.some((value) => value !== values[0]) };
  });
}
