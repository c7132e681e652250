import { z } from 'zod';
import { configurationSchema, type Configuration } from '~/domain/configuration/configuration';
import { encodeConfiguration } from '~/domain/configuration/link';
import { addDays } from '~/domain/estimate/dates';
import type { SiteData } from '~/domain/site-data';
import { premisesSchema, type PremisesInput } from '~/domain/premises/premises';
import { recommend } from '~/domain/recommend/recommend';
import type { CustomerRequestInput } from '~/domain/requests/request';
import { submissionFieldsSchema } from '~/domain/requests/request';
import { SECRET_ID_PATTERN } from '../quotes/public-id';
import { VIEW_BODY_LIMIT } from '../views/report-schema';
import { JSON_BODY_LIMIT } from './body';
import { problemTypes, problemTypeUri, type ProblemType } from './problem';
import {
  catalogAnswerSchema,
  checkedConfigurationSchema,
  checkSchema,
  estimateSchema,
  healthSchema,
  pricedConfigurationSchema,
  problemSchema,
  problemTypeSchema,
  readinessSchema,
  recommendationSchema,
  requestReceivedSchema,
  schemaIndexSchema,
  shortLinkCreatedSchema,
} from './responses';
import { publishedSchemas, schemaNames, toJsonSchema, type SchemaName } from './schemas';

/**
 * The OpenAPI 3.1 document of the JSON API (GET /api/openapi.json, read by /api/docs). Every schema
 * in it is generated from the zod schemas the routes validate with (requests) or build their
 * answers as (responses); the request schemas are the published JSON Schemas of /api/schema, with
 * today's catalog and date window. The examples are built from the shipped data (a recommended
 * package is a valid configuration), so each one works as it stands.
 */

type Json = { [key: string]: unknown };

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Response schemas, with the estimate, the check and the configuration shared by reference. */
const responseSchemas = {
  'priced-configuration': pricedConfigurationSchema,
  recommendation: recommendationSchema,
  'checked-configuration': checkedConfigurationSchema,
  catalog: catalogAnswerSchema,
  'request-received': requestReceivedSchema,
  'short-link-created': shortLinkCreatedSchema,
  problem: problemSchema,
  'problem-type': problemTypeSchema,
  'schema-index': schemaIndexSchema,
  estimate: estimateSchema,
  check: checkSchema,
  health: healthSchema,
  readiness: readinessSchema,
  'read-configuration': configurationSchema,
} as const;

function responseComponents(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(responseSchemas)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io: 'output', target: 'draft-2020-12', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema as Json)]));
}

function withoutDialect(schema: Json): Json {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

function problemExample(type: ProblemType, detail: string, extra: Json = {}) {
  const { status, title } = problemTypes[type];
  return { summary: title, value: { type: problemTypeUri(type), title, status, detail, ...extra } };
}

const problemResponses = {
  MalformedJson: { type: 'malformed-json', examples: { 'malformed-json': problemExample('malformed-json', 'The body is not valid JSON (Unexpected end of JSON input).') } },
  PayloadTooLarge: { type: 'payload-too-large', examples: { 'payload-too-large': problemExample('payload-too-large', `The body may be at most ${JSON_BODY_LIMIT} bytes.`, { limitBytes: JSON_BODY_LIMIT }) } },
  UnsupportedMediaType: { type: 'unsupported-media-type', examples: { 'unsupported-media-type': problemExample('unsupported-media-type', 'Send the body as application/json, not text/plain.') } },
  ValidationError: {
    type: 'validation-error',
    examples: {
      'validation-error': problemExample('validation-error', 'The configuration cannot be priced as sent.', {
        errors: [{ path: 'configuration.sites.0.lines.2.quantity', pointer: '/configuration/sites/0/lines/2/quantity', message: 'at least 1' }],
      }),
    },
  },
  RateLimited: { type: 'rate-limited', examples: { 'rate-limited': problemExample('rate-limited', 'Too many requests from this address. Try again in 42 seconds.', { retryAfterSeconds: 42 }) } },
  NotFound: { type: 'not-found', examples: { 'not-found': problemExample('not-found', 'There is no problem type "nope".') } },
  InternalError: { type: 'internal-error', examples: { 'internal-error': problemExample('internal-error', 'The server could not complete the request. Nothing was stored. Please try again later.') } },
} as const satisfies Record<string, { type: ProblemType; examples: Json }>;

type ProblemResponse = keyof typeof problemResponses;

function problemResponse(name: ProblemResponse, description: string, examples: Json = problemResponses[name].examples): Json {
  const headers = name === 'RateLimited' ? { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } } } : undefined;
  return { description, ...(headers ? { headers } : {}), content: { 'application/problem+json': { schema: ref('problem'), examples } } };
}

const problemRef = (name: ProblemResponse) => ({ $ref: `#/components/responses/${name}` });

/** The answers every JSON-body endpoint can give before it reads the body's content. */
function bodyProblems(): Record<string, Json> {
  return {
    400: problemRef('MalformedJson'),
    403: {
      description:
        "A form content type (text/plain, application/x-www-form-urlencoded, multipart/form-data) or none, from another site: refused by the framework's origin check before the API reads it. Send application/json.",
      content: { 'text/plain': { schema: { type: 'string' }, example: 'Cross-site POST form submissions are forbidden' } },
    },
    413: problemRef('PayloadTooLarge'),
    415: problemRef('UnsupportedMediaType'),
    422: problemRef('ValidationError'),
    429: problemRef('RateLimited'),
    500: problemRef('InternalError'),
  };
}

function jsonContent(schema: Json, examples?: Json): Json {
  return { 'application/json': { schema, ...(examples ? { examples } : {}) } };
}

export interface ApiExamples {
  configuration: Configuration;
  premises: PremisesInput;
  code: string;
  installation: CustomerRequestInput;
  /** The installation of a package, with the three packages the assessment offered: its quote offers all three. */
  packages: CustomerRequestInput;
  service: CustomerRequestInput;
  /** A quote link id of the right shape (the quote itself is made by a request). */
  quoteId: string;
}

/** Request examples from the shipped data, dated from today so their preferred times lie in the window. */
export async function apiExamples(data: SiteData, today: string): Promise<ApiExamples> {
  const premises: PremisesInput = { kind: 'home', goals: ['deter', 'fire-co'], postalCode: '94107' };
  const { packages } = recommend(premisesSchema.parse(premises), data);
  const configuration = packages.recommended;
  const contact = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '(555) 010-4400' };
  const address = { line1: '1 Market St', city: 'San Francisco', region: 'CA', postalCode: '94107' };
  const installation = {
    kind: 'installation',
    contact,
    addresses: configuration.sites.map((site) => ({ siteId: site.id, ...address })),
    windows: [{ date: addDays(today, 7), part: 'morning' }],
    consent: true,
    configuration,
  } satisfies CustomerRequestInput;
  return {
    configuration,
    premises,
    code: await encodeConfiguration(configuration),
    installation,
    packages: { ...installation, packages: { tier: 'recommended', offered: packages } },
    service: {
      kind: 'service',
      contact,
      address,
      system: 'intrusion',
      problem: 'The keypad beeps every few minutes and shows a low battery.',
      urgency: 'soon',
      windows: [{ date: addDays(today, 2), part: 'afternoon' }],
      consent: true,
    },
    quoteId: 'Q2xvc2VkLWRlbW8tcXVvdGUx',
  };
}

const example = (summary: string, value: unknown) => ({ summary, value });

function operations(examples: ApiExamples): Json {
  const idempotencyKey = submissionFieldsSchema.shape.idempotencyKey.unwrap();
  return {
    '/api/estimate': {
      post: {
        operationId: 'estimate',
        summary: 'Price a configuration, or recommend three packages for premises',
        description:
          'Priced by the server with today\'s catalog; nothing is stored. `{ "configuration": … }` gets `{ pricedOn, estimate, checks }`; `{ "premises": … }` gets `{ pricedOn, recommendation }` with three packages (essential, recommended, complete), each a configuration with its estimate and checks.',
        requestBody: {
          required: true,
          content: jsonContent(ref('estimate-request'), {
            configuration: example('Price a configuration', { configuration: examples.configuration }),
            premises: example('Recommend packages for a home', { premises: examples.premises }),
          }),
        },
        responses: {
          200: { description: 'The estimate and checks, or the recommendation', content: jsonContent({ oneOf: [ref('priced-configuration'), ref('recommendation')] }) },
          ...bodyProblems(),
        },
      },
    },
    '/api/configurations/check': {
      post: {
        operationId: 'checkConfiguration',
        summary: 'Read, price and check a share code or a configuration with today\'s catalog',
        description:
          'Answers 200 whether or not the configuration can be used: `ok: true` with the configuration as the schema reads it (defaults filled in), its estimate and the total of each phase, priced on `pricedOn`, and its engineering checks, or `ok: false` with the reason, a message and every issue. A share code that inflates past 1 MiB (more than any configuration needs) is refused with 413 before more of it is inflated. Nothing is stored.',
        requestBody: {
          required: true,
          content: jsonContent(ref('check-request'), {
            code: example('A share code', { code: examples.code }),
            configuration: example('A configuration', { configuration: examples.configuration }),
          }),
        },
        responses: { 200: { description: 'What the code or configuration holds, or why it cannot be used', content: jsonContent(ref('checked-configuration')) }, ...bodyProblems() },
      },
    },
    '/api/short-links': {
      post: {
        operationId: 'createShortLink',
        summary: 'Keep a configuration under a short link, /c/<id>',
        description:
          'Stores the configuration (as the schema reads it with today\'s catalog) under a new unguessable id and answers its address; `GET /c/<id>` opens the configurator with it. Only the configuration is kept: a body with any other field (a name, an email address) is refused with 422 naming it.',
        requestBody: { required: true, content: jsonContent(ref('short-link-request'), { configuration: example('A configuration to share', { configuration: examples.configuration }) }) },
        responses: { 201: { description: 'Stored', content: jsonContent(ref('short-link-created')) }, ...bodyProblems() },
      },
    },
    '/api/requests': {
      post: {
        operationId: 'submitRequest',
        summary: 'Ask for an installation or a service visit',
        description:
          'Stores the request (and, with a configuration, a quote priced by the server) and sends the confirmation mail. Send an `Idempotency-Key` and retry with the same key as often as needed: the request is stored once, and a retry gets the stored result (200, `Idempotent-Replayed: true`). A body whose `website` field (a spam trap hidden from people) is filled in is refused with 400.',
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'Any unique value per request, reused for its retries',
            schema: toJsonSchema(idempotencyKey, 'input'),
            example: 'c0ffee00-1234-4bcd-8ef0-123456789abc',
          },
        ],
        requestBody: {
          required: true,
          content: jsonContent(ref('request'), {
            installation: example('An installation of a configured system', examples.installation),
            packages: example('An installation of the Recommended package, with the three packages the assessment offered (the quote offers all three, each priced by the server)', examples.packages),
            service: example('A service visit', examples.service),
          }),
        },
        responses: {
          201: { description: 'Stored', content: jsonContent(ref('request-received')) },
          200: {
            description: 'A retry of a request already stored with this Idempotency-Key: the stored result',
            headers: { 'Idempotent-Replayed': { description: 'Always "true" on this answer', schema: { const: 'true' } } },
            content: jsonContent(ref('request-received')),
          },
          ...bodyProblems(),
          400: problemResponse('MalformedJson', 'The body is not JSON, or the spam-trap field was filled in', {
            ...problemResponses.MalformedJson.examples,
            rejected: problemExample('rejected', 'The field "website" must be left empty; nothing was stored.'),
          }),
          422: problemResponse('ValidationError', 'A field or the Idempotency-Key header is invalid, or the key was used for a different request', {
            ...problemResponses.ValidationError.examples,
            'idempotency-conflict': problemExample('idempotency-conflict', 'This Idempotency-Key was already used for a different request; nothing was stored.'),
          }),
        },
      },
    },
    '/api/quotes/{id}/views': {
      post: {
        operationId: 'recordQuoteView',
        summary: 'Report that the customer has seen a quote revision',
        description:
          'Sent by the quote page once it has been visible for a few seconds, once per visit. Stores the revision, the time and the browser family, never the address or the full user agent. Answers 204 whether or not the view was counted: staff sessions (the staff cookie) and known crawlers, link previews and mail scanners (by User-Agent) are not. The first view of a revision tells the installer by mail.',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'The quote\'s link id, as in /quote/{id} (the example stands for the id of a quote a request made: answered 404 as it is)',
            schema: { type: 'string', pattern: SECRET_ID_PATTERN.source },
            example: examples.quoteId,
          },
        ],
        requestBody: { required: true, content: jsonContent(ref('view-report'), { view: example('Revision 1 was seen', { revision: 1 }) }) },
        responses: {
          204: { description: 'Taken in (counted, or not counted for a staff session or a bot)' },
          ...bodyProblems(),
          404: problemResponse('NotFound', 'There is no quote with this id', { 'not-found': problemExample('not-found', 'There is no quote at this address.') }),
          413: problemResponse('PayloadTooLarge', 'The body is larger than a view report can be', {
            'payload-too-large': problemExample('payload-too-large', `The body may be at most ${VIEW_BODY_LIMIT} bytes.`, { limitBytes: VIEW_BODY_LIMIT }),
          }),
          422: problemResponse('ValidationError', 'The body is not a view report, or the quote has no such revision', {
            'validation-error': problemExample('validation-error', 'This quote has no revision 7; nothing was stored.', { errors: [{ path: 'revision', pointer: '/revision', message: 'not a revision of this quote' }] }),
          }),
        },
      },
    },
    '/api/catalog': {
      get: {
        operationId: 'catalog',
        summary: 'Every product with its price, and the public settings',
        responses: { 200: { description: 'The catalog', content: jsonContent(ref('catalog')) }, 500: problemRef('InternalError') },
      },
    },
    '/api/problems/{type}': {
      get: {
        operationId: 'problemType',
        summary: 'What a problem type of an error answer means',
        parameters: [{ name: 'type', in: 'path', required: true, schema: { type: 'string', enum: Object.keys(problemTypes) }, example: 'validation-error' }],
        responses: { 200: { description: 'The problem type', content: jsonContent(ref('problem-type')) }, 404: problemRef('NotFound'), 500: problemRef('InternalError') },
      },
    },
    '/api/schema': {
      get: {
        operationId: 'schemaIndex',
        summary: 'The JSON Schemas of the request bodies',
        responses: { 200: { description: 'Their names and addresses', content: jsonContent(ref('schema-index')) }, 500: problemRef('InternalError') },
      },
    },
    '/api/schema/{name}': {
      get: {
        operationId: 'schema',
        summary: 'One JSON Schema (draft 2020-12), the same as in this document\'s components',
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', enum: schemaNames }, example: 'request' }],
        responses: {
          200: { description: 'The schema', content: { 'application/schema+json': { schema: { type: 'object' } } } },
          404: problemRef('NotFound'),
          500: problemRef('InternalError'),
        },
      },
    },
    '/api/webhooks/stripe': {
      post: {
        operationId: 'stripeWebhook',
        summary: 'Stripe events about deposit payments (called by Stripe, signed with the webhook secret)',
        // Only Stripe calls it, and only with a signature made from the webhook secret: no example can be sent as it stands.
        'x-caller': 'Stripe',
        parameters: [{ name: 'Stripe-Signature', in: 'header', required: true, schema: { type: 'string' }, description: 'The signature of the raw body, checked before anything is read' }],
        requestBody: { required: true, content: jsonContent({ type: 'object', description: 'A Stripe Event (checkout.session.completed, …async_payment_succeeded, …async_payment_failed, …expired; others are stored and ignored)' }) },
        responses: {
          200: { description: 'Taken in (or a replay of an event taken in before: nothing changes)', content: jsonContent({ type: 'object', properties: { received: { const: true } }, required: ['received'] }) },
          400: { description: 'The signature does not match the body', content: { 'application/problem+json': { schema: ref('problem') } } },
          404: problemRef('NotFound'),
          500: problemRef('InternalError'),
        },
      },
    },
    '/api/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        responses: { 200: { description: 'The OpenAPI 3.1 document', content: jsonContent({ type: 'object' }) }, 500: problemRef('InternalError') },
      },
    },
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Whether the process answers (liveness)',
        description: 'Touches nothing else, not even the database: restart the process when this fails. Never cached, never rate-limited.',
        responses: { 200: { description: 'The process answers', content: jsonContent(ref('health'), { ok: example('Alive', { status: 'ok' }) }) } },
      },
    },
    '/readyz': {
      get: {
        operationId: 'readiness',
        summary: 'Whether the process should get traffic (readiness)',
        description:
          'Ready once the server has warmed up (modules loaded, database opened and migrated), while the database answers and, when REDIS_URL is set, Redis answers; 503 while starting, from the moment a SIGTERM arrives, or when a dependency fails (named in `failed`). Never cached, never rate-limited.',
        responses: {
          200: { description: 'Ready', content: jsonContent(ref('readiness'), { ready: example('Ready', { status: 'ready', checks: { database: 'ok' } }) }) },
          503: {
            description: 'Not ready: starting, stopping, or a dependency failed',
            content: jsonContent(ref('readiness'), { unavailable: example('The database did not answer', { status: 'unavailable', checks: { database: 'failed' }, failed: ['database'] }) }),
          },
        },
      },
    },
  };
}

export type OpenApiDocument = Json & { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json>; responses: Record<string, Json> } };

let cache: { data: SiteData; today: string; document: Promise<OpenApiDocument> } | undefined;

async function build(data: SiteData, today: string): Promise<OpenApiDocument> {
  const requests = publishedSchemas(data.catalog, today);
  const { company } = data.settings;
  return {
    openapi: '3.1.1',
    info: {
      title: `${company.name} quote API`,
      version: '1',
      description:
        'Price configurations, recommend packages and ask for installations and service visits. Prices are always computed by the server. Errors are application/problem+json (RFC 9457) with an `errors` array naming every bad field. The request schemas carry today\'s catalog and date window: fetch this document again on another day. Read it as a page at /api/docs.',
      contact: { name: company.name, email: company.email },
    },
    paths: operations(await apiExamples(data, today)) as OpenApiDocument['paths'],
    components: {
      schemas: { ...Object.fromEntries(schemaNames.map((name: SchemaName) => [name, withoutDialect(requests.get(name)!)])), ...responseComponents() },
      responses: Object.fromEntries(Object.entries(problemResponses).map(([name, { type }]) => [name, problemResponse(name as ProblemResponse, problemTypes[type].description)])),
    },
  };
}

/** The document for today, built once a day. */
export function openApiDocument(data: SiteData, today: string): Promise<OpenApiDocument> {
  if (cache?.data !== data || cache.today !== today) cache = { data, today, document: build(data, today) };
  return cache.document;
}
