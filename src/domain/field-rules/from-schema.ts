import type { core } from 'zod/mini';
import { friendlyErrors } from '../issues';
import { renamedValues } from '../schema';
import type { FieldCheck, FieldRule } from './rules';

/**
 * The rules of a zod schema as data (see rules.ts), read from the schema's own definition, with the
 * message each issue would get: the schema's own, else the friendly one the forms use. Only the
 * kinds of schema the browser's forms are read with are taken; any other throws, so a schema that
 * grows one is noticed where its rules are built, not in a customer's browser.
 */

type Schema = core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: Schema[] };
type IssueFields = Record<string, unknown> & { code: string };

const defOf = (schema: Schema) => schema._zod.def as unknown as Def;

/** An error map answers with text, an object holding it, or nothing. */
const textOf = (answer: ReturnType<core.$ZodErrorMap>) => (typeof answer === 'string' ? answer : answer?.message);

/** The message zod gives this issue: the schema's (or check's) own error first, then the forms' friendly words. */
function messageFor(owner: Schema, fields: IssueFields): string {
  const issue = { input: 'x', path: [], inst: owner, ...fields } as unknown as core.$ZodRawIssue;
  const own = (defOf(owner).error as core.$ZodErrorMap | undefined)?.(issue);
  const message = textOf(own) ?? textOf(friendlyErrors(issue));
  if (!message) throw new Error(`rulesOf: no message for a ${fields.code} issue`);
  return message;
}

function typeMessages(schema: Schema, expected: string) {
  return {
    required: messageFor(schema, { code: 'invalid_type', expected, input: undefined }),
    invalid: messageFor(schema, { code: 'invalid_type', expected, input: null }),
  };
}

function checkOf(check: Schema, origin: string): FieldCheck {
  const def = defOf(check);
  switch (def.check) {
    case 'number_format':
      if (def.format !== 'safeint') break;
      return { check: 'int', message: messageFor(check, { code: 'invalid_type', expected: 'int', format: 'safeint' }) };
    case 'greater_than':
      return { check: 'min', value: def.value as number, inclusive: def.inclusive as boolean, message: messageFor(check, { code: 'too_small', origin, minimum: def.value, inclusive: def.inclusive }) };
    case 'less_than':
      return { check: 'max', value: def.value as number, inclusive: def.inclusive as boolean, message: messageFor(check, { code: 'too_big', origin, maximum: def.value, inclusive: def.inclusive }) };
    case 'min_length':
      return { check: 'minLength', value: def.minimum as number, message: messageFor(check, { code: 'too_small', origin, minimum: def.minimum }) };
    case 'max_length':
      return { check: 'maxLength', value: def.maximum as number, message: messageFor(check, { code: 'too_big', origin, maximum: def.maximum }) };
    case 'string_format': {
      if (def.format !== 'regex') break;
      const pattern = def.pattern as RegExp;
      return { check: 'pattern', source: pattern.source, flags: pattern.flags, message: messageFor(check, { code: 'invalid_format', format: 'regex', pattern: pattern.source }) };
    }
    case 'overwrite':
      // The only overwrite a form's schema uses is z.trim(); any other is refused.
      if ((def.tx as (value: string) => string)(' a ') === 'a') return { check: 'trim' };
      break;
  }
  throw new Error(`rulesOf: a ${String(def.check)} check is not supported`);
}

const checksOf = (def: Def, origin: string) => (def.checks ?? []).map((check) => checkOf(check, origin));

/** The rules of `schema`, for `checkRules` to read values with as the schema would. */
export function rulesOf(schema: Schema): FieldRule {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(Object.entries(def.shape as Record<string, Schema>).map(([key, field]) => [key, rulesOf(field)]));
      return { type: 'object', shape, ...typeMessages(schema, 'object') };
    }
    case 'union':
      if (typeof def.discriminator !== 'string') break;
      return {
        type: 'union',
        key: def.discriminator,
        options: (def.options as Schema[]).map(rulesOf),
        message: messageFor(schema, { code: 'invalid_union', errors: [], note: 'No matching discriminator' }),
        ...typeMessages(schema, 'object'),
      };
    case 'default':
      return { type: 'default', value: structuredClone(def.defaultValue), inner: rulesOf(def.innerType as Schema) };
    case 'optional':
      return { type: 'optional', inner: rulesOf(def.innerType as Schema) };
    case 'number':
    case 'string':
      return { type: def.type as 'number' | 'string', checks: checksOf(def, def.type), ...typeMessages(schema, def.type) };
    case 'array':
      return { type: 'array', element: rulesOf(def.element as Schema), checks: checksOf(def, 'array'), ...typeMessages(schema, 'array') };
    case 'boolean':
      return { type: 'boolean', ...typeMessages(schema, 'boolean') };
    case 'enum':
      return { type: 'enum', values: Object.values(def.entries as Record<string, string>), message: messageFor(schema, { code: 'invalid_value', values: [] }) };
    case 'literal':
      return { type: 'enum', values: def.values as string[], message: messageFor(schema, { code: 'invalid_value', values: def.values }) };
    case 'pipe': {
      // A transform is code; the only one taken is a renaming that says what it does as data.
      const renames = renamedValues.get(schema);
      const out = rulesOf((def as unknown as { out: Schema }).out);
      if (renames && out.type === 'enum') return { ...out, renamed: renames.renamed };
      break;
    }
  }
  throw new Error(`rulesOf: a ${def.type} schema is not supported`);
}
