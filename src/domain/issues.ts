import { safeParse, safeParseAsync, type core } from 'zod/mini';

/**
 * A field error, the one shape for it everywhere: the API's problem details, the actions' input
 * errors, the forms' messages beside each field and the link check all carry these. The path runs
 * from the root of what was sent ("sites", 0, "lines", 2, "productId"); the message is in words a
 * customer can act on.
 */
export interface Issue {
  path: (string | number)[];
  message: string;
}

/** What validating an input gives: the value as the schema reads it, or every issue with its path. */
export type Validated<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** Zod's issues as ours, under `prefix` (where the validated value sits in the body). Our schemas use no symbol keys. */
export function toIssues(issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[], prefix: (string | number)[] = []): Issue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    // A strict object's keys it does not take: one issue per key, so each is named where it is.
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) return issue.keys.map((key) => ({ path: [...path, key], message: issue.message }));
    return [{ path, message: issue.message }];
  });
}

const sizes: Partial<Record<string, (n: number | bigint) => string>> = {
  string: (n) => `${n} characters`,
  array: (n) => `${n}`,
  number: (n) => `${n}`,
  int: (n) => `${n}`,
};

const typeWords: Partial<Record<string, string>> = {
  int: 'enter a whole number',
  number: 'enter a number',
  string: 'enter text',
  boolean: 'answer yes or no',
  array: 'give a list',
  object: 'give the details',
};

/**
 * Plain words for what zod would say in its own ("Invalid input: expected int, received number"). A
 * message a schema gives itself always wins; this only fills in where a schema gives none.
 */
export const friendlyErrors: core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined && issue.expected !== 'undefined') return 'this is required';
      return typeWords[issue.expected];
    case 'invalid_value':
    case 'invalid_union':
      return 'choose one of the options';
    case 'too_small': {
      const size = sizes[issue.origin];
      return size && `at least ${size(issue.minimum)}`;
    }
    case 'too_big': {
      const size = sizes[issue.origin];
      return size && `at most ${size(issue.maximum)}`;
    }
    default:
      return undefined;
  }
};

/** Validates `value` with the friendly messages; the one way a form, an action, the API or the link check reads input. */
export function validate<S extends core.$ZodType>(schema: S, value: unknown): Validated<core.output<S>> {
  const result = safeParse(schema, value, { error: friendlyErrors });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error.issues) };
}

export async function validateAsync<S extends core.$ZodType>(schema: S, value: unknown): Promise<Validated<core.output<S>>> {
  const result = await safeParseAsync(schema, value, { error: friendlyErrors });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: toIssues(result.error.issues) };
}
