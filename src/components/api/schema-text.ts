/**
 * Words for a JSON Schema on the API reference page (/api/docs): its type with its constraints
 * ("text, 1–100 characters"), and its parts (properties, items, options) for the page to nest.
 */

export type Schema = { [key: string]: unknown };

/** Enums longer than this are listed in a disclosure rather than inline. */
export const LONG_ENUM = 8;

export const refName = (schema: Schema): string | undefined => (typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined);

const range = (min: unknown, max: unknown, unit = '') => {
  const low = typeof min === 'number' ? min.toLocaleString('en-US') : undefined;
  const high = typeof max === 'number' ? max.toLocaleString('en-US') : undefined;
  if (low !== undefined && high !== undefined) return low === high ? `exactly ${low}${unit}` : `${low}–${high}${unit}`;
  if (low !== undefined) return `at least ${low}${unit}`;
  if (high !== undefined) return `at most ${high}${unit}`;
  return undefined;
};

export function patterns(schema: Schema): string[] {
  return [schema.pattern, ...((schema.allOf as Schema[] | undefined) ?? []).map((s) => s.pattern)].filter((p): p is string => typeof p === 'string');
}

/** "text, 1–100 characters, format email" and the like; the pattern and enum are shown apart. */
export function typeText(schema: Schema): string {
  const ref = refName(schema);
  if (ref) return ref;
  if ('const' in schema) return `exactly ${JSON.stringify(schema.const)}`;
  const parts: string[] = [];
  switch (schema.type) {
    case 'string':
      parts.push(Array.isArray(schema.enum) ? 'one of the values below' : 'text');
      if (typeof schema.format === 'string') parts.push(`format ${schema.format}`);
      parts.push(range(schema.minLength, schema.maxLength, ' characters') ?? '');
      break;
    case 'integer':
    case 'number':
      parts.push(schema.type === 'integer' ? 'whole number' : 'number', range(schema.minimum, schema.maximum) ?? '');
      break;
    case 'array':
      parts.push('list', range(schema.minItems, schema.maxItems, ' items') ?? '', schema.uniqueItems ? 'no two the same' : '');
      break;
    case 'object':
      parts.push('object');
      break;
    case 'boolean':
      parts.push('true or false');
      break;
    case 'null':
      parts.push('null');
      break;
    default:
      parts.push(schema.anyOf || schema.oneOf ? 'one of the options below' : 'any JSON value');
  }
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.filter(Boolean).join(', ');
}

export interface Field {
  name: string;
  required: boolean;
  schema: Schema;
}

/** The named parts of an object schema, required ones first as the schema lists them. */
export function fields(schema: Schema): Field[] {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, field]) => ({ name, required: required.has(name), schema: field }));
}

/** What the schema holds: the item schema of a list, the options of a union, nothing for a leaf. */
export function children(schema: Schema): { label: string; schema: Schema }[] {
  if (schema.type === 'array' && schema.items && typeof schema.items === 'object') return [{ label: 'each item', schema: schema.items as Schema }];
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (options) return options.map((option, i) => ({ label: `option ${i + 1}`, schema: option }));
  return [];
}
