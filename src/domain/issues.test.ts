import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { toIssues, validate } from './issues';

const messageOf = (schema: z.ZodMiniType, value: unknown) => {
  const result = validate(schema, value);
  return result.ok ? null : result.issues.map((issue) => issue.message);
};

describe('validate', () => {
  it('words the generic zod messages plainly', () => {
    expect(messageOf(z.int(), 2.5)).toEqual(['enter a whole number']);
    expect(messageOf(z.number(), 'two')).toEqual(['enter a number']);
    expect(messageOf(z.enum(['a', 'b']), 'c')).toEqual(['choose one of the options']);
    expect(messageOf(z.object({ name: z.string() }), {})).toEqual(['this is required']);
    expect(messageOf(z.string().check(z.maxLength(3)), 'four')).toEqual(['at most 3 characters']);
  });

  it('keeps the message a schema gives itself', () => {
    expect(messageOf(z.number().check(z.minimum(1, 'at least 1 story')), 0)).toEqual(['at least 1 story']);
  });

  it('gives the value as the schema reads it, or every issue with its path', () => {
    const schema = z.object({ sites: z.array(z.object({ name: z.string(), doors: z.int() })) });
    expect(validate(schema, { sites: [{ name: 'A', doors: 1 }] })).toEqual({ ok: true, value: { sites: [{ name: 'A', doors: 1 }] } });
    expect(validate(schema, { sites: [{ name: 'A', doors: 1.5 }, { doors: 2 }] })).toEqual({
      ok: false,
      issues: [
        { path: ['sites', 0, 'doors'], message: 'enter a whole number' },
        { path: ['sites', 1, 'name'], message: 'this is required' },
      ],
    });
  });
});

describe('toIssues', () => {
  it('puts the prefix before each path and drops symbol keys', () => {
    expect(toIssues([{ path: ['a', 0, Symbol('x')], message: 'm' }], ['configuration'])).toEqual([{ path: ['configuration', 'a', 0], message: 'm' }]);
  });

  it('names each key a strict object does not take', () => {
    const result = z.safeParse(z.strictObject({ a: z.string() }), { a: 'x', b: 1, c: 2 });
    expect(toIssues(result.error!.issues, ['body'])).toEqual([
      { path: ['body', 'b'], message: expect.any(String) },
      { path: ['body', 'c'], message: expect.any(String) },
    ]);
  });
});
