import { count, eq, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createCatalog } from '~/domain/catalog/catalog';
import { addDays } from '~/domain/estimate/dates';
import { estimate } from '~/domain/estimate/estimate';
import { fixtureConfig, fixtureData, fixtureProducts, fixtureSite } from '~/domain/fixtures';
import type { CustomerRequest } from '~/domain/requests/request';
import { installerToday } from '~/domain/settings/today';
import { bundledMigrations, openDatabase } from '~/server/db/client';
import { outbox, quoteRevisions, quotes, requests } from '~/server/db/schema';
import { deliverDue, outboxCounts } from '~/server/mail/outbox';
import { logger } from '~/server/ops/log';
import { ConfigurationError, createQuote, prepareQuote } from '~/server/quotes/quote';
import { repriceToday } from '~/server/quotes/reprice';
import { getQuoteByPublicId } from '~/server/quotes/store';
import { referencePattern } from '~/server/requests/reference';
import { IdempotencyConflictError, submitRequest } from '~/server/requests/submit';
import { timelineOf } from '~/server/timeline/store';
import { backends, databaseForSuite, createPostgresDatabase } from '../../helpers/db';
import { freshDataDir } from '../../helpers/pglite-template';

const data = fixtureData;
const mail = { settings: data.settings, installerEmail: 'installer@example.com', siteUrl: 'https://quotes.example.com' };
const delivery = { from: 'quotes@example.com', retryBaseMs: 60_000, claimMs: 120_000, policy: data.settings.outbox };
const maxAttempts = data.settings.outbox.maxAttempts;
const config = fixtureConfig([
  fixtureSite([
    { productId: 'cam', quantity: 4 },
    { productId: 'nvr', quantity: 1 },
    { productId: 'contact', quantity: 3, connection: 'wireless' },
  ], { planId: 'plan-36' }),
]);

function installation(overrides: Partial<Extract<CustomerRequest, { kind: 'installation' }>> = {}): CustomerRequest {
  return {
    kind: 'installation',
    contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '(555) 010-2000' },
    addresses: [{ siteId: 'site-1', line1: '12 Analytical Way', city: 'Bayview', postalCode: '12345' }],
    windows: [{ date: '2030-01-15', part: 'morning' }],
    notes: 'Dog in the yard.',
    consent: true,
    configuration: config,
    ...overrides,
  };
}

const service: CustomerRequest = {
  kind: 'service',
  contact: { name: 'Grace Hopper', email: 'grace@example.com' },
  address: { line1: '1 Harbor Way', city: 'Bayview', postalCode: '94100' },
  system: 'intrusion',
  problem: 'The keypad beeps every few minutes.',
  urgency: 'soon',
  windows: [],
  consent: true,
};

describe.each(backends)('storage on $name', (backend) => {
  const db = databaseForSuite(backend);

  beforeEach(async () => {
    await db().delete(outbox);
    await db().delete(requests);
    await db().delete(quotes);
  });

  const rowCount = async (table: typeof requests | typeof quotes | typeof outbox | typeof quoteRevisions) =>
    (await db().select({ n: count() }).from(table))[0]!.n;

  describe('quotes', () => {
    it('stores revision 1 with the server’s own estimate, frozen with the products and settings used', async () => {
      const now = new Date('2026-05-04T15:00:00Z');
      const quote = await createQuote(db(), { configuration: config, firstName: 'Ada', status: 'saved' }, data, now);
      const stored = await getQuoteByPublicId(db(), quote.publicId);
      expect(stored).not.toBeNull();
      expect(stored!.revision.number).toBe(1);
      expect(stored!.firstName).toBe('Ada');
      expect(stored!.revision.validUntil).toBe('2026-06-03');
      expect(stored!.revision.snapshot.estimate).toEqual(estimate(config, data, { today: '2026-05-04' }));
      expect(stored!.revision.snapshot.products.map((p) => p.id)).toEqual(['cam', 'cat6', 'contact', 'nvr', 'plan-36', 'travel']);
      expect(stored!.revision.snapshot.products.find((p) => p.id === 'cam')).toMatchObject({ priceCents: 20000, name: 'Test camera', model: 'T-1' });
      expect(stored!.revision.snapshot.settings.quoteValidityDays).toBe(30);
    });

    it('ignores prices and totals smuggled into the configuration', async () => {
      const tampered = JSON.parse(JSON.stringify(config));
      tampered.sites[0].lines[0].priceCents = 1;
      tampered.sites[0].lines[0].unitCents = 1;
      tampered.sites[0].lines[0].amount = { low: 1, high: 1 };
      tampered.estimate = { oneTime: { low: 1, high: 1 } };
      tampered.totals = { oneTime: 1 };
      const quote = await createQuote(db(), { configuration: tampered, status: 'saved' }, data, new Date('2026-05-04T10:00:00Z'));
      const [row] = await db().select().from(quoteRevisions).where(eq(quoteRevisions.quoteId, quote.id));
      const expected = estimate(config, data, { today: '2026-05-04' });
      expect(row!.snapshot.estimate).toEqual(expected);
      expect(row!.oneTimeLowCents).toBe(expected.oneTime.low);
      expect(row!.oneTimeLowCents).toBeGreaterThan(1000);
      expect(JSON.stringify(row!.configuration)).not.toMatch(/priceCents|unitCents|amount|totals/);
    });

    it('refuses a configuration with products the catalog does not have, naming each path', async () => {
      const bad = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }, { productId: 'no-such-thing', quantity: 1 }], { planId: 'cam' })]);
      const error = await createQuote(db(), { configuration: bad, status: 'saved' }, data).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).issues.map((i) => i.path.join('.'))).toEqual(['sites.0.lines.1.productId', 'sites.0.planId']);
      expect(await rowCount(quotes)).toBe(0);
    });

    it('checks a configuration validated with another catalog than the one it is priced with', async () => {
      const bad = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }, { productId: 'no-such-thing', quantity: 1 }])]);
      const other = createCatalog([...fixtureProducts, { ...fixtureProducts.find((p) => p.id === 'cam')!, id: 'no-such-thing' }]);
      const error = await createQuote(db(), { configuration: bad, validatedWith: other, status: 'saved' }, data).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(await rowCount(quotes)).toBe(0);
    });

    it('gives every quote an unguessable public id of at least 128 bits that is not sequential', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push((await createQuote(db(), { configuration: config, status: 'saved' }, data)).publicId);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/); // 24 base64url characters = 144 bits
      expect(new Set(ids).size).toBe(ids.length);
      // Consecutive ids share no long prefix and are not ordered: nothing to count up from.
      const sharedPrefix = (a: string, b: string) => [...a].findIndex((ch, i) => ch !== b[i]);
      for (let i = 1; i < ids.length; i++) expect(sharedPrefix(ids[i - 1]!, ids[i]!)).toBeLessThan(6);
      expect([...ids].sort()).not.toEqual(ids);
      expect(await getQuoteByPublicId(db(), ids[0]!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBeNull();
      expect(await getQuoteByPublicId(db(), '1')).toBeNull();
    });

    it('reprices an expired quote with today’s catalog and lists what changed', async () => {
      const cheaper = createCatalog(fixtureProducts.map((p) => (p.id === 'cam' ? { ...p, priceCents: 18000 } : p)));
      const quote = await createQuote(db(), { configuration: config, status: 'saved' }, { ...data, catalog: cheaper }, new Date('2025-01-10T12:00:00Z'));
      const reprice = repriceToday(quote, data, '2026-05-04');
      expect(reprice.ok).toBe(true);
      if (!reprice.ok) return;
      const camera = reprice.changes.find((c) => c.label === 'Test camera');
      expect(camera).toEqual({ site: 'Home', label: 'Test camera', before: { low: 72000, high: 72000 }, after: { low: 80000, high: 80000 } });
      expect(reprice.oneTime.after.low).toBeGreaterThan(reprice.oneTime.before.low);
      expect(reprice.changes.every((c) => c.before === null || c.after === null || c.before.low !== c.after.low || c.before.high !== c.after.high)).toBe(true);
    });
  });

  describe('requests', () => {
    it('stores the request, its quote and both notifications in one go', async () => {
      const result = await submitRequest(db(), installation(), { idempotencyKey: 'key-stores-everything-1', data, mail });
      expect(result.replayed).toBe(false);
      expect(result.reference).toMatch(referencePattern(data.settings.company.referencePrefix));
      const [row] = await db().select().from(requests);
      expect(row).toMatchObject({ reference: result.reference, kind: 'installation', contactEmail: 'ada@example.com', consent: true, quoteId: result.quote!.id });
      const quote = await getQuoteByPublicId(db(), result.quote!.publicId);
      expect(quote!.firstName).toBe('Ada');
      expect(quote!.status).toBe('requested');
      const messages = await db().select().from(outbox).orderBy(outbox.id);
      expect(messages.map((m) => [m.kind, m.to, m.status])).toEqual([
        ['customer-confirmation', 'ada@example.com', 'pending'],
        ['installer-notification', 'installer@example.com', 'pending'],
      ]);
      for (const m of messages) {
        expect(m.subject).toContain(result.reference);
        expect(m.text).toContain(`https://quotes.example.com/quote/${result.quote!.publicId}`);
      }
      const timeline = await timelineOf(db(), { requestId: row!.id });
      expect(timeline.map((e) => [e.kind, e.actor, e.quoteId, e.detail])).toEqual([['request.submitted', 'customer', result.quote!.id, { reference: result.reference }]]);
      expect(await timelineOf(db(), { quoteId: result.quote!.id })).toEqual(timeline);
    });

    it('stores a service request without a quote', async () => {
      const result = await submitRequest(db(), service, { idempotencyKey: 'key-service-request-1', data, mail });
      const [row] = await db().select().from(requests);
      expect(row).toMatchObject({ kind: 'service', serviceSystem: 'intrusion', serviceUrgency: 'soon', quoteId: null, addresses: [service.kind === 'service' ? service.address : null] });
      expect(result.quote).toBeNull();
      expect(await rowCount(quotes)).toBe(0);
      expect(await rowCount(outbox)).toBe(2);
    });

    it('prices with the ZIP code of the address the customer gave', async () => {
      const request = installation({ addresses: [{ siteId: 'site-1', line1: '1 Far Road', city: 'Farville', postalCode: '21999' }] });
      const result = await submitRequest(db(), request, { idempotencyKey: 'key-postal-code-zone', data, mail });
      expect(result.quote!.revision.snapshot.estimate.sites[0]!.travelZone.id).toBe('far');
    });

    it('returns the stored request when the same submission is sent again, and stores nothing new', async () => {
      const first = await submitRequest(db(), installation(), { idempotencyKey: 'key-sent-twice-0001', data, mail });
      const second = await submitRequest(db(), installation(), { idempotencyKey: 'key-sent-twice-0001', data, mail });
      expect(second).toMatchObject({ reference: first.reference, replayed: true });
      expect(second.quote!.publicId).toBe(first.quote!.publicId);
      expect([await rowCount(requests), await rowCount(quotes), await rowCount(outbox)]).toEqual([1, 1, 2]);
    });

    it('stores exactly one request when duplicates arrive at the same time', async () => {
      const results = await Promise.all(Array.from({ length: 6 }, () => submitRequest(db(), installation(), { idempotencyKey: 'key-concurrent-0001', data, mail })));
      expect(new Set(results.map((r) => r.reference)).size).toBe(1);
      expect(results.filter((r) => !r.replayed)).toHaveLength(1);
      expect([await rowCount(requests), await rowCount(quotes), await rowCount(quoteRevisions), await rowCount(outbox)]).toEqual([1, 1, 1, 2]);
    });

    it('refuses the same key with different content, keeping the first request as it was', async () => {
      const first = await submitRequest(db(), installation(), { idempotencyKey: 'key-changed-content', data, mail });
      const error = await submitRequest(db(), installation({ notes: 'Something else' }), { idempotencyKey: 'key-changed-content', data, mail }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IdempotencyConflictError);
      expect((error as Error).message).not.toContain(first.reference);
      const rows = await db().select().from(requests);
      expect(rows.map((r) => r.notes)).toEqual(['Dog in the yard.']);
    });

    it('stores nothing at all when any part of the transaction fails', async () => {
      await db().execute(sql`create or replace function test_refuse_outbox() returns trigger language plpgsql as $$ begin raise exception 'outbox refused'; end $$`);
      await db().execute(sql`create trigger test_refuse_outbox before insert on outbox for each row execute function test_refuse_outbox()`);
      try {
        await expect(submitRequest(db(), installation(), { idempotencyKey: 'key-rolled-back-01', data, mail })).rejects.toThrow();
        expect([await rowCount(requests), await rowCount(quotes), await rowCount(quoteRevisions), await rowCount(outbox)]).toEqual([0, 0, 0, 0]);
      } finally {
        await db().execute(sql`drop trigger test_refuse_outbox on outbox`);
        await db().execute(sql`drop function test_refuse_outbox()`);
      }
      // The same key works once the fault is gone: nothing of the failed attempt was left behind.
      const retried = await submitRequest(db(), installation(), { idempotencyKey: 'key-rolled-back-01', data, mail });
      expect(retried.replayed).toBe(false);
    });
  });

  describe('outbox', () => {
    const submitOne = () => submitRequest(db(), installation(), { idempotencyKey: `key-outbox-${Math.random().toString(36).slice(2, 12)}`, data, mail });

    it('keeps messages in the outbox when no mail server is set up, logging only their id and kind', async () => {
      const { reference } = await submitOne();
      const entries: { messageId: number; kind: string }[] = [];
      const report = await deliverDue(db(), { ...delivery, transport: null, log: (entry) => entries.push(entry) });
      expect(report).toEqual({ sent: 0, logged: 2, retrying: 0, deadLettered: 0 });
      expect(await outboxCounts(db())).toEqual({ logged: 2 });
      const rows = await db().select().from(outbox).orderBy(outbox.id);
      expect(entries).toEqual(rows.map((row) => ({ messageId: row.id, kind: row.kind })));
      expect(entries.map((entry) => entry.kind)).toEqual(['customer-confirmation', 'installer-notification']);
      // The outbox keeps the message itself.
      expect(rows[0]!.to).toBe('ada@example.com');
      expect(rows[0]!.text).toContain(reference);
    });

    it('sends each due message once through the transport, even with two deliveries running at once', async () => {
      await submitOne();
      await submitOne();
      const sent: string[] = [];
      const transport = nodemailer.createTransport({ jsonTransport: true });
      const original = transport.sendMail.bind(transport);
      transport.sendMail = ((message: Parameters<typeof original>[0]) => {
        sent.push(String(message.to));
        return original(message);
      }) as typeof transport.sendMail;
      const reports = await Promise.all([deliverDue(db(), { ...delivery, transport }), deliverDue(db(), { ...delivery, transport })]);
      expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(4);
      expect(sent.sort()).toEqual(['ada@example.com', 'ada@example.com', 'installer@example.com', 'installer@example.com']);
      expect(await outboxCounts(db())).toEqual({ sent: 4 });
      expect((await deliverDue(db(), { ...delivery, transport })).sent).toBe(0);
    });

    it('leaves the messages another run claimed until its claim has passed, then sends them', async () => {
      await submitOne();
      const start = new Date('2030-01-01T00:00:00Z');
      // An instance that claims the messages and dies before sending them: its sendMail never answers.
      const dying = { sendMail: () => new Promise(() => undefined) } as unknown as Transporter;
      void deliverDue(db(), { ...delivery, transport: dying, now: start });
      await vi.waitFor(async () => expect((await db().select().from(outbox)).every((row) => row.lockedUntil?.getTime() === start.getTime() + delivery.claimMs)).toBe(true));
      const transport = nodemailer.createTransport({ jsonTransport: true });
      expect((await deliverDue(db(), { ...delivery, transport, now: new Date(start.getTime() + delivery.claimMs - 1) })).sent).toBe(0);
      expect((await deliverDue(db(), { ...delivery, transport, now: new Date(start.getTime() + delivery.claimMs + 1) })).sent).toBe(2);
      expect(await outboxCounts(db())).toEqual({ sent: 2 });
    });

    it('keeps a message that could not be sent, with the error, and retries it later until it gives up', async () => {
      await submitOne();
      const errors = vi.spyOn(logger(), 'error').mockImplementation(() => undefined);
      const warnings = vi.spyOn(logger(), 'warn').mockImplementation(() => undefined);
      const broken = { sendMail: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')) } as unknown as Transporter;
      const start = new Date('2030-01-01T00:00:00Z');
      const first = await deliverDue(db(), { ...delivery, transport: broken, now: start });
      expect(first.retrying).toBe(2);
      const rows = await db().select().from(outbox);
      for (const row of rows) {
        expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'connect ECONNREFUSED 127.0.0.1:1' });
        expect(row.nextAttemptAt.getTime()).toBe(start.getTime() + 60_000);
      }
      // Not due yet: nothing is tried.
      expect(await deliverDue(db(), { ...delivery, transport: broken, now: new Date(start.getTime() + 30_000) })).toEqual({ sent: 0, logged: 0, retrying: 0, deadLettered: 0 });
      let now = start;
      for (let attempt = 2; attempt <= maxAttempts; attempt++) {
        now = new Date(now.getTime() + 2 * 60 * 60_000);
        await deliverDue(db(), { ...delivery, transport: broken, now });
      }
      expect(await outboxCounts(db())).toEqual({ dead: 2 });
      const [dead] = await db().select().from(outbox);
      expect(dead).toMatchObject({ attempts: maxAttempts, lastError: 'connect ECONNREFUSED 127.0.0.1:1', deadAt: now });
      // Each failed try is logged with the message's id and kind and the error, never the recipient.
      expect(errors).toHaveBeenCalledTimes(2 * maxAttempts);
      const [fields, line] = errors.mock.calls[0]! as unknown as [Record<string, unknown>, string];
      expect(fields).toEqual({ messageId: expect.any(Number), kind: expect.stringMatching(/^(customer-confirmation|installer-notification)$/) });
      expect(line).toMatch(new RegExp(`^message not sent \\(attempt 1 of ${maxAttempts}\\): connect ECONNREFUSED`));
      expect(JSON.stringify(errors.mock.calls)).not.toMatch(/@example\.com/);
      expect(warnings).toHaveBeenCalledTimes(2);
      errors.mockRestore();
      warnings.mockRestore();
    });
  });
});

describe('migrations', () => {
  it('are applied once: opening the database again applies nothing new', async () => {
    const { dir, remove } = await freshDataDir();
    try {
      const first = await openDatabase({ dataDir: dir });
      await createQuote(first.db, { configuration: config, status: 'saved' }, data);
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const applied = (await second.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows: { n: number }[] };
      expect(Number(applied.rows[0]!.n)).toBe(bundledMigrations().length);
      expect((await second.db.select({ n: count() }).from(quotes))[0]!.n).toBe(1);
      await second.close();
    } finally {
      remove();
    }
  }, 30_000);

  it.runIf(Boolean(process.env.DATABASE_URL))('let several instances start at once on PostgreSQL, applying each migration once', async () => {
    const database = await createPostgresDatabase(process.env.DATABASE_URL!);
    try {
      const handles = await Promise.all([1, 2, 3].map(() => openDatabase({ url: database.url })));
      const applied = (await handles[0]!.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as { rows: { n: number }[] };
      expect(Number(applied.rows[0]!.n)).toBe(bundledMigrations().length);
      // Snapshots are stored as sent (json) and, where the server has lz4, compressed with it.
      const column = (await handles[0]!.db.execute(
        sql`select format_type(atttypid, atttypmod) as type, attcompression as compression, exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) as lz4 from pg_attribute where attrelid = 'quote_revisions'::regclass and attname = 'snapshot'`,
      )) as unknown as { rows: { type: string; compression: string; lz4: boolean }[] };
      expect(column.rows[0]).toMatchObject({ type: 'json', compression: column.rows[0]!.lz4 ? 'l' : '' });
      await Promise.all(handles.map((h) => h.close()));
    } finally {
      await database.drop();
    }
  }, 30_000);

  it('bundle every migration in the journal', () => {
    const migrations = bundledMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) expect(m.sql.join('')).toMatch(/create table|alter table|create index/i);
  });

  it('dates a quote on the installer’s calendar day, whatever the server’s time zone', () => {
    const eveningInCalifornia = new Date('2026-05-04T23:30:00-07:00');
    expect(data.settings.timeZone).toBe('America/Los_Angeles');
    expect(installerToday(data.settings, eveningInCalifornia)).toBe('2026-05-04');
    const { revision } = prepareQuote({ configuration: config, status: 'saved' }, data, eveningInCalifornia);
    expect(revision.validUntil).toBe(addDays('2026-05-04', data.settings.quoteValidityDays));
  });
});
