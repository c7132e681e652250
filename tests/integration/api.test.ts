import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeConfiguration } from '~/domain/configuration/link';
import { addDays } from '~/domain/estimate/dates';
import { estimate } from '~/domain/estimate/estimate';
import { checkedConfigurationSchema } from '~/server/http/responses';
import { homeConfiguration, installationRequest, loadData, productFor, twoSiteConfiguration } from '../helpers/configuration';
import { serverForFile } from '../helpers/server';
import { installerDay } from '../helpers/data-files';

/**
 * The JSON API against the production build. The server trusts one proxy (TRUST_PROXY=1), so each
 * test sends its own X-Forwarded-For address and has its own rate-limit allowance.
 */

let lastAddress = 0;
const nextAddress = () => `198.51.100.${++lastAddress}`;
const today = installerDay();

const run = serverForFile({ env: { TRUST_PROXY: '1' } });

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${run.server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const problemType = (response: Response) => response.headers.get('content-type') ?? '';

describe('GET /api/catalog', () => {
  it('lists the products with prices and only the public settings', async () => {
    const response = await fetch(`${run.server.url}/api/catalog`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { products: { id: string; priceCents: number }[]; settings: Record<string, unknown> };
    expect(body.products.length).toBe(loadData().catalog.products.length);
    const camera = productFor('camera-outdoor');
    expect(body.products.find((p) => p.id === camera.id)?.priceCents).toBe(camera.priceCents);
    expect(body.settings).toMatchObject({ currency: 'USD', quoteValidityDays: loadData().settings.quoteValidityDays });
    expect(Object.keys(body.settings).sort()).toEqual(['company', 'currency', 'depositPercent', 'locale', 'quoteValidityDays', 'tax', 'units']);
  });
});

describe('GET /api/schema', () => {
  it('publishes a JSON Schema for each body the API accepts', async () => {
    const index = (await (await fetch(`${run.server.url}/api/schema`)).json()) as { schemas: { name: string; url: string }[] };
    expect(index.schemas.map((s) => s.name)).toEqual(['configuration', 'premises', 'estimate-request', 'check-request', 'short-link-request', 'request', 'installation-request', 'service-request', 'view-report']);
    for (const { url } of index.schemas) {
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/application\/schema\+json/);
      const schema = (await response.json()) as Record<string, unknown>;
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toBe(url);
    }
    const request = (await (await fetch(`${run.server.url}/api/schema/request`)).json()) as { oneOf?: { properties: { kind: { const: string } } }[]; anyOf?: unknown[] };
    const kinds = (request.oneOf ?? (request.anyOf as typeof request.oneOf))!.map((option) => option.properties.kind.const);
    expect(kinds).toEqual(['installation', 'service']);
    const installation = (await (await fetch(`${run.server.url}/api/schema/installation-request`)).json()) as { required: string[]; properties: Record<string, unknown> };
    // io: 'input': fields with defaults are optional to send.
    expect(installation.required).toEqual(['contact', 'addresses', 'consent']);
    expect(Object.keys(installation.properties)).toContain('configuration');
  });

  it('answers an unknown schema with a 404 problem', async () => {
    const response = await fetch(`${run.server.url}/api/schema/nope`);
    expect(response.status).toBe(404);
    expect(problemType(response)).toMatch(/application\/problem\+json/);
  });
});

describe('POST /api/estimate', () => {
  it('prices a configuration with the server’s catalog', async () => {
    const config = homeConfiguration();
    const response = await post('/api/estimate', { configuration: config });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { estimate: unknown; pricedOn: string };
    expect(body.pricedOn).toBe(today);
    expect(body.estimate).toEqual(estimate(config, loadData(), { today }));
  });

  it('ignores prices and totals sent with the configuration', async () => {
    const config = homeConfiguration();
    const tampered = JSON.parse(JSON.stringify(config)) as { sites: { lines: Record<string, unknown>[] }[] } & Record<string, unknown>;
    tampered.sites[0]!.lines[0]!.priceCents = 1;
    tampered.sites[0]!.lines[0]!.unitCents = 1;
    tampered.oneTime = { low: 1, high: 1 };
    const response = await post('/api/estimate', { configuration: tampered, estimate: { oneTime: { low: 1, high: 1 } }, total: 1 });
    const body = (await response.json()) as { estimate: { oneTime: { low: number } } };
    expect(body.estimate).toEqual(estimate(config, loadData(), { today }));
    expect(body.estimate.oneTime.low).toBeGreaterThan(100_00);
  });

  it('names every bad field with its path in a problem+json', async () => {
    const config = homeConfiguration() as unknown as { audience: string; sites: { conditions: Record<string, unknown>; lines: Record<string, unknown>[] }[] };
    config.audience = 'castle';
    config.sites[0]!.conditions.storeys = 0;
    config.sites[0]!.lines[2]!.quantity = 0;
    const response = await post('/api/estimate', { configuration: config });
    expect(response.status).toBe(422);
    expect(problemType(response)).toMatch(/^application\/problem\+json/);
    const problem = (await response.json()) as { type: string; title: string; status: number; detail: string; errors: { path: string; pointer: string; message: string }[] };
    expect(problem).toMatchObject({ type: '/api/problems/validation-error', status: 422 });
    expect(problem.title).toBeTruthy();
    expect(problem.detail).toBeTruthy();
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['configuration.audience', 'configuration.sites.0.conditions.storeys', 'configuration.sites.0.lines.2.quantity']);
    expect(problem.errors.find((e) => e.path === 'configuration.sites.0.lines.2.quantity')).toMatchObject({ pointer: '/configuration/sites/0/lines/2/quantity', message: 'at least 1' });
  });

  it('names products the catalog does not have', async () => {
    const config = homeConfiguration();
    config.sites[0]!.lines[1]!.productId = 'no-such-recorder';
    const problem = (await (await post('/api/estimate', { configuration: config })).json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors).toEqual([{ path: 'configuration.sites.0.lines.1.productId', pointer: '/configuration/sites/0/lines/1/productId', message: 'no product "no-such-recorder" in the catalog' }]);
  });

  it('answers bad bodies with 4xx problems, never a 5xx', async () => {
    const cases: [unknown, number][] = [
      ['{"configuration": ', 400],
      ['[]', 422],
      ['null', 422],
      ['"text"', 422],
      [{}, 422],
      [{ configuration: null }, 422],
      [{ configuration: 'v1.abc' }, 422],
      [{ configuration: { sites: 'many' } }, 422],
    ];
    for (const [body, status] of cases) {
      const response = await post('/api/estimate', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(problemType(response)).toMatch(/application\/problem\+json/);
    }
    const form = await fetch(`${run.server.url}/api/estimate`, { method: 'POST', headers: { 'content-type': 'text/plain', origin: run.server.url }, body: '{}' });
    expect(form.status).toBe(415);
  });
});

describe('POST /api/estimate with premises', () => {
  it('recommends three packages, each priced and checked by the server', async () => {
    const response = await post('/api/estimate', { premises: { kind: 'home', goals: ['deter', 'fire-co'], budget: 'essential', postalCode: '94107' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { recommendation: { start: string; packages: Record<string, { estimate: { sites: { lines: { reason: string }[] }[]; oneTime: { low: number; high: number } }; checks: unknown[] }> } };
    expect(body.recommendation.start).toBe('essential');
    expect(Object.keys(body.recommendation.packages)).toEqual(['essential', 'recommended', 'complete']);
    const { essential, complete } = body.recommendation.packages;
    expect(essential!.estimate.oneTime.low).toBeGreaterThan(0);
    expect(complete!.estimate.oneTime.low).toBeGreaterThan(essential!.estimate.oneTime.low);
    // Reasons are worded from each line as it is (domain/configuration/reason.ts), so they are read off the estimate.
    expect(essential!.estimate.sites[0]!.lines.every((l) => l.reason.length > 10)).toBe(true);
    expect(Array.isArray(essential!.checks)).toBe(true);
  });

  it('names bad premises fields with their paths', async () => {
    const response = await post('/api/estimate', { premises: { kind: 'business', sites: [{ name: '', floorAreaM2: -5 }] } });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { errors: { path: string }[] };
    const paths = body.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['premises.sites.0.name', 'premises.sites.0.floorAreaM2']));
  });
});

describe('POST /api/configurations/check', () => {
  it('reads a share code and a configuration with the server’s schema and catalog, and prices it as POST /api/estimate does', async () => {
    const configuration = homeConfiguration();
    const code = await encodeConfiguration(configuration);
    const priced = (await (await post('/api/estimate', { configuration })).json()) as { pricedOn: string; estimate: unknown };
    for (const body of [{ code }, { configuration }]) {
      const response = await post('/api/configurations/check', body);
      expect(response.status).toBe(200);
      const answer = (await response.json()) as { ok: boolean; configuration: unknown; checks: { id: string; status: string }[] };
      expect(answer).toMatchObject({ ok: true, configuration, pricedOn: priced.pricedOn, estimate: priced.estimate, phaseTotals: [] });
      expect(answer.checks.map((c) => c.id)).toContain('home:recording:channels');
    }
  });

  it('gives a phased configuration each phase’s total against its budget, as its response schema says', async () => {
    const phased = twoSiteConfiguration();
    phased.phases = [{ name: 'Shop first', budgetCents: 100_000 }];
    phased.sites[0]!.lines = phased.sites[0]!.lines.map((line) => ({ ...line, phase: 1 }));
    const answer = checkedConfigurationSchema.parse(await (await post('/api/configurations/check', { configuration: phased })).json());
    if (!answer.ok) throw new Error(answer.message);
    expect(answer.phaseTotals.map((t) => [t.phase, t.name, t.budgetCents])).toEqual([[1, 'Shop first', 100_000], [null, 'Not in a phase yet', 0]]);
    const units = (site: (typeof phased.sites)[number]) => site.lines.reduce((n, line) => n + line.quantity, 0);
    expect(answer.phaseTotals.map((t) => t.units)).toEqual([units(phased.sites[0]!), units(phased.sites[1]!)]);
    expect(answer.phaseTotals[0]!.status).toBe(answer.phaseTotals[0]!.oneTime.low > 100_000 ? 'over' : answer.phaseTotals[0]!.oneTime.high <= 100_000 ? 'within' : 'may-exceed');
  });

  it('answers the same through Astro (any other form of the address) as on the entry’s direct path', async () => {
    const body = { configuration: homeConfiguration() };
    const direct = await post('/api/configurations/check', body);
    const throughAstro = await post('/api/configurations/check?via=astro', body);
    expect(throughAstro.status).toBe(direct.status);
    expect(await throughAstro.json()).toEqual(await direct.json());
    const broken = { something: 1 };
    const [brokenDirect, brokenThroughAstro] = await Promise.all([post('/api/configurations/check', broken), post('/api/configurations/check?via=astro', broken)]);
    expect([brokenDirect.status, brokenThroughAstro.status]).toEqual([422, 422]);
    expect(await brokenThroughAstro.json()).toEqual(await brokenDirect.json());
  });

    it('explains damaged codes and configurations with gone products, with paths', async () => {
    const damaged = await (await post('/api/configurations/check', { code: 'v1.abc' })).json();
    expect(damaged).toMatchObject({ ok: false, reason: 'damaged' });
    const configuration = homeConfiguration();
    configuration.sites[0]!.lines[0]!.productId = 'discontinued-camera';
    const invalid = await (await post('/api/configurations/check', { configuration })).json();
    expect(invalid).toMatchObject({ ok: false, reason: 'invalid', issues: [{ path: ['sites', 0, 'lines', 0, 'productId'], message: 'no product "discontinued-camera" in the catalog' }] });
  });

  it('refuses a code that inflates to tens of megabytes with a 413, quickly, before inflating it all', async () => {
    const code = `v1.${deflateRawSync(Buffer.alloc(40 * 1024 * 1024, 0x20), { level: 9 }).toString('base64url')}`;
    const started = performance.now();
    const response = await post('/api/configurations/check', { code });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: '/api/problems/payload-too-large', detail: expect.stringMatching(/more than 1,048,576 bytes/) });
    expect(performance.now() - started).toBeLessThan(5000);
  }, 30_000);

  it('answers a body with neither with a field-level 422', async () => {
    const response = await post('/api/configurations/check', { something: 1 });
    expect(response.status).toBe(422);
    expect(problemType(response)).toMatch(/problem\+json/);
  });
});

describe('request body limits', () => {
  it('refuses a body larger than the endpoint accepts with 413, before reading it', async () => {
    const big = JSON.stringify({ configuration: homeConfiguration(), padding: 'x'.repeat(300 * 1024) });
    const response = await post('/api/estimate', big);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { type: string }).type).toBe('/api/problems/payload-too-large');
  });

  it('counts a streamed body without Content-Length and stops it at the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${run.server.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await fetch(`${run.server.url}/api/schema`)).status).toBe(200);
  });

  it('refuses a body over the server-wide limit', async () => {
    const response = await post('/api/requests', JSON.stringify({ padding: 'x'.repeat(2 * 1024 * 1024) }));
    expect(response.status).toBe(413);
  });
});

describe('POST /api/requests', { timeout: 30_000 }, () => {
  it('stores an installation request and answers with the server’s own figures, whatever the body claimed', async () => {
    const config = homeConfiguration();
    const tampered = JSON.parse(JSON.stringify(config)) as { sites: { lines: Record<string, unknown>[] }[] };
    tampered.sites[0]!.lines.forEach((line) => Object.assign(line, { priceCents: 1, unitCents: 1, amount: { low: 1, high: 1 } }));
    const body = installationRequest({ configuration: tampered, estimate: { oneTime: { low: 100, high: 100 } }, totals: { oneTime: 100 }, priceCents: 1 });
    const response = await post('/api/requests', body, { 'idempotency-key': 'api-tampered-prices-0001' });
    expect(response.status).toBe(201);
    const result = (await response.json()) as { reference: string; replayed: boolean; quote: { id: string; url: string; validUntil: string; estimate: { oneTime: { low: number } } } };
    expect(result.reference).toMatch(/^NG-[2-9A-HJKMNP-TV-Z]{6}$/);
    expect(result.replayed).toBe(false);
    const expected = estimate(config, loadData(), { today });
    expect(result.quote.estimate).toEqual(expected);
    expect(result.quote.validUntil).toBe(addDays(today, loadData().settings.quoteValidityDays));
    expect(result.quote.url).toBe(`${run.server.url}/quote/${result.quote.id}`);

    // The saved quote shows the same figures and the site's address (issue 8: what the customer gave),
    // and no other personal data beyond the first name.
    const page = await (await fetch(result.quote.url)).text();
    expect(page).toContain('Quote for Ada');
    expect(page).toContain('12 Analytical Way');
    for (const secret of ['Lovelace', 'ada@example.com', '010-2000', 'Gate is on the left']) expect(page).not.toContain(secret);
  });

  it('returns the stored request for a retry with the same Idempotency-Key', async () => {
    const body = installationRequest();
    const first = await post('/api/requests', body, { 'idempotency-key': 'api-retried-request-0001' });
    const second = await post('/api/requests', body, { 'idempotency-key': 'api-retried-request-0001' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const [a, b] = (await Promise.all([first.json(), second.json()])) as { reference: string; quote: { id: string } }[];
    expect(b!.reference).toBe(a!.reference);
    expect(b!.quote.id).toBe(a!.quote.id);
  });

  it('refuses a reused Idempotency-Key with different content', async () => {
    const first = (await (await post('/api/requests', installationRequest(), { 'idempotency-key': 'api-reused-key-00001' })).json()) as { reference: string };
    const response = await post('/api/requests', installationRequest({ notes: 'Another house' }), { 'idempotency-key': 'api-reused-key-00001' });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect((JSON.parse(text) as { type: string }).type).toBe('/api/problems/idempotency-conflict');
    // Whoever holds a key learns nothing about the request stored under it.
    expect(text).not.toMatch(/NG-/);
    expect(text).not.toContain(first.reference);
  });

  it('refuses an unusable Idempotency-Key', async () => {
    const response = await post('/api/requests', installationRequest(), { 'idempotency-key': 'short' });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors[0]!.path).toBe('Idempotency-Key');
  });

  it('stores a service request without a quote', async () => {
    const response = await post('/api/requests', {
      kind: 'service',
      contact: { name: 'Grace Hopper', email: 'grace@example.com' },
      address: { line1: '1 Harbor Way', city: 'Bayview', postalCode: '94100' },
      system: 'fire',
      problem: 'The smoke alarm in the hall chirps every minute.',
      urgency: 'soon',
      consent: true,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ kind: 'service', quote: null, status: 'received' });
  });

  it('lists every bad field of a request with its path', async () => {
    const config = homeConfiguration();
    config.sites[0]!.lines[0]!.productId = 'no-such-camera';
    const body = installationRequest({
      contact: { name: '', email: 'ada-at-example', phone: '12' },
      addresses: [{ siteId: 'home', line1: '12 Analytical Way', city: 'Bayview', postalCode: '!' }],
      windows: [{ date: addDays(today, -1), part: 'evening' }],
      consent: false,
      configuration: config,
    });
    const response = await post('/api/requests', body);
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual([
      'addresses.0.postalCode',
      'configuration.sites.0.lines.0.productId',
      'consent',
      'contact.email',
      'contact.name',
      'contact.phone',
      'windows.0.date',
      'windows.0.part',
    ]);
    expect(problem.errors.find((e) => e.path === 'contact.email')!.message).toBe('Enter an email address like name@example.com');
    expect(problem.errors.find((e) => e.path === 'windows.0.date')!.message).toBe('Choose a date after today');
  });

  it('asks for an address per site of the configuration', async () => {
    const response = await post('/api/requests', installationRequest({ addresses: [] }));
    const problem = (await response.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors.map((e) => [e.path, e.message])).toEqual([
      ['addresses', 'Enter the address where we should install'],
    ]);
  });

  it('rejects a filled spam trap and stores nothing', async () => {
    const rejected = await post('/api/requests', installationRequest({ website: 'http://spam.example' }), { 'idempotency-key': 'api-honeypot-key-0001' });
    expect(rejected.status).toBe(400);
    expect(((await rejected.json()) as { type: string }).type).toBe('/api/problems/rejected');
    // Nothing was stored under the key: the same key now stores a new request.
    const accepted = await post('/api/requests', installationRequest(), { 'idempotency-key': 'api-honeypot-key-0001' });
    expect(accepted.status).toBe(201);
    expect(((await accepted.json()) as { replayed: boolean }).replayed).toBe(false);
  });
});

describe('rate limiting', { timeout: 30_000 }, () => {
  it('answers 429 with Retry-After after 10 submissions from one address, and only for that address', async () => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await post('/api/requests', installationRequest(), { 'x-forwarded-for': `10.9.8.7, ${address}` });
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        const problem = (await response.json()) as { type: string; detail: string };
        expect(problem.type).toBe('/api/problems/rate-limited');
        expect(problem.detail).toMatch(/try again in \d+ minutes/);
      }
    }
    expect(statuses).toEqual([...Array<number>(10).fill(201), 429]);
    // The client-supplied part of X-Forwarded-For is not trusted: changing it does not reset the count.
    expect((await post('/api/requests', installationRequest(), { 'x-forwarded-for': `10.1.1.1, ${address}` })).status).toBe(429);
    expect((await post('/api/requests', installationRequest())).status).toBe(201);
  });

  // Every endpoint that stores a row, with a broken body and a valid one.
  const storing = [
    { path: '/api/requests', broken: { kind: 'installation', contact: { name: '' } }, valid: () => installationRequest() },
    { path: '/api/short-links', broken: { configuration: { sites: 'none' } }, valid: () => ({ configuration: homeConfiguration() }) },
  ];

  it.each(storing)('counts invalid posts to $path too: every attempt uses up the allowance', async ({ path, broken, valid }) => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post(path, broken, { 'x-forwarded-for': address })).status);
    expect(statuses).toEqual([...Array<number>(10).fill(422), 429]);
    // Once paused, a valid one waits too.
    expect((await post(path, valid(), { 'x-forwarded-for': address })).status).toBe(429);
  });
});

describe('lone surrogates', { timeout: 30_000 }, () => {
  it('are refused in any text field with a field error, not stored as U+FFFD', async () => {
    for (const [path, body] of [
      ['contact.name', installationRequest({ contact: { name: 'Ada \ud800 Lovelace', email: 'ada@example.com' } })],
      ['notes', installationRequest({ notes: 'Gate \udfff' })],
      ['addresses.0.city', installationRequest({ addresses: [{ siteId: 'home', line1: '12 Analytical Way', city: 'Bay\ud83dview', postalCode: '94100' }] })],
    ] as const) {
      const response = await post('/api/requests', body);
      expect(response.status, path).toBe(422);
      const problem = (await response.json()) as { errors: { path: string; message: string }[] };
      expect(problem.errors, path).toEqual([expect.objectContaining({ path, message: expect.stringMatching(/broken character/) })]);
    }
    // A whole emoji (a surrogate pair) is text like any other.
    expect((await post('/api/requests', installationRequest({ notes: 'Friendly dog 🐕' }))).status).toBe(201);
  });
});
