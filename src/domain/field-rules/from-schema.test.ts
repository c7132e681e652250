import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validate } from '../issues';
import { premisesSchema } from '../premises/premises';
import { rulesOf } from './from-schema';
import { checkRules, type FieldCheck, type FieldRule } from './rules';

const premisesRules = rulesOf(premisesSchema);

const limit = (checks: FieldCheck[], kind: 'min' | 'max' | 'minLength' | 'maxLength') => checks.find((c) => c.check === kind) as { value: number } | undefined;

/** Anything a value for `rule` could be: right, just out of range, blank, of another type, missing. */
function anyValueFor(rule: FieldRule): fc.Arbitrary<unknown> {
  const other = fc.constantFrom<unknown>(undefined, null, 'x', 3, true, [], {});
  switch (rule.type) {
    case 'default':
    case 'optional':
      return fc.oneof(fc.constant(undefined), anyValueFor(rule.inner));
    case 'enum':
      return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...rule.values) }, fc.constantFrom('other', 'recognise', ''), other);
    case 'boolean':
      return fc.oneof({ weight: 4, arbitrary: fc.boolean() }, other);
    case 'number': {
      const min = limit(rule.checks, 'min')?.value ?? -10;
      const max = limit(rule.checks, 'max')?.value ?? 10;
      const near = fc.integer({ min: Math.floor(min) - 2, max: Math.ceil(max) + 2 });
      const odd = fc.constantFrom(0.5, -0, 2.5, 1e21, -1e21, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
      return fc.oneof({ weight: 4, arbitrary: near }, fc.double({ min: min - 2, max: max + 2, noNaN: true }), odd, other);
    }
    case 'string': {
      const max = limit(rule.checks, 'maxLength')?.value ?? 20;
      const characters = fc.constantFrom('a', 'Z', '7', ' ', '-', '\t', '\n', '\u0000', '\u001f', '\ud800', '\udc00', '😀', 'é', '_');
      const text = fc.array(characters, { maxLength: max + 3 }).map((chars) => chars.join(''));
      return fc.oneof({ weight: 4, arbitrary: text }, fc.constantFrom('', '   ', 'a'.repeat(max), ` ${'b'.repeat(max)} `), other);
    }
    case 'array': {
      const max = limit(rule.checks, 'maxLength')?.value ?? 5;
      return fc.oneof({ weight: 4, arbitrary: fc.array(anyValueFor(rule.element!), { maxLength: Math.min(max + 2, 6) }) }, other);
    }
    case 'object': {
      const shape = Object.fromEntries(Object.entries(rule.shape).map(([key, field]) => [key, anyValueFor(field)]));
      return fc.oneof({ weight: 9, arbitrary: fc.record(shape, { requiredKeys: [] }) }, other);
    }
    case 'union':
      return fc.oneof({ weight: 9, arbitrary: fc.oneof(...rule.options.map(anyValueFor)) }, fc.constant({ kind: 'castle' }), other);
  }
}

describe('the rules derived from a schema', () => {
  it('read every value as the schema does: the same value, or the same issues in the same order with the same messages', () => {
    fc.assert(
      fc.property(anyValueFor(premisesRules), (value) => {
        expect(checkRules(premisesRules, value)).toEqual(validate(premisesSchema, value));
      }),
      { numRuns: 3000 },
    );
  });

  it('travel as plain data: a JSON copy reads values the same', () => {
    const copy = JSON.parse(JSON.stringify(premisesRules)) as FieldRule;
    expect(copy).toEqual(premisesRules);
    fc.assert(
      fc.property(anyValueFor(premisesRules), (value) => {
        expect(checkRules(copy, value)).toEqual(checkRules(premisesRules, value));
      }),
    );
  });

  it('refuse a schema they cannot state, where the rules are built', () => {
    expect(() => rulesOf(z.object({ when: z.date() }))).toThrow('a date schema is not supported');
    expect(() => rulesOf(z.string().check(z.toLowerCase()))).toThrow('overwrite check is not supported');
    expect(() => rulesOf(z.string().check(z.email()))).toThrow('is not supported');
  });
});
