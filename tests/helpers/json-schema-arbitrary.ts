import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';

/**
 * fast-check arbitraries from JSON Schema (draft 2020-12), for the subset the API's document uses:
 * objects, arrays (with uniqueItems), strings (lengths, patterns, the email and date formats),
 * numbers, integers, booleans, const, enum, anyOf/oneOf, allOf of patterns, $ref into the document
 * and the empty schema. `brokenVariants` lists, for a valid value, every way to break one field
 * against its schema, with the path of the field broken.
 *
 * Strings stay in the Basic Multilingual Plane and are generated already trimmed: the published
 * schemas describe trimmed text (the server trims before it checks), and a JSON Schema counts
 * lengths in code points where the server counts UTF-16 units, which differ only outside it.
 */

export type Schema = { [key: string]: unknown };

export interface Resolver {
  resolve(schema: Schema): Schema;
}

/** Resolves local references ("#/components/schemas/…") against the document they appear in. */
export function resolverFor(document: Schema): Resolver {
  return {
    resolve(schema) {
      let current = schema;
      while (typeof current.$ref === 'string') {
        const pointer = current.$ref.replace(/^#\//, '').split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
        current = pointer.reduce<Schema>((node, key) => node[key] as Schema, document);
      }
      return current;
    },
  };
}

/** Longer arrays add nothing to what the test learns but slow it down. */
const ARRAY_CAP = 3;

const bmpOnly = /^[\u0000-\ud7ff\ue000-\uffff]*$/;

function patternsOf(schema: Schema): RegExp[] {
  const patterns = [schema.pattern, ...((schema.allOf as Schema[] | undefined) ?? []).map((s) => s.pattern)].filter((p): p is string => typeof p === 'string');
  return patterns.map((p) => new RegExp(p, 'u'));
}

/** What a string must satisfy: every pattern, the lengths (in code points) and the format. */
export function stringFits(schema: Schema, value: string): boolean {
  const length = [...value].length;
  if (typeof schema.minLength === 'number' && length < schema.minLength) return false;
  if (typeof schema.maxLength === 'number' && length > schema.maxLength) return false;
  if (schema.format === 'email' && !(fullFormats.email as RegExp).test(value)) return false;
  if (schema.format === 'date' && !(fullFormats.date as { validate: (date: string) => boolean }).validate(value)) return false;
  return patternsOf(schema).every((p) => p.test(value));
}

function stringArbitrary(schema: Schema): fc.Arbitrary<string> {
  const patterns = patternsOf(schema);
  const maxLength = Math.min(typeof schema.maxLength === 'number' ? schema.maxLength : 40, 40);
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  // Drawn from the patterns that match the whole string when there are any: a string drawn from a
  // prefix-only pattern ("at least 7 digits") next to a whole-string one almost never fits both, and
  // the filter below would reject hundreds of thousands of draws per value. With several patterns to
  // meet, longer draws reach a prefix pattern's count. The filter still decides what is kept.
  const whole = patterns.filter((p) => p.source.startsWith('^') && p.source.endsWith('$'));
  const size = patterns.length > 1 ? 'medium' : undefined;
  const sources: fc.Arbitrary<string>[] = (whole.length > 0 ? whole : patterns).map((p) => fc.stringMatching(p, size ? { size } : {}));
  if (schema.format === 'email') sources.push(fc.tuple(fc.stringMatching(/^[a-z0-9]{1,12}$/), fc.stringMatching(/^[a-z0-9]{1,10}$/), fc.constantFrom('com', 'org', 'us')).map(([local, domain, tld]) => `${local}@${domain}.${tld}`));
  if (sources.length === 0 || patterns.every((p) => !p.source.startsWith('^'))) sources.push(fc.string({ minLength, maxLength: Math.max(minLength, maxLength), unit: 'binary' }));
  return fc.oneof(...sources).filter((value) => value === value.trim() && bmpOnly.test(value) && stringFits(schema, value));
}

function numberArbitrary(schema: Schema): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1e9;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1e9;
  if (schema.type === 'integer') return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(max) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)));
}

export function arbitraryFor(input: Schema, resolver: Resolver): fc.Arbitrary<unknown> {
  const schema = resolver.resolve(input);
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (options) return fc.oneof(...options.map((option) => arbitraryFor(option, resolver)));
  switch (schema.type) {
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const model = Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, arbitraryFor(property, resolver)]));
      return fc.record(model, { requiredKeys: (schema.required as string[] | undefined) ?? [], noNullPrototype: true });
    }
    case 'array': {
      const items = arbitraryFor((schema.items ?? {}) as Schema, resolver);
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = Math.min(typeof schema.maxItems === 'number' ? schema.maxItems : ARRAY_CAP, minLength + ARRAY_CAP);
      return schema.uniqueItems ? fc.uniqueArray(items, { minLength, maxLength, selector: (item) => JSON.stringify(item) }) : fc.array(items, { minLength, maxLength });
    }
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
    case 'number':
      return numberArbitrary(schema);
    case 'boolean':
      return fc.boolean();
    default:
      // The empty schema: anything.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

export interface Broken {
  /** The field broken, as the dotted path the server names it by ("" for the body itself). */
  path: string;
  /** Which rule of its schema it breaks. */
  rule: string;
  body: unknown;
  /** Other places the server may name instead: a body that lost the field its anyOf option requires fits no option, and lacks theirs too. */
  alternatives: string[];
}

type Segment = string | number;

function replaced(root: unknown, path: Segment[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<Segment, unknown>;
  if (remove && rest.length === 0) {
    delete copy[head!];
    return copy;
  }
  copy[head!] = replaced(copy[head!], rest, value, remove);
  return copy;
}

/** Values of the wrong JSON type for a schema. */
function wrongTypes(schema: Schema): [string, unknown][] {
  const kinds: [string, unknown][] = [['string', 'not-this'], ['number', 12345], ['boolean', true], ['null', null], ['object', { unexpected: 1 }], ['array', [1]]];
  const type = schema.type;
  return kinds.filter(([kind, value]) => {
    if (type === undefined) return false;
    if (type === 'integer' || type === 'number') return kind !== 'number';
    if ('const' in schema) return value !== schema.const && kind !== 'string';
    return kind !== type;
  });
}

/** One value per rule of a string, number or array schema that breaks only that rule's constraint kind. */
function ruleBreakers(schema: Schema, value: unknown): [string, unknown][] {
  const out: [string, unknown][] = [];
  if (Array.isArray(schema.enum)) out.push(['enum', 'not-one-of-these']);
  if ('const' in schema && typeof schema.const === 'boolean') out.push(['const', !schema.const]);
  if (schema.type === 'string' && !Array.isArray(schema.enum)) {
    if (typeof schema.maxLength === 'number') out.push(['maxLength', 'x'.repeat(schema.maxLength + 1)]);
    if (typeof schema.minLength === 'number' && schema.minLength > 0) out.push(['minLength', '']);
    for (const candidate of ['', ' ', '!', 'a\u0001b', '+', '2026-13-45', 'ab@', '1999-01-01', '2999-01-01']) {
      if (patternsOf(schema).some((p) => !p.test(candidate)) || (schema.format === 'email' && !stringFits(schema, candidate))) {
        out.push([`pattern (${JSON.stringify(candidate)})`, candidate]);
      }
    }
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (typeof schema.minimum === 'number') out.push(['minimum', schema.minimum - 1]);
    if (typeof schema.maximum === 'number') out.push(['maximum', schema.maximum + 1]);
    if (schema.type === 'integer') out.push(['integer', (typeof schema.minimum === 'number' ? schema.minimum : 0) + 0.5]);
  }
  if (schema.type === 'array' && Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && schema.minItems > 0) out.push(['minItems', []]);
    if (typeof schema.maxItems === 'number' && schema.maxItems <= 60 && value.length > 0) out.push(['maxItems', Array.from({ length: schema.maxItems + 1 }, () => value[0])]);
  }
  return out;
}

/** Every single-field break of `value` (valid against `schema`), walking the fields `value` has. */
export function brokenVariants(input: Schema, value: unknown, resolver: Resolver, path: Segment[] = [], root: unknown = value, otherOptions: Schema[] = []): Broken[] {
  const schema = resolver.resolve(input);
  const dotted = path.join('.');
  const options = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (options) {
    // Break within the option the value is: the one whose required fields it has.
    const resolved = options.map((o) => resolver.resolve(o));
    const option = resolved.find((o) => ((o.required as string[] | undefined) ?? []).every((key) => value && typeof value === 'object' && key in value));
    if (!option) return [];
    const variants = brokenVariants(option, value, resolver, path, root, resolved.filter((o) => o !== option));
    // Without a discriminator (a property each option fixes with const), a value that fits no option is reported at the union.
    const discriminated = Object.keys((option.properties ?? {}) as object).some((key) => resolved.every((o) => 'const' in (((o.properties ?? {}) as Record<string, Schema>)[key] ?? {})));
    return discriminated ? variants : variants.map((variant) => ({ ...variant, alternatives: [...variant.alternatives, dotted] }));
  }
  // Or the object itself, for fitting none of its options.
  const alternatives = otherOptions.length ? [dotted, ...otherOptions.flatMap((o) => ((o.required as string[] | undefined) ?? []).map((key) => [...path, key].join('.')))] : [];
  const broken: Broken[] = [...wrongTypes(schema), ...ruleBreakers(schema, value)].map(([rule, bad]) => ({ path: dotted, rule, body: replaced(root, path, bad), alternatives: [] }));
  if (schema.type === 'object' && value && typeof value === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required as string[] | undefined) ?? []) {
      broken.push({ path: [...path, key].join('.'), rule: 'required', body: replaced(root, [...path, key], undefined, true), alternatives });
    }
    for (const [key, child] of Object.entries(value)) {
      if (properties[key]) broken.push(...brokenVariants(properties[key], child, resolver, [...path, key], root));
    }
  }
  if (schema.type === 'array' && Array.isArray(value) && value.length > 0) {
    broken.push(...brokenVariants((schema.items ?? {}) as Schema, value[0], resolver, [...path, 0], root));
  }
  return broken;
}
