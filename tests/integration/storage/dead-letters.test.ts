import nodemailer, { type Transporter } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import type { CustomerRequest } from '~/domain/requests/request';
import { outbox } from '~/server/db/schema';
import { countDeadLetters, listDeadLetters, retryDeadLetter } from '~/server/mail/dead-letters';
import { deliverDue, outboxCounts, type DeliveryReport } from '~/server/mail/outbox';
import { smtpOptions } from '~/server/mail/transport';
import { logger } from '~/server/ops/log';
import { submitRequest } from '~/server/requests/submit';
import { backends, databaseForSuite } from '../../helpers/db';
import { startSmtp, type TestSmtp } from '../../helpers/smtp';

/**
 * Retries and dead letters against a real SMTP server that refuses: two outbox workers (two server
 * instances, each with its own pooled connection) racing over the same rows never offer one message
 * twice in a round, each message is tried exactly `outbox.maxAttempts` times before it becomes a dead
 * letter, the logs name dead letters by id and kind only, and staff can send one again.
 */

const data = fixtureData;
const policy = data.settings.outbox;
const retryBaseMs = 60_000;
const mail = { settings: data.settings, installerEmail: 'installer@example.com', siteUrl: 'https://quotes.example.com' };
const request: CustomerRequest = {
  kind: 'installation',
  contact: { name: 'Ada Lovelace', email: 'ada@example.com', phone: '(555) 010-2000' },
  addresses: [{ siteId: 'site-1', line1: '12 Analytical Way', city: 'Bayview', postalCode: '12345' }],
  windows: [],
  notes: 'Side gate code 4417.',
  consent: true,
  configuration: fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]),
};
const personal = /ada|lovelace|analytical|4417|010-2000/i;

describe.each(backends)('dead letters on $name', { timeout: 60_000 }, (backend) => {
  let smtp: TestSmtp | undefined;
  const transports: Transporter[] = [];
  const db = databaseForSuite(backend);

  beforeEach(async () => {
    await db().delete(outbox);
  });
  afterEach(async () => {
    for (const transport of transports.splice(0)) transport.close();
    await smtp?.close();
    smtp = undefined;
    vi.restoreAllMocks();
  });

  async function submitThree(): Promise<void> {
    for (let n = 0; n < 3; n++) await submitRequest(db(), request, { idempotencyKey: `dead-letter-${backend.name}-${n}-${Date.now()}`, data, mail });
  }

  /** Two workers delivering at once, with their own SMTP connections, round after round until nothing is pending. */
  async function twoWorkersUntilSettled(server: TestSmtp): Promise<DeliveryReport[]> {
    const workers = [0, 1].map(() => {
      const transport = nodemailer.createTransport(smtpOptions(server.url));
      transports.push(transport);
      return transport;
    });
    const reports: DeliveryReport[] = [];
    let now = Date.now();
    for (let round = 0; round < policy.maxAttempts + 2 && (await outboxCounts(db())).pending; round++) {
      reports.push(...(await Promise.all(workers.map((transport) => deliverDue(db(), { transport, from: 'quotes@example.com', retryBaseMs, claimMs: 120_000, policy, now: new Date(now) })))));
      // Past the longest delay, so every message is due again in the next round.
      now += policy.maxDelayMultiple * retryBaseMs + 1000;
    }
    return reports;
  }

  const total = (reports: DeliveryReport[], field: keyof DeliveryReport) => reports.reduce((sum, report) => sum + report[field], 0);

  it('tries a refused message exactly maxAttempts times across two workers, then keeps it as a dead letter', async () => {
    smtp = await startSmtp({ refuseFirst: Infinity });
    await submitThree();
    const errors = vi.spyOn(logger(), 'error').mockImplementation(() => undefined);
    const warnings = vi.spyOn(logger(), 'warn').mockImplementation(() => undefined);

    const reports = await twoWorkersUntilSettled(smtp);

    expect(smtp.messages).toEqual([]);
    expect([...smtp.offered.values()]).toEqual(Array(6).fill(policy.maxAttempts));
    expect(total(reports, 'deadLettered')).toBe(6);
    expect(await outboxCounts(db())).toEqual({ dead: 6 });
    expect(await countDeadLetters(db())).toBe(6);
    // Nothing more is tried, however long one waits.
    const later = await deliverDue(db(), { transport: transports[0]!, from: 'quotes@example.com', retryBaseMs, claimMs: 120_000, policy, now: new Date(Date.now() + 365 * 86_400_000) });
    expect(later).toEqual({ sent: 0, logged: 0, retrying: 0, deadLettered: 0 });

    // One warning per dead letter, naming it by id and kind only; no log line carries personal content.
    const rows = await db().select().from(outbox).orderBy(outbox.id);
    expect(warnings.mock.calls.map(([fields]) => fields).sort((a, b) => (a as { messageId: number }).messageId - (b as { messageId: number }).messageId)).toEqual(
      rows.map((row) => ({ messageId: row.id, kind: row.kind })),
    );
    expect(errors).toHaveBeenCalledTimes(6 * policy.maxAttempts);
    expect(JSON.stringify([errors.mock.calls, warnings.mock.calls])).not.toMatch(personal);
    expect(JSON.stringify([errors.mock.calls, warnings.mock.calls])).not.toMatch(/@example\.com/);
    // The row keeps the message itself and the mail server's answer.
    expect(rows[0]).toMatchObject({ status: 'dead', attempts: policy.maxAttempts, to: 'ada@example.com', deadAt: expect.any(Date) });
    expect(rows[0]!.lastError).toMatch(/over quota/);
  });

  it('delivers each message exactly once when two workers retry it after refusals', async () => {
    const refusals = Math.min(2, policy.maxAttempts - 1);
    smtp = await startSmtp({ refuseFirst: refusals });
    await submitThree();
    vi.spyOn(logger(), 'error').mockImplementation(() => undefined);

    const reports = await twoWorkersUntilSettled(smtp);

    const ids = smtp.messages.map((message) => message.headers.get('message-id'));
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(6);
    expect([...smtp.offered.values()]).toEqual(Array(6).fill(refusals + 1));
    expect(total(reports, 'sent')).toBe(6);
    expect(total(reports, 'retrying')).toBe(6 * refusals);
    expect(await outboxCounts(db())).toEqual({ sent: 6 });
  });

  it('lists dead letters without addresses, and sends one again once staff retry it', async () => {
    smtp = await startSmtp({ refuseFirst: Infinity });
    await submitThree();
    vi.spyOn(logger(), 'error').mockImplementation(() => undefined);
    vi.spyOn(logger(), 'warn').mockImplementation(() => undefined);
    await twoWorkersUntilSettled(smtp);

    const letters = await listDeadLetters(db());
    expect(letters).toHaveLength(6);
    expect(letters[0]).toMatchObject({ attempts: policy.maxAttempts, kind: expect.stringMatching(/^(customer-confirmation|installer-notification)$/) });
    expect(letters[0]!.lastError).toContain('Mailbox for <[address]> is over quota');
    expect(JSON.stringify(letters)).not.toMatch(/@example\.com/);

    // The refusing server waits for open connections before it closes.
    for (const transport of transports.splice(0)) transport.close();
    await smtp.close();
    smtp = await startSmtp();
    const chosen = letters[0]!.id;
    expect(await retryDeadLetter(db(), chosen)).toBe(true);
    // Only a dead letter can be queued again: twice is once.
    expect(await retryDeadLetter(db(), chosen)).toBe(false);
    expect(await retryDeadLetter(db(), 987_654_321)).toBe(false);
    expect(await countDeadLetters(db())).toBe(5);

    const transport = nodemailer.createTransport(smtpOptions(smtp.url));
    transports.push(transport);
    const report = await deliverDue(db(), { transport, from: 'quotes@example.com', retryBaseMs, claimMs: 120_000, policy });
    expect(report).toEqual({ sent: 1, logged: 0, retrying: 0, deadLettered: 0 });
    expect(smtp.messages.map((message) => message.headers.get('message-id'))).toEqual([expect.stringContaining(`<outbox-${chosen}-`)]);
    expect(await outboxCounts(db())).toEqual({ sent: 1, dead: 5 });
  });
});
