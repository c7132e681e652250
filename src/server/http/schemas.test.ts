import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { installerDay, loadData } from '~tests/helpers/data-files';
import { addDays } from '~/domain/estimate/dates';
import { requestSchemasFor } from '~/domain/requests/request';
import { publishedSchemas } from './schemas';

/**
 * The published JSON Schemas say exactly what the server accepts: for text as a client sends it
 * (trimmed), a JSON Schema validator and the server's own zod schema agree on every value of the
 * fields whose rules are not plain lengths: email, phone, names, postal codes, descriptions, dates.
 */

const data = loadData();
const today = installerDay();
const server = requestSchemasFor(data.catalog, today).service;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const published = ajv.compile(publishedSchemas(data.catalog, today).get('service-request')!);

const valid = {
  contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '(555) 010-4400' },
  address: { line1: '1 Market St', city: 'San Francisco', postalCode: '94107' },
  system: 'video',
  problem: 'The recorder shows no picture from two cameras.',
  urgency: 'soon',
  windows: [{ date: addDays(today, 3), part: 'morning' }],
  consent: true,
};

function withField(path: string, value: unknown) {
  const body = structuredClone(valid) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, body);
  parent[keys.at(-1)!] = value;
  return body;
}

/** Text from characters that matter to the rules, already trimmed as a client sends it. */
const text = (characters: string, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...characters), maxLength }).map((s) => s.trim());

const fields: [string, fc.Arbitrary<string>][] = [
  ['contact.email', fc.oneof(text('ab.-_+@x1', 16), fc.emailAddress())],
  ['contact.phone', text('0123456789 ()-+.x', 18)],
  ['contact.name', text('ab \t\u0001\u00a0', 6)],
  ['address.postalCode', text('9a -_Z', 12)],
  ['problem', text('ab \n\u0007', 14)],
  ['windows.0.date', fc.integer({ min: -40, max: 220 }).map((days) => addDays(today, days))],
];

describe('the published service-request schema', () => {
  for (const [path, values] of fields) {
    it(`accepts exactly the ${path} values the server accepts`, () => {
      fc.assert(
        fc.property(values, (value) => {
          const body = withField(path, value);
          expect(published(body), `${path} = ${JSON.stringify(value)}`).toBe(server.safeParse(body).success);
        }),
        { numRuns: 400 },
      );
    });
  }
});
