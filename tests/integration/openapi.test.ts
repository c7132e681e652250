import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '~/domain/catalog/catalog';
import { isInstalled } from '~/domain/catalog/guards';
import { loadData, root } from '../helpers/data-files';
import { arbitraryFor, brokenVariants, resolverFor, type Broken, type Schema } from '../helpers/json-schema-arbitrary';
import { serverForFile } from '../helpers/server';

/**
 * The API as its OpenAPI document describes it, against the production build: the document is
 * valid OpenAPI 3.1 and lists every route; its examples work; and every operation, driven with
 * bodies generated from the document's own schemas, answers only statuses the document lists for
 * it, with a body its schema for that status accepts, never a 5xx. Valid bodies are accepted and a
 * body with one field broken against its schema is refused naming that field. The server trusts one
 * proxy (TRUST_PROXY=1), so every request comes from its own address and its own rate allowance.
 */

const run = serverForFile({ env: { TRUST_PROXY: '1' } });
let lastAddress = 0;
/** Documentation addresses (RFC 3849), only ever written into the header. */
const nextAddress = () => `2001:db8::${(++lastAddress).toString(16)}`;

type Operation = Schema & { operationId: string; responses: Record<string, Schema>; requestBody?: { content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }> }; parameters?: Schema[] };

let document: Schema & { paths: Record<string, Record<string, Operation>> };
let resolver: ReturnType<typeof resolverFor>;
let ajv: Ajv2020;

beforeAll(async () => {
  const response = await fetch(`${run.server.url}/api/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as typeof document;
  resolver = resolverFor(document);
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...document, $id: 'urn:example:openapi' });
  // A quote for the operations on one (its id in the path): the one the installation example makes.
  const installation = document.paths['/api/requests']!.post!.requestBody!.content['application/json']!.examples!.installation!.value;
  const made = await send('/api/requests', 'post', installation, { 'idempotency-key': `quote-for-paths-${Date.now()}` });
  quoteId = ((await made.json()) as { quote: { id: string } }).quote.id;
}, 300_000);

let quoteId: string;

/** The path with its parameters filled in: a quote's id is the stored quote's, as a client has it from its link. */
const concrete = (path: string) => path.replace('/api/quotes/{id}', `/api/quotes/${quoteId}`);

function operations(): { path: string; method: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ path, method, operation })));
}

/** Operations this site's own clients call; a webhook (`x-caller`) takes only bodies signed by its caller, tested on its own. */
const clientOperations = () => operations().filter(({ operation }) => !('x-caller' in operation));

function findOperation(id: string) {
  const found = operations().find((o) => o.operation.operationId === id);
  if (!found) throw new Error(`no operation ${id}`);
  return found;
}

const pointer = (...segments: string[]) => segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The status is one the document lists for the operation, with the content type and a body its schema accepts. */
async function expectDocumented(path: string, method: string, response: Response, context: unknown): Promise<unknown> {
  const label = `${method.toUpperCase()} ${path} → ${response.status} for ${JSON.stringify(context).slice(0, 400)}`;
  const text = await response.text();
  expect(response.status, `${label}: ${text.slice(0, 600)}`).toBeLessThan(500);
  const responses = document.paths[path]![method]!.responses;
  expect(Object.keys(responses), label).toContain(String(response.status));
  const documented = responses[String(response.status)]!;
  const responseObject = resolver.resolve(documented);
  if (response.status === 204) {
    expect(responseObject.content, label).toBeUndefined();
    expect(text, label).toBe('');
    return null;
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const content = responseObject.content as Record<string, unknown>;
  expect(Object.keys(content), label).toContain(type);
  const base = typeof documented.$ref === 'string' ? documented.$ref.replace(/^#\//, '').split('/') : ['paths', path, method, 'responses', String(response.status)];
  const validate = ajv.getSchema(`urn:example:openapi#/${pointer(...base, 'content', type, 'schema')}`)!;
  const body = type.endsWith('json') ? (JSON.parse(text) as unknown) : text;
  expect(validate(body), `${label}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  return body;
}

/**
 * fetch, sent once more when it went out on a pooled connection the server had already closed: this
 * process computes its cases synchronously for seconds, longer than the server keeps an idle
 * connection, and fetch cannot tell before it writes. Sending again is safe for every operation here:
 * estimates and checks store nothing, and a request carries its Idempotency-Key.
 */
async function request(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
    try {
      return await fetch(url, init);
    } catch (again) {
      throw new Error(`${init.method ?? 'GET'} ${url} got no answer; the server printed:\n${run.server.output().slice(-4000)}`, { cause: again });
    }
  }
}

function send(path: string, method: string, body: unknown, headers: Record<string, string> = {}) {
  return request(`${run.server.url}${concrete(path)}`, {
    method: method.toUpperCase(),
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress(), ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * The rules the document states in words because a JSON Schema cannot (see the configuration's
 * description): applied to a generated body so that a valid body is one the server must accept.
 */
type GeneratedConfiguration = { audience?: string; sites: { id: string; lines: { productId: string; quantity: number; reused?: number; connection?: string; phase?: number }[] }[]; phases?: unknown[] };

/** The rules a configuration's description states beside its schema: distinct site ids, reuse, connections, phases. */
function followConfigurationRules(configuration: GeneratedConfiguration, catalog: Catalog): void {
  configuration.sites.forEach((site, i) => {
    site.id = `site-${i}`;
    for (const line of site.lines) {
      const product = catalog.get(line.productId)!;
      line.reused = isInstalled(product) ? Math.min(line.reused ?? 0, line.quantity) : 0;
      if (line.connection && !(isInstalled(product) && product.install[`${line.connection as 'wired' | 'wireless'}Minutes`] !== undefined)) delete line.connection;
      if (line.phase !== undefined && line.phase > (configuration.phases?.length ?? 0)) delete line.phase;
    }
  });
}

function followStatedRules(body: unknown, catalog: Catalog): unknown {
  if (!body || typeof body !== 'object') return body;
  const request = body as { configuration?: unknown; addresses?: { siteId?: string }[]; packages?: { offered?: Record<string, GeneratedConfiguration> } };
  const configuration = request.configuration as GeneratedConfiguration | undefined;
  if (!configuration || typeof configuration !== 'object' || !Array.isArray(configuration.sites)) {
    // Packages come with a configuration.
    delete request.packages;
    return body;
  }
  followConfigurationRules(configuration, catalog);
  // Packages come with a home configuration, each package a home's with its sites in the same order.
  if (configuration.audience !== 'home') delete request.packages;
  for (const offered of Object.values(request.packages?.offered ?? {})) {
    offered.audience = configuration.audience;
    offered.sites = configuration.sites.map((site, i) => offered.sites[i] ?? structuredClone(site));
    followConfigurationRules(offered, catalog);
  }
  // A business configuration's request names the business and what it wants next.
  const business = request as { company?: string; nextStep?: string };
  if ((configuration as { audience?: string }).audience === 'business' && Array.isArray(request.addresses)) {
    // Blank counts as not given, as in every optional text field.
    if (!business.company?.trim()) business.company = 'Generated Traders';
    business.nextStep ??= 'formal-quote';
  }
  if (Array.isArray(request.addresses)) {
    const template = request.addresses[0]!;
    request.addresses = configuration.sites.map((site, i) => ({ ...(request.addresses![i] ?? template), siteId: site.id }));
  }
  return body;
}

function bodySchema(operation: Operation): Schema {
  return operation.requestBody!.content['application/json']!.schema;
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', { timeout: 60_000 }, async () => {
    const result = await new Validator().validate(document);
    expect(result, JSON.stringify(result).slice(0, 1500)).toEqual({ valid: true });
    expect(document.openapi).toMatch(/^3\.1\./);
  });

  it('documents every route under /api and the health routes, and nothing else', () => {
    const apiDir = join(root, 'src/pages/api');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
    const routes = files(apiDir)
      // The staff API is internal, behind sign-in (tests/integration/staff-guard.test.ts): not in the public document.
      .filter((f) => /\.(ts|astro)$/.test(f) && !f.endsWith('docs.astro') && !relative(apiDir, f).startsWith('staff/'))
      .map((f) => `/api/${relative(apiDir, f).replace(/\.(ts|astro)$/, '').replace(/\/?index$/, '').replace(/\[(\w+)\]/g, '{$1}')}`.replace(/\/$/, ''));
    // The server entry answers the health routes itself (src/server/ops/health.ts).
    expect(Object.keys(document.paths).sort()).toEqual([...routes, '/healthz', '/readyz'].sort());
  });

  it('lists a problem answer for every failure a body can meet, and a success', () => {
    for (const { operation, method } of clientOperations()) {
      const statuses = Object.keys(operation.responses);
      expect(statuses.some((s) => s.startsWith('2')), operation.operationId).toBe(true);
      if (method === 'post') expect(statuses, operation.operationId).toEqual(expect.arrayContaining(['400', '413', '415', '422', '429', '500']));
    }
  });

  it('has examples that work as they stand', async () => {
    for (const { path, method, operation } of clientOperations().filter((o) => o.operation.requestBody)) {
      const examples = operation.requestBody!.content['application/json']!.examples!;
      expect(Object.keys(examples).length, operation.operationId).toBeGreaterThan(0);
      for (const [name, { value }] of Object.entries(examples)) {
        expect(ajv.validate({ $ref: `urn:example:openapi#/${pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema')}` }, value), `${name}: ${JSON.stringify(ajv.errors?.slice(0, 3))}`).toBe(true);
        const response = await send(path, method, value, { 'idempotency-key': `example-${name}-${Date.now()}` });
        expect(response.status, `${operation.operationId} example ${name}`).toBeGreaterThanOrEqual(200);
        expect(response.status).toBeLessThan(300);
        const body = (await expectDocumented(path, method, response, name)) as { ok?: boolean } | null;
        if (body && 'ok' in body) expect(body.ok, name).toBe(true);
      }
    }
  }, 60_000);
});

describe('every operation, driven from the document', () => {
  const postOperations = ['estimate', 'checkConfiguration', 'createShortLink', 'submitRequest'] as const;

  for (const id of postOperations) {
    it(`${id}: accepts bodies generated from its schema`, async () => {
      const { path, method, operation } = findOperation(id);
      const catalog = loadData().catalog;
      const schema = bodySchema(operation);
      const validate = ajv.compile({ $ref: `urn:example:openapi#/${pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema')}` });
      await fc.assert(
        fc.asyncProperty(arbitraryFor(schema, resolver), async (generated) => {
          const body = followStatedRules(generated, catalog);
          expect(validate(body), `generated body fits its schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
          const response = await send(path, method, body, { 'idempotency-key': `generated-${crypto.randomUUID()}` });
          await expectDocumented(path, method, response, body);
          expect(response.status, JSON.stringify(body).slice(0, 400)).toBeGreaterThanOrEqual(200);
          expect(response.status).toBeLessThan(300);
        }),
        { numRuns: 12 },
      );
    }, 240_000);

    it(`${id}: refuses a body with one field broken against its schema, naming the field`, async () => {
      const { path, method, operation } = findOperation(id);
      const catalog = loadData().catalog;
      const schema = bodySchema(operation);
      const broken = arbitraryFor(schema, resolver)
        .map((generated) => brokenVariants(schema, followStatedRules(generated, catalog), resolver))
        .filter((variants) => variants.length > 0)
        .chain((variants) => fc.constantFrom(...variants));
      const seen = new Set<string>();
      await fc.assert(
        fc.asyncProperty(broken, async ({ path: field, rule, body, alternatives }: Broken) => {
          seen.add(rule.split(' ')[0]!);
          const response = await send(path, method, body, { 'idempotency-key': `broken-${crypto.randomUUID()}` });
          const answer = (await expectDocumented(path, method, response, { field, rule, body })) as { ok?: boolean; errors?: { path: string }[]; issues?: { path: (string | number)[] }[] };
          if (response.status === 200) {
            // The check operation reads a configuration and answers why it cannot be used.
            expect(id, `${field} broken (${rule}) was accepted`).toBe('checkConfiguration');
            expect(answer.ok, `${field} broken (${rule})`).toBe(false);
            return;
          }
          expect(response.status, `${field} broken (${rule})`).toBe(422);
          const named = (answer.errors ?? []).map((e) => e.path);
          const at = (p: string, place: string) => p === place || p.startsWith(`${place}.`);
          expect(named.some((p) => [field, ...alternatives].some((place) => at(p, place))), `${field} broken (${rule}) got errors at ${JSON.stringify(named)}`).toBe(true);
        }),
        { numRuns: 40 },
      );
      expect(seen.size).toBeGreaterThan(2);
    }, 240_000);

    it(`${id}: answers bodies that are not JSON objects of the right size and type with a documented problem`, () => answersUnfitBodies(id), 60_000);
  }

  it('recordQuoteView: answers bodies that are not JSON objects of the right size and type with a documented problem', () => answersUnfitBodies('recordQuoteView'), 60_000);

  /** Bodies that are not JSON objects of the right size and type get a documented problem. */
  async function answersUnfitBodies(id: string) {
    const { path, method } = findOperation(id);
    const cases: [BodyInit, Record<string, string>, number][] = [
      ['{"configuration": ', {}, 400],
      // A form content type from another site is refused before the route (Astro's origin check).
      ['{}', { 'content-type': 'text/plain' }, 403],
      ['{}', { 'content-type': 'text/plain', origin: run.server.url }, 415],
      [JSON.stringify({ padding: 'x'.repeat(300 * 1024) }), {}, 413],
      ['[]', {}, 422],
      ['"text"', {}, 422],
      ['null', {}, 422],
    ];
    for (const [body, headers, status] of cases) {
      const response = await request(`${run.server.url}${concrete(path)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress(), 'idempotency-key': `raw-${crypto.randomUUID()}`, ...headers },
        body,
      });
      expect(response.status, String(body).slice(0, 40)).toBe(status);
      await expectDocumented(path, method, response, String(body).slice(0, 40));
    }
  }

  it('submitRequest: refuses an unusable Idempotency-Key as documented, naming the header', async () => {
    const { path, method, operation } = findOperation('submitRequest');
    const header = (operation.parameters ?? []).find((p) => p.name === 'Idempotency-Key')!;
    const example = operation.requestBody!.content['application/json']!.examples!.service!.value;
    for (const key of ['short', 'x'.repeat(101), 'has spaces in it, 16+']) {
      expect(ajv.validate(header.schema as Schema, key)).toBe(false);
      const response = await send(path, method, example, { 'idempotency-key': key });
      const answer = (await expectDocumented(path, method, response, key)) as { errors: { path: string; in?: string }[] };
      expect(response.status).toBe(422);
      expect(answer.errors).toEqual([expect.objectContaining({ path: 'Idempotency-Key', in: 'header' })]);
    }
  }, 60_000);

  it('GET operations answer every value their parameters allow, and 404 for any other', async () => {
    for (const { path, method, operation } of operations().filter((o) => o.method === 'get')) {
      const parameter = (operation.parameters ?? []).find((p) => p.in === 'path');
      const values = parameter ? [...((parameter.schema as Schema).enum as string[]), 'no-such-thing'] : [''];
      for (const value of values) {
        const url = parameter ? path.replace(`{${parameter.name as string}}`, value) : path;
        const response = await request(`${run.server.url}${url}`);
        await expectDocumented(path, method, response, url);
        expect(response.status, url).toBe(value === 'no-such-thing' ? 404 : 200);
      }
    }
  }, 60_000);
});
