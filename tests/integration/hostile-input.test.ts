import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldId } from '~/components/forms/state';
import { addDays } from '~/domain/estimate/dates';
import { openDatabase } from '~/server/db/client';
import { outbox, quoteRevisions, quotes, requests, shortLinks } from '~/server/db/schema';
import { homeConfiguration, installationRequest } from '../helpers/configuration';
import { installerDay } from '../helpers/data-files';
import {
  breakers,
  brokenPayload,
  hostileFieldNames,
  hostileObject,
  hostileText,
  hugeText,
  isAbout,
  notText,
  present,
  prototypeKeys,
  REMOVE,
  setIn,
  type Breakable,
  type BrokenPayload,
} from '../helpers/hostile';
import { serverForFile } from '../helpers/server';

/**
 * Generated hostile payloads against every action and API route of the production server: wrong
 * types, huge strings, odd unicode, prototype keys, markup, missing and extra fields, malformed JSON
 * and wrong content types. Each one must get a 4xx (never a 5xx) that names the bad field, and
 * nothing may be stored: the data directory is opened after the server stops and every table counted.
 */

const today = installerDay();
/** Per property; each run is one request. */
const numRuns = 40;

// The estimate and submission endpoints are rate limited per client (every attempt counts); every request here comes from one address.
const run = serverForFile({ env: { RATE_LIMIT_ESTIMATES: '100000', RATE_LIMIT_SUBMISSIONS: '100000' } });

interface FieldError {
  path: string;
  pointer: string;
  message: string;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
}

async function send(path: string, init: RequestInit): Promise<Answer> {
  const response = await fetch(`${run.server.url}${path}`, { ...init, headers: { origin: run.server.url, ...(init.headers as Record<string, string>) }, redirect: 'manual' });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
}

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  send(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

let keys = 0;
const idempotencyKey = () => `hostile-input-key-${String(++keys).padStart(6, '0')}`;

/** A 4xx problem; a 422 must list every bad field with its path, pointer and message. */
function expectProblem(answer: Answer, what: string): FieldError[] {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.contentType, what).toMatch(/^application\/problem\+json/);
  const body = JSON.parse(answer.text) as { status: number; errors?: FieldError[] };
  expect(body.status, what).toBe(answer.status);
  if (answer.status !== 422) return [];
  expect(body.errors?.length, what).toBeGreaterThan(0);
  for (const error of body.errors!) {
    expect(typeof error.path, what).toBe('string');
    expect(error.message.length, what).toBeGreaterThan(0);
  }
  return body.errors!;
}

/** A 422 naming the broken field, or a refusal of the body as a whole (too large, not JSON). */
function expectFieldErrors(answer: Answer, { body, broken }: BrokenPayload) {
  const what = `${JSON.stringify(body).slice(0, 300)} (broken at ${broken.join('.')})`;
  const errors = expectProblem(answer, what);
  if (answer.status === 413) return;
  expect(answer.status, what).toBe(422);
  expect(errors.map((e) => e.path), what).toSatisfy((paths: string[]) => paths.some((path) => isAbout(path, broken)));
}

const controlCharacter = fc.constantFrom('\u0000', '\u0007', '\u001b[31m', '\u007f', '\b');

const asyncProperty = <T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>) => fc.assert(fc.asyncProperty(arbitrary, check), { numRuns });

// The valid payloads the generators break.

const contactFields = (prefix: (string | number)[] = []): Breakable[] => [
  { path: [...prefix, 'contact'], breaker: breakers.container },
  { path: [...prefix, 'contact', 'name'], breaker: breakers.text(100) },
  { path: [...prefix, 'contact', 'email'], breaker: breakers.format },
];
const addressFields = (prefix: (string | number)[]): Breakable[] => [
  { path: [...prefix, 'line1'], breaker: breakers.text(120) },
  { path: [...prefix, 'city'], breaker: breakers.text(80) },
  { path: [...prefix, 'postalCode'], breaker: breakers.format },
];
const configurationFields = (prefix: (string | number)[]): Breakable[] => [
  { path: [...prefix, 'sites'], breaker: breakers.container },
  { path: [...prefix, 'audience'], breaker: breakers.id },
  // "constructor" is a well-formed site id, so prototype names do not break this one.
  { path: [...prefix, 'sites', 0, 'id'], breaker: fc.oneof(fc.constant(REMOVE), notText, fc.constantFrom('<b>', 'Upper Case', '', 's'.repeat(61))) },
  { path: [...prefix, 'sites', 0, 'name'], breaker: breakers.text(80) },
  { path: [...prefix, 'sites', 0, 'conditions', 'storeys'], breaker: breakers.number },
  { path: [...prefix, 'sites', 0, 'conditions', 'wiringAccess'], breaker: breakers.id },
  { path: [...prefix, 'sites', 0, 'lines', 0, 'productId'], breaker: breakers.id },
  { path: [...prefix, 'sites', 0, 'lines', 1, 'quantity'], breaker: breakers.number },
  { path: [...prefix, 'sites', 0, 'planId'], breaker: fc.oneof(notText, fc.constantFrom(...prototypeKeys)) },
];
const configurationText = (prefix: (string | number)[]) => [
  [...prefix, 'sites', 0, 'name'],
  [...prefix, 'sites', 0, 'lines', 0, 'reason'],
];

const installation = installationRequest();
const installationFields: Breakable[] = [
  { path: ['kind'], breaker: breakers.id },
  ...contactFields(),
  { path: ['addresses'], breaker: breakers.container },
  ...addressFields(['addresses', 0]),
  { path: ['windows', 0, 'date'], breaker: fc.oneof(breakers.format, fc.constantFrom(addDays(today, -1), addDays(today, 400), '2026-02-30')) },
  { path: ['notes'], breaker: fc.oneof(notText, fc.constant('n'.repeat(2001))) },
  { path: ['consent'], breaker: breakers.true },
  ...configurationFields(['configuration']),
];
const installationText = [['contact', 'name'], ['notes'], ['addresses', 0, 'line1'], ...configurationText(['configuration'])];

const service = {
  kind: 'service',
  system: 'intrusion',
  problem: 'The keypad beeps and shows trouble.',
  urgency: 'soon',
  contact: { name: 'Annie Easley', email: 'annie@example.com' },
  address: { line1: '3 Rocket Road', city: 'Bayview', postalCode: '94100' },
  consent: true,
};
const serviceFields: Breakable[] = [
  { path: ['kind'], breaker: breakers.id },
  { path: ['system'], breaker: breakers.id },
  { path: ['problem'], breaker: breakers.text(2000) },
  { path: ['urgency'], breaker: breakers.id },
  ...contactFields(),
  { path: ['address'], breaker: breakers.container },
  ...addressFields(['address']),
  { path: ['consent'], breaker: breakers.true },
];
const serviceText = [['contact', 'name'], ['problem'], ['address', 'city']];

const premises = { kind: 'business', organisation: 'Harbor Cafe', sites: [{ name: 'Cafe', premisesType: 'restaurant', floorAreaM2: 200 }] };
// Every answer but the sites has a default, so only the sites break by going missing.
const premisesFields: Breakable[] = [
  { path: ['premises', 'kind'], breaker: breakers.id },
  { path: ['premises', 'sites'], breaker: breakers.container },
  { path: ['premises', 'sites', 0, 'name'], breaker: breakers.text(80) },
  { path: ['premises', 'sites', 0, 'floorAreaM2'], breaker: present(breakers.number) },
  { path: ['premises', 'sites', 0, 'premisesType'], breaker: present(breakers.id) },
];

/** Bodies that are not a JSON object of the expected shape at all. */
const wrongBodies = fc.oneof(
  fc.constantFrom('', '{', '{"configuration":', 'null', '[]', '"text"', '42', 'true', '{"__proto__":{"consent":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '{"a":1}{"b":2}'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.json({ maxDepth: 3 }),
);

/** A body sent with the wrong Content-Type, or bytes that are not UTF-8. */
const wrongEncodings = fc.oneof(
  fc.record({ type: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/xml', 'application/jsonx', ''), body: fc.constant('{"kind":"service"}') }),
  fc.record({ type: fc.constant('application/json'), body: fc.uint8Array({ minLength: 1, maxLength: 40 }).map((bytes) => new Uint8Array([0x7b, 0x22, 0xff, 0xfe, ...bytes])) }),
);

describe('the JSON API under hostile input', { timeout: 120_000 }, () => {
  it('POST /api/requests names the broken field of an installation request and stores nothing', async () => {
    await asyncProperty(brokenPayload(installation, installationFields, installationText), async (payload) => {
      expectFieldErrors(await postJson('/api/requests', payload.body, { 'idempotency-key': idempotencyKey() }), payload);
    });
  });

  it('POST /api/requests names the broken field of a service request', async () => {
    await asyncProperty(brokenPayload(service, serviceFields, serviceText), async (payload) => {
      expectFieldErrors(await postJson('/api/requests', payload.body, { 'idempotency-key': idempotencyKey() }), payload);
    });
  });

  it('POST /api/requests refuses control characters in otherwise valid text, naming the field', async () => {
    // Valid in every other way, so without the check they would reach storage (PostgreSQL refuses NUL).
    const cases = fc.record({
      base: fc.constantFrom({ body: installation, fields: installationText }, { body: service, fields: serviceText }),
      control: controlCharacter,
    }).chain(({ base, control }) => fc.constantFrom(...base.fields).map((path) => ({ body: setIn(base.body, path, `Ada${control}Lovelace`), broken: path })));
    await asyncProperty(cases, async (payload) => {
      expectFieldErrors(await postJson('/api/requests', payload.body, { 'idempotency-key': idempotencyKey() }), payload);
    });
  });

  it('POST /api/requests refuses hostile Idempotency-Key headers by name', async () => {
    const hostileKey = fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 15 }), fc.constantFrom('<script>alert(1)</script>xxxxxx', '__proto__', 'constructor.prototype.x', 'k'.repeat(101), 'ключ-ключ-ключ-ключ'));
    await asyncProperty(hostileKey, async (key) => {
      const errors = expectProblem(await postJson('/api/requests', service, { 'idempotency-key': encodeURIComponent(key) }), key);
      expect(errors.map((e) => e.path)).toEqual(['Idempotency-Key']);
    });
  });

  it('POST /api/estimate names the broken field of a configuration or of premises', async () => {
    const payloads = fc.oneof(brokenPayload({ configuration: homeConfiguration() }, configurationFields(['configuration']), configurationText(['configuration'])), brokenPayload({ premises }, premisesFields));
    await asyncProperty(payloads, async (payload) => {
      expectFieldErrors(await postJson('/api/estimate', payload.body), payload);
    });
  });

  it('POST /api/short-links names the broken field of a configuration and stores nothing', async () => {
    await asyncProperty(brokenPayload({ configuration: homeConfiguration() }, configurationFields(['configuration']), configurationText(['configuration'])), async (payload) => {
      expectFieldErrors(await postJson('/api/short-links', payload.body), payload);
    });
  });

  it('POST /api/configurations/check reports what is wrong with a configuration or a share code', async () => {
    // A configuration or code that can be read as sent is answered (200, ok: false) with the path of every problem.
    await asyncProperty(brokenPayload({ configuration: homeConfiguration() }, configurationFields(['configuration']).slice(1), configurationText(['configuration'])), async (payload) => {
      const answer = await postJson('/api/configurations/check', payload.body);
      if (answer.status !== 200) return expectFieldErrors(answer, payload);
      const result = JSON.parse(answer.text) as { ok: boolean; issues: { path: (string | number)[] }[] };
      expect(result.ok).toBe(false);
      expect(result.issues.some((issue) => isAbout(['configuration', ...issue.path].join('.'), payload.broken))).toBe(true);
    });
    await asyncProperty(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 300 }).map((rest) => `v1.${rest}`)), async (code) => {
      const answer = await postJson('/api/configurations/check', { code });
      expect(answer.status, code).toBe(200);
      const result = JSON.parse(answer.text) as { ok: boolean; message: string };
      expect(result.ok).toBe(false);
      expect(result.message.length).toBeGreaterThan(0);
    });
    const tooLong = fc.integer({ min: 60_001, max: 120_000 }).map((length) => 'x'.repeat(length));
    await asyncProperty(fc.oneof(notText, tooLong), async (code) => {
      expectProblem(await postJson('/api/configurations/check', { code }), JSON.stringify(code).slice(0, 100));
    });
  });

  it('every POST route refuses malformed bodies and wrong content types with a 4xx problem', async () => {
    const routes = fc.constantFrom('/api/requests', '/api/estimate', '/api/configurations/check', '/api/short-links');
    await asyncProperty(fc.tuple(routes, wrongBodies), async ([route, body]) => {
      const answer = await send(route, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey() }, body });
      expectProblem(answer, `${route} ${body.slice(0, 100)}`);
    });
    await asyncProperty(fc.tuple(routes, wrongEncodings), async ([route, { type, body }]) => {
      const headers: Record<string, string> = { 'idempotency-key': idempotencyKey(), ...(type ? { 'content-type': type } : {}) };
      const answer = await send(route, { method: 'POST', headers, body });
      expect(answer.status, `${route} ${type}`).toBeOneOf([400, 415]);
      expectProblem(answer, `${route} ${type}`);
    });
  });

  it('GET routes with a name in the address answer 404 for hostile names', async () => {
    const routes = fc.constantFrom('/api/schema/', '/api/problems/');
    await asyncProperty(fc.tuple(routes, fc.oneof(fc.constantFrom(...prototypeKeys), hostileText.filter((text) => text !== '' && text.isWellFormed()))), async ([route, name]) => {
      const answer = await send(`${route}${encodeURIComponent(name)}`, { method: 'GET' });
      expect(answer.status, name).toBe(404);
    });
  });
});

// The request forms, as the browser posts them (form data) to the action and to the page.

type Form = Record<string, string>;

const installationForm: Form = {
  idempotencyKey: 'form-key-to-be-replaced',
  website: '',
  'contact.name': 'Katherine Johnson',
  'contact.email': 'katherine@example.com',
  'addresses.0.line1': '7 Orbit Street',
  'addresses.0.city': 'Bayview',
  'addresses.0.postalCode': '94100',
  'windows.0.date': addDays(today, 10),
  'windows.0.part': 'afternoon',
  notes: 'Four cameras around the house & an alarm.',
  consent: 'yes',
};
const serviceForm: Form = {
  idempotencyKey: 'form-key-to-be-replaced',
  website: '',
  system: 'intrusion',
  problem: 'The keypad beeps and shows trouble.',
  urgency: 'soon',
  'contact.name': 'Annie Easley',
  'contact.email': 'annie@example.com',
  'address.line1': '3 Rocket Road',
  'address.city': 'Bayview',
  'address.postalCode': '94100',
  consent: 'yes',
};

const validForm = { installation: installationForm, service: serviceForm };

const REMOVE_FIELD = null;
const formText = (max: number) => fc.oneof(fc.constant(REMOVE_FIELD), fc.constantFrom('', '   ', '\u3000'), fc.constant('z'.repeat(max + 1)));
const formChoice = fc.oneof(fc.constant(REMOVE_FIELD), fc.constantFrom(...prototypeKeys, '<script>alert(1)</script>', 'everything', ''));
const formFormat = fc.oneof(fc.constant(REMOVE_FIELD), fc.constantFrom('<b>x</b>', 'not an email', '__proto__', '94100<script>', ''));

interface FormCase {
  kind: 'installation' | 'service';
  fields: Form;
  broken: string;
  multipart: boolean;
}

const formBreakers: Record<FormCase['kind'], Record<string, fc.Arbitrary<string | null>>> = {
  installation: {
    'contact.name': formText(100),
    'contact.email': formFormat,
    'addresses.0.line1': formText(120),
    'addresses.0.city': formText(80),
    'addresses.0.postalCode': formFormat,
    'windows.0.date': fc.oneof(formFormat, fc.constantFrom(addDays(today, -3), '2026-13-40')),
    consent: fc.constantFrom(REMOVE_FIELD, 'false'),
  },
  service: {
    system: formChoice,
    urgency: formChoice,
    problem: formText(2000),
    'contact.email': formFormat,
    'address.city': formText(80),
    consent: fc.constantFrom(REMOVE_FIELD, 'false'),
  },
};

const formNoise = fc.array(fc.tuple(hostileFieldNames, fc.oneof(hostileText, fc.constant('yes'))), { maxLength: 4 });

const formCases: fc.Arbitrary<FormCase> = fc
  .record({ kind: fc.constantFrom('installation' as const, 'service' as const), noise: formNoise, markup: hostileText.filter((text) => text.length < 100), multipart: fc.boolean() })
  .chain(({ kind, noise, markup, multipart }) =>
    fc.constantFrom(...Object.keys(formBreakers[kind])).chain((broken) =>
      formBreakers[kind][broken]!.map((value) => {
        const fields: Form = { ...validForm[kind], idempotencyKey: idempotencyKey() };
        // Markup where a person types freely: it is kept and shown back, escaped.
        fields[kind === 'installation' ? 'notes' : 'contact.name'] = markup;
        for (const [name, text] of noise) fields[name] = text;
        if (value === REMOVE_FIELD) delete fields[broken];
        else fields[broken] = value;
        return { kind, fields, broken, multipart };
      }),
    ),
  );

function formBody({ fields, multipart }: FormCase): { body: BodyInit; headers: Record<string, string> } {
  if (!multipart) return { body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  return { body: form, headers: {} };
}

const actionOf = { installation: 'requestInstallation', service: 'requestService' } as const;
const pageOf = { installation: '/request', service: '/service' } as const;

describe('the request actions under hostile input', { timeout: 120_000 }, () => {
  it('POST /_actions/<name> answers an input error naming the broken field', async () => {
    await asyncProperty(formCases, async (form) => {
      const answer = await send(`/_actions/${actionOf[form.kind]}`, { method: 'POST', ...formBody(form) });
      const what = `${form.kind}: ${form.broken} in ${JSON.stringify(form.fields).slice(0, 300)}`;
      expect(answer.status, `${what}\n${answer.text.slice(0, 300)}`).toBe(400);
      const error = JSON.parse(answer.text) as { type: string; issues: { path: (string | number)[] }[]; fields: Record<string, string[]> };
      expect(error.type, what).toBe('AstroActionInputError');
      expect(error.issues.map((issue) => issue.path.join('.')), what).toSatisfy((paths: string[]) => paths.some((path) => isAbout(path, form.broken.split('.'))));
    });
  });

  it('a valid form with a forged idempotency key or control characters is refused by field', async () => {
    const forged = fc.record({
      kind: fc.constantFrom('installation' as const, 'service' as const),
      // An empty key is no key: the server makes one.
      key: fc.oneof(hugeText, hostileText, fc.constantFrom('short', 'k'.repeat(101), '../../etc/passwd-00000000')).filter((key) => key !== '' && !/^[A-Za-z0-9_-]{16,100}$/.test(key)),
      multipart: fc.boolean(),
    }).map(({ kind, key, multipart }): FormCase => ({ kind, multipart, broken: 'idempotencyKey', fields: { ...validForm[kind], idempotencyKey: key } }));
    const control = fc.record({ kind: fc.constantFrom('installation' as const, 'service' as const), control: controlCharacter, multipart: fc.boolean() }).chain(({ kind, control, multipart }) =>
      fc.constantFrom(...(kind === 'installation' ? ['contact.name', 'notes', 'addresses.0.city'] : ['problem', 'contact.name', 'address.line1'])).map(
        (broken): FormCase => ({ kind, multipart, broken, fields: { ...validForm[kind], idempotencyKey: idempotencyKey(), [broken]: `Some ${control} text here` } }),
      ),
    );
    await asyncProperty(fc.oneof(forged, control), async (form) => {
      const answer = await send(`/_actions/${actionOf[form.kind]}`, { method: 'POST', ...formBody(form) });
      const what = `${form.kind}: ${form.broken} = ${JSON.stringify(form.fields[form.broken]).slice(0, 100)}`;
      // A key past the body limit is refused as a whole.
      if (answer.status === 413) return;
      expect(answer.status, `${what}\n${answer.text.slice(0, 300)}`).toBe(400);
      const error = JSON.parse(answer.text) as { issues: { path: (string | number)[] }[] };
      expect(error.issues.map((issue) => issue.path.join('.')), what).toContain(form.broken);
    });
  });

  it('a form posted to its page comes back with the error beside the broken field', async () => {
    // Rows far beyond the form's own (addresses.999) make the whole list the problem: the action test above covers them.
    const withinTheForm = formCases.filter((form) => !Object.keys(form.fields).some((name) => /\.\d{3}\./.test(name)));
    await asyncProperty(withinTheForm, async (form) => {
      const answer = await send(`${pageOf[form.kind]}?_action=${actionOf[form.kind]}`, { method: 'POST', ...formBody(form) });
      const what = `${form.kind}: ${form.broken} in ${JSON.stringify(form.fields).slice(0, 300)}`;
      expect(answer.status, what).toBe(400);
      expect(answer.contentType, what).toMatch(/^text\/html/);
      expect(answer.text, what).toContain(`href="#${fieldId(form.broken)}"`);
    });
  });

  it('refuses JSON, other content types and hostile bodies without a 5xx', async () => {
    const bodies = fc.oneof(
      wrongBodies.map((body) => ({ type: 'application/json', body })),
      wrongEncodings,
      hostileObject.map((value) => ({ type: 'application/json', body: JSON.stringify(value) })),
    );
    const targets = fc.constantFrom('/_actions/requestInstallation', '/_actions/requestService', '/request?_action=requestInstallation', '/service?_action=requestService');
    await asyncProperty(fc.tuple(targets, bodies), async ([target, { type, body }]) => {
      const answer = await send(target, { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
      expect(answer.status, `${target} ${type} ${String(body).slice(0, 100)}`).toBeGreaterThanOrEqual(400);
      expect(answer.status, `${target} ${type} ${String(body).slice(0, 100)}`).toBeLessThan(500);
    });
  });
});

describe('storage after all of it', () => {
  it('holds no request, quote, message or short link', async () => {
    await run.server.stop();
    const handle = await openDatabase({ dataDir: run.server.dataDir });
    try {
      for (const table of [requests, quotes, quoteRevisions, outbox, shortLinks]) {
        expect((await handle.db.select({ n: count() }).from(table))[0]!.n).toBe(0);
      }
    } finally {
      await handle.close();
    }
  }, 30_000);
});
