import fc from 'fast-check';

/**
 * Generated hostile input for the property tests of tests/integration/hostile-input.test.ts. A payload
 * starts from a valid one and is *broken* at one required field (removed, blanked, the wrong type, far
 * too long, an id that does not exist), so it can never be valid; *noise* is added on top, which must
 * change nothing: extra fields (prototype keys among them), markup and script text, odd unicode.
 */

export type Path = (string | number)[];

/** Removes the field rather than setting it. */
export const REMOVE = Symbol('remove');

const markup = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</textarea><svg onload=alert(1)>', "javascript:alert('x')", '{{7*7}} ${7*7} <%= 7*7 %>'];
const oddUnicode = ['\u0000', '\u202eevil', '\ud800', '\udfff\ud800', '\ufeff', 'A\u0301\u0301\u0301', '👨‍👩‍👧‍👦🏳️‍🌈', 'ｆｕｌｌ', '\u2028\u2029', '𝕏'.repeat(50)];
/** Names an object lookup must never resolve to something built in. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'];

/** Text a customer might type with bad intent or a strange keyboard; each is at most a few kB. */
export const hostileText = fc.oneof(
  fc.constantFrom(...markup, ...oddUnicode, ...prototypeKeys, "'; drop table requests; --", '../../etc/passwd', 'null', 'NaN', '1e309'),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 200, maxLength: 2000 }),
);

/** Far longer than any field allows: up to 120,000 characters (a few beyond the body limits). */
export const hugeText = fc.integer({ min: 3_000, max: 120_000 }).chain((length) => fc.constantFrom('x', 'é', '😀', '<').map((unit) => unit.repeat(length)));

const scalarOfAnyType = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), hostileText);

/** An object whose keys include the prototype's own names. */
export const hostileObject = fc.dictionary(fc.oneof(fc.constantFrom(...prototypeKeys), fc.string({ maxLength: 10 })), scalarOfAnyType, { maxKeys: 5 });

/** Anything but a string. */
export const notText = fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null), fc.array(scalarOfAnyType, { maxLength: 3 }), hostileObject);
/** Anything but a number. */
const notNumber = fc.oneof(fc.boolean(), fc.constant(null), hostileText, fc.array(fc.integer(), { maxLength: 3 }), hostileObject);

/** What a required field of each kind can be broken with. */
export const breakers = {
  /** A required text field with at most `max` characters. */
  text: (max: number) => fc.oneof(fc.constant(REMOVE), notText, fc.constantFrom('', '   ', '\t\n', '\u3000\ufeff'), fc.constant('y'.repeat(max + 1)), hugeText),
  /** A text field that must match a format (email, postal code, date). ("toString" is a well-formed postal code.) */
  format: fc.oneof(fc.constant(REMOVE), notText, fc.constantFrom(...markup, '__proto__', '', '\u0000')),
  /** An id or an enum value: never one of the prototype's names or markup. */
  id: fc.oneof(fc.constant(REMOVE), notText, fc.constantFrom(...prototypeKeys, ...markup, 'no-such-thing', '')),
  /** A number in a range that every field here excludes. */
  number: fc.oneof(fc.constant(REMOVE), notNumber, fc.constantFrom(-1, -1e9, 1e12, 1.5e308, 0.5)),
  /** A field that must be `true` (consent). */
  true: fc.oneof(fc.constant(REMOVE), fc.constantFrom(false, 'true', 'yes', 1, 0, null, [], {})),
  /** An object or an array. */
  container: fc.oneof(fc.constant(REMOVE), scalarOfAnyType),
};

/** For a field with a default: removing it is not breaking it. */
export const present = (breaker: fc.Arbitrary<unknown>) => breaker.filter((value) => value !== REMOVE);

export interface Breakable {
  path: Path;
  breaker: fc.Arbitrary<unknown>;
}

export function setIn<T>(value: T, path: Path, replacement: unknown): T {
  if (path.length === 0) return replacement as T;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (replacement === REMOVE) delete node[last];
  else Object.defineProperty(node, last, { value: replacement, enumerable: true, writable: true, configurable: true });
  return copy as T;
}

/** Extra members for an object: never a field of the schema, so they change nothing. */
const extraFields = fc.dictionary(fc.oneof(fc.constantFrom(...prototypeKeys, 'isAdmin', 'priceCents', 'status'), fc.string({ unit: 'binary', minLength: 12, maxLength: 20 })), fc.oneof(scalarOfAnyType, hostileObject), { minKeys: 1, maxKeys: 4 });

export interface BrokenPayload {
  body: unknown;
  /** The field that was broken: an error must name it (or the object that holds it). */
  broken: Path;
}

/**
 * A valid payload broken at one of `fields`, with extra fields (prototype keys among them) added to
 * the objects along the way and markup written into the free-text fields listed in `freeText`.
 */
export function brokenPayload(valid: unknown, fields: Breakable[], freeText: Path[] = []): fc.Arbitrary<BrokenPayload> {
  return fc
    .record({
      field: fc.constantFrom(...fields),
      extras: fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), extraFields), { maxLength: 2 }),
      texts: fc.array(fc.tuple(fc.constantFrom(...(freeText.length ? freeText : [[]])), fc.constantFrom(...markup, ...oddUnicode)), { maxLength: freeText.length ? 2 : 0 }),
    })
    .chain(({ field, extras, texts }) =>
      field.breaker.map((replacement) => {
        let body = valid;
        for (const [path, text] of texts) body = setIn(body, path, text);
        for (const [depth, extra] of extras) {
          // Onto the object that holds the broken field or one of its parents.
          const holder = field.path.slice(0, Math.min(depth, field.path.length - 1));
          for (const [key, value] of Object.entries(extra)) body = setIn(body, [...holder, key], value);
        }
        return { body: setIn(body, field.path, replacement), broken: field.path };
      }),
    );
}

/** Whether an error at `errorPath` is about the field at `broken`: the field itself, inside it, or the object that holds it. */
export function isAbout(errorPath: string, broken: Path): boolean {
  const field = broken.join('.');
  if (errorPath === field) return true;
  if (errorPath === '' || field === '') return false;
  return errorPath.startsWith(`${field}.`) || field.startsWith(`${errorPath}.`);
}

/** Field names an HTML form must never turn into prototype writes, odd array sizes or huge objects. */
export const hostileFieldNames = fc.constantFrom(
  '__proto__.consent',
  'constructor.prototype.consent',
  'contact.__proto__.name',
  'prototype',
  'toString',
  'addresses.999.line1',
  'windows.700.date',
  'addresses.0.__proto__',
  'a'.repeat(500),
  '名前',
  'contact[name]',
  '',
);
