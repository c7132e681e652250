import type { Issue, Validated } from '../issues';

/**
 * A schema's rules as plain data, and a reader that applies them: what the browser checks a form
 * with instead of shipping zod. `rulesOf` (from-schema.ts) derives them from the shared zod schema
 * on the server, every message included, so the schema stays the one statement of what is accepted;
 * from-schema.test.ts holds the reader to zod's own answer, issue for issue.
 */

/** A check on a value that has the right type, in the schema's order, with the message it gives. */
export type FieldCheck =
  | { check: 'int'; message: string }
  | { check: 'min' | 'max'; value: number; inclusive: boolean; message: string }
  | { check: 'minLength' | 'maxLength'; value: number; message: string }
  | { check: 'pattern'; source: string; flags: string; message: string }
  | { check: 'trim' };

/** The message for a missing value and the one for a value of another type (often the same). */
interface TypeMessages {
  required: string;
  invalid: string;
}

export type FieldRule =
  | ({ type: 'object'; shape: Record<string, FieldRule> } & TypeMessages)
  | ({ type: 'union'; key: string; options: FieldRule[]; message: string } & TypeMessages)
  | { type: 'default'; value: unknown; inner: FieldRule }
  | { type: 'optional'; inner: FieldRule }
  | ({ type: 'number' | 'string' | 'array'; checks: FieldCheck[]; element?: FieldRule } & TypeMessages)
  | ({ type: 'boolean' } & TypeMessages)
  | { type: 'enum'; values: (string | number | boolean | null)[]; message: string; renamed?: Readonly<Record<string, string>> };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

type Path = (string | number)[];

function typeIssue(rule: TypeMessages, value: unknown, path: Path, issues: Issue[]): void {
  issues.push({ path, message: value === undefined ? rule.required : rule.invalid });
}

function hasType(type: 'number' | 'string' | 'array', value: unknown): boolean {
  if (type === 'number') return typeof value === 'number' && Number.isFinite(value);
  return type === 'string' ? typeof value === 'string' : Array.isArray(value);
}

/** Text is as long as its code points (an emoji is one), as zod counts it; a list as its items. */
const lengthOf = (value: string | unknown[]) => (typeof value === 'string' ? [...value].length : value.length);

/** Runs the checks in order; a value that is not whole stops the checks after it, as in zod. */
function runChecks(checks: FieldCheck[], start: unknown, path: Path, issues: Issue[]): unknown {
  let value = start;
  for (const c of checks) {
    if (c.check === 'trim') {
      value = (value as string).trim();
      continue;
    }
    if (c.check === 'int') {
      if (!Number.isInteger(value)) {
        issues.push({ path, message: c.message });
        return value;
      }
      if (!Number.isSafeInteger(value)) issues.push({ path, message: c.message });
      continue;
    }
    if (!passes(c, value)) issues.push({ path, message: c.message });
  }
  return value;
}

function passes(c: Exclude<FieldCheck, { check: 'trim' | 'int' }>, value: unknown): boolean {
  switch (c.check) {
    case 'min':
      return c.inclusive ? (value as number) >= c.value : (value as number) > c.value;
    case 'max':
      return c.inclusive ? (value as number) <= c.value : (value as number) < c.value;
    case 'minLength':
      return lengthOf(value as string | unknown[]) >= c.value;
    case 'maxLength':
      return lengthOf(value as string | unknown[]) <= c.value;
    case 'pattern':
      return new RegExp(c.source, c.flags).test(value as string);
  }
}

/** The message of the first leading maximum a list is over: zod then refuses it whole, its items unread. */
function overLeadingMaximum(checks: FieldCheck[], items: unknown[]): string | undefined {
  for (const c of checks) {
    if (c.check !== 'minLength' && c.check !== 'maxLength') return undefined;
    if (c.check === 'maxLength' && items.length > c.value) return c.message;
  }
  return undefined;
}

function read(rule: FieldRule, value: unknown, path: Path, issues: Issue[]): unknown {
  switch (rule.type) {
    case 'default':
      return value === undefined ? structuredClone(rule.value) : read(rule.inner, value, path, issues);
    case 'optional':
      return value === undefined ? undefined : read(rule.inner, value, path, issues);
    case 'enum': {
      const current = typeof value === 'string' ? (rule.renamed?.[value] ?? value) : value;
      if (!rule.values.includes(current as string)) issues.push({ path, message: rule.message });
      return current;
    }
    case 'boolean':
      if (typeof value !== 'boolean') typeIssue(rule, value, path, issues);
      return value;
    case 'number':
    case 'string':
    case 'array': {
      if (!hasType(rule.type, value)) {
        typeIssue(rule, value, path, issues);
        return value;
      }
      const tooMany = rule.type === 'array' ? overLeadingMaximum(rule.checks, value as unknown[]) : undefined;
      if (tooMany) {
        issues.push({ path, message: tooMany });
        return value;
      }
      const items = rule.type === 'array' && rule.element ? (value as unknown[]).map((item, i) => read(rule.element!, item, [...path, i], issues)) : value;
      return runChecks(rule.checks, items, path, issues);
    }
    case 'object': {
      if (!isRecord(value)) {
        typeIssue(rule, value, path, issues);
        return value;
      }
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(rule.shape)) {
        const result = read(field, value[key], [...path, key], issues);
        if (result !== undefined || key in value) out[key] = result;
      }
      return out;
    }
    case 'union': {
      if (!isRecord(value)) {
        typeIssue(rule, value, path, issues);
        return value;
      }
      const option = rule.options.find((o) => o.type === 'object' && (o.shape[rule.key] as { values?: unknown[] })?.values?.includes(value[rule.key]));
      if (!option) {
        issues.push({ path: [...path, rule.key], message: rule.message });
        return value;
      }
      return read(option, value, path, issues);
    }
  }
}

/** Reads `value` with the rules: the value as the schema would give it (defaults filled in, text trimmed), or every issue. */
export function checkRules<T>(rule: FieldRule, value: unknown): Validated<T> {
  const issues: Issue[] = [];
  const result = read(rule, value, [], issues);
  return issues.length ? { ok: false, issues } : { ok: true, value: result as T };
}
