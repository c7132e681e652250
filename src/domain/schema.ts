import * as z from 'zod/mini';
import { viewPurposes, type ViewPurpose } from './guidelines/vocabulary';

/**
 * Building blocks for the schemas that also run in the browser (configuration, premises). They use
 * zod/mini, which tree-shakes to a fraction of classic zod; the schemas mix freely with classic ones.
 */

/** A whole number between `min` and `max`, with the messages a form shows beside the field. */
export function wholeNumber(min: number, max: number, tooSmall = `at least ${min}`, tooBig = `at most ${max}`) {
  return z.number().check(z.int('a whole number'), z.minimum(min, tooSmall), z.maximum(max, tooBig));
}

export function numberBetween(min: number, max: number, tooSmall = `at least ${min}`, tooBig = `at most ${max}`) {
  return z.number().check(z.minimum(min, tooSmall), z.maximum(max, tooBig));
}

/**
 * Text without control characters other than tab and line breaks. Nobody types them, and PostgreSQL
 * cannot store NUL at all (in text or jsonb), so a request holding one would fail after validation.
 */
export const withoutControlCharacters = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;
export const printable = (message = 'remove the control characters from this text') => z.regex(withoutControlCharacters, message);

/**
 * Text whose UTF-16 is well formed: every surrogate is half of a pair. A lone one (half an emoji,
 * from a broken paste or a hostile client) cannot be stored as sent: PostgreSQL would keep U+FFFD in
 * its place, so the customer's text would silently change. Said as a pattern, so the published JSON
 * Schema refuses it too (with or without a validator's unicode flag).
 */
export const withoutLoneSurrogates = /^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;
export const wellFormed = (message = 'remove the broken character from this text (half of an emoji or symbol)') => z.regex(withoutLoneSurrogates, message);

/**
 * Matches text that keeps at least `min` characters once trimmed. Said as a pattern rather than a
 * length, the published JSON Schema refuses blank text just as the server does (`\s` is exactly
 * what trimming removes).
 */
export function trimmedAtLeast(min: number): RegExp {
  return new RegExp(min <= 1 ? '\\S' : `\\S[\\s\\S]{${min - 2},}\\S`);
}

/** Text trimmed of surrounding spaces, then held to a length. */
export function trimmedText(min: number, max: number, tooShort = `at least ${min} characters`, tooLong = `at most ${max} characters`) {
  return z.string().check(z.trim(), z.regex(trimmedAtLeast(min), tooShort), z.maxLength(max, tooLong), printable(), wellFormed());
}

export const postalCode = z.string().check(z.trim(), z.maxLength(10, 'at most 10 characters'), z.regex(/^[A-Za-z0-9 -]*$/, 'letters, digits, spaces and dashes only'));

/** Purposes renamed since links, drafts and requests were saved with them: old name → current. */
const renamedPurposes: Record<string, ViewPurpose> = { recognise: 'recognize' };

/**
 * Old name → current, for a schema that reads values under names they were saved with: its
 * transform does it in code, and this says the same as data for the rules the browser checks forms
 * with (field-rules/from-schema.ts).
 */
export const renamedValues = z.registry<{ renamed: Readonly<Record<string, string>> }>();

/** A camera view's purpose, reading the former UK spelling of one as its current name. */
export const viewPurpose = z
  .pipe(
    z.transform((value: unknown) => (typeof value === 'string' ? (renamedPurposes[value] ?? value) : value)),
    z.enum(viewPurposes),
  )
  .register(renamedValues, { renamed: renamedPurposes });
