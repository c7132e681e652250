import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A local stand-in for the few Stripe endpoints deposits use, for the real `stripe` library to talk
 * to (its host, port and protocol options): Checkout Sessions (create with idempotency keys,
 * retrieve), refunds, and a test checkout page whose Pay button marks the session paid, sends the
 * signed `checkout.session.completed` event to the site and returns the customer to success_url.
 * Events are signed with the library's own generateTestHeaderString.
 */

type Session = Stripe.Checkout.Session;

export interface FakeStripe {
  url: string;
  port: number;
  secretKey: string;
  webhookSecret: string;
  /** Where events go; set once the site under test is listening. */
  webhookUrl: string | undefined;
  sessions: Map<string, Session>;
  /** Every API call, in order. */
  calls: { method: string; path: string; idempotencyKey: string | undefined; body: Record<string, unknown> }[];
  /** A signed event as Stripe would send it; `signature` overrides the header (a forged call). */
  eventFor(type: string, object: unknown, options?: { id?: string; secret?: string }): { payload: string; signature: string; id: string };
  deliver(type: string, object: unknown, options?: { id?: string; secret?: string }): Promise<Response>;
  close(): Promise<void>;
}

/** Stripe's form encoding back into an object: line_items[0][price_data][unit_amount]=100. */
function parseForm(text: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const path = key.split(/\[|\]\[|\]/).filter(Boolean);
    let node: Record<string, unknown> = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) node[part] = value;
      else node = (node[part] ??= {}) as Record<string, unknown>;
    });
  }
  return root;
}

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString('hex')}`;

async function read(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const secretKey = 'sk_test_fakestripe';
  const webhookSecret = `whsec_${randomBytes(16).toString('hex')}`;
  const signer = new Stripe(secretKey);
  const answers = new Map<string, unknown>();
  const fake = { secretKey, webhookSecret, webhookUrl: undefined, sessions: new Map<string, Session>(), calls: [] } as unknown as FakeStripe;

  fake.eventFor = (type, object, options = {}) => {
    const eventId = options.id ?? id('evt');
    const payload = JSON.stringify({ id: eventId, object: 'event', type, api_version: Stripe.API_VERSION, created: Math.floor(Date.now() / 1000), data: { object }, livemode: false });
    return { payload, id: eventId, signature: signer.webhooks.generateTestHeaderString({ payload, secret: options.secret ?? webhookSecret }) };
  };
  fake.deliver = async (type, object, options) => {
    if (!fake.webhookUrl) throw new Error('set webhookUrl before delivering events');
    const event = fake.eventFor(type, object, options);
    return fetch(fake.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': event.signature }, body: event.payload });
  };

  function createSession(body: Record<string, unknown>): Session {
    const items = body.line_items as Record<string, { price_data: { unit_amount: string; currency: string } }>;
    const amount = Object.values(items).reduce((sum, item) => sum + Number(item.price_data.unit_amount), 0);
    const sessionId = id('cs');
    const session = {
      id: sessionId,
      object: 'checkout.session',
      mode: body.mode,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: amount,
      currency: Object.values(items)[0]!.price_data.currency,
      client_reference_id: body.client_reference_id ?? null,
      metadata: body.metadata ?? {},
      success_url: body.success_url,
      cancel_url: body.cancel_url,
      expires_at: Number(body.expires_at),
      payment_intent: null,
      url: `${fake.url}/pay/${sessionId}`,
    } as unknown as Session;
    fake.sessions.set(sessionId, session);
    return session;
  }

  async function api(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const body = parseForm(await read(request));
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
    fake.calls.push({ method: request.method!, path, idempotencyKey, body });
    const answer = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': id('req') });
      response.end(JSON.stringify(value));
    };
    const key = idempotencyKey && `${request.method} ${path} ${idempotencyKey}`;
    if (key && answers.has(key)) return answer(200, answers.get(key));
    let value: unknown;
    if (request.method === 'POST' && path === '/v1/checkout/sessions') value = createSession(body);
    else if (request.method === 'GET' && path.startsWith('/v1/checkout/sessions/')) value = fake.sessions.get(path.split('/').pop()!);
    else if (request.method === 'POST' && path === '/v1/refunds') value = { id: id('re'), object: 'refund', amount: Number(body.amount), payment_intent: body.payment_intent, status: 'succeeded' };
    if (!value) return answer(404, { error: { type: 'invalid_request_error', message: `No such resource: ${path}` } });
    if (key) answers.set(key, value);
    answer(200, value);
  }

  async function checkoutPage(request: IncomingMessage, response: ServerResponse, sessionId: string): Promise<void> {
    const session = fake.sessions.get(sessionId);
    if (!session) {
      response.writeHead(404).end('No such checkout');
      return;
    }
    if (request.method === 'POST') {
      await read(request);
      Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: id('pi') });
      await fake.deliver('checkout.session.completed', session);
      response.writeHead(303, { location: session.success_url! }).end();
      return;
    }
    const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency: session.currency!.toUpperCase() }).format(session.amount_total! / 100);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Test checkout</title></head>
<body><main><h1>Test checkout</h1><p>Deposit: <strong>${amount}</strong></p><form method="post"><button type="submit">Pay ${amount}</button></form>
<p><a href="${session.cancel_url}">Back to the quote</a></p></main></body></html>`);
  }

  const server = createServer((request, response) => {
    const path = new URL(request.url!, 'http://stripe.local').pathname;
    const handle = path.startsWith('/pay/') ? checkoutPage(request, response, path.slice(5)) : api(request, response, path);
    handle.catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${fake.port}`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
