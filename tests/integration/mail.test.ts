import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '~/domain/estimate/dates';
import { openDatabase } from '~/server/db/client';
import { outbox, requests } from '~/server/db/schema';
import { installationRequest } from '../helpers/configuration';
import { freePort, startServer, type TestServer } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { installerDay } from '../helpers/data-files';

/**
 * Notifications end to end: the production server writes them to the outbox with the request and
 * delivers them after the commit, through a real SMTP server, or to its log when none is set up.
 */

const today = installerDay();
let server: TestServer | undefined;
let smtp: TestSmtp | undefined;

afterEach(async () => {
  await server?.stop();
  server?.cleanUp();
  await smtp?.close();
  server = undefined;
  smtp = undefined;
});

async function submit(target: TestServer, key: string) {
  const response = await fetch(`${target.url}/api/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(
      installationRequest({
        addresses: [{ siteId: 'home', line1: '12 Analytical Way', city: 'Bayview', postalCode: '94100' }],
        windows: [{ date: addDays(today, 5), part: 'afternoon' }],
        notes: 'Side gate code on request.',
      }),
    ),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { reference: string; quote: { url: string } };
}

/** Reads the server's database after it stopped (PGlite allows one process at a time). */
async function storedRows(dataDir: string) {
  const handle = await openDatabase({ dataDir });
  try {
    return { requests: await handle.db.select().from(requests), outbox: await handle.db.select().from(outbox).orderBy(outbox.id) };
  } finally {
    await handle.close();
  }
}

describe('notifications', { timeout: 150_000 }, () => {
  it('sends the customer’s confirmation and the installer’s notification through SMTP', async () => {
    smtp = await startSmtp();
    server = await startServer({ env: { SMTP_URL: smtp.url, INSTALLER_EMAIL: 'installer@northgate.example', MAIL_FROM: 'Northgate Quotes <quotes@northgate.example>' } });
    const { reference, quote } = await submit(server, 'mail-smtp-delivery-0001');
    const messages = await smtp.waitForMessages(2);
    const customer = messages.find((m) => m.to.includes('ada@example.com'))!;
    const installer = messages.find((m) => m.to.includes('installer@northgate.example'))!;
    expect(customer.to).toEqual(['ada@example.com']);
    expect(installer.to).toEqual(['installer@northgate.example']);
    for (const message of [customer, installer]) {
      expect(message.from).toBe('quotes@northgate.example');
      expect(message.subject).toContain(reference);
      expect(message.text).toContain(reference);
      expect(message.text).toContain(quote.url);
    }
    expect(customer.subject).toBe(`We received your installation request ${reference}`);
    expect(customer.text).toContain('Hello Ada,');
    expect(customer.headers.get('reply-to')).toBe('installer@northgate.example');
    expect(installer.subject).toBe(`New installation request ${reference}: Ada Lovelace, Bayview`);
    expect(installer.headers.get('reply-to')).toBe('ada@example.com');
    for (const detail of ['ada@example.com', '(555) 010-2000', '12 Analytical Way, Bayview 94100', 'Side gate code on request.']) expect(installer.text).toContain(detail);

    await server.stop();
    const rows = await storedRows(server.dataDir);
    expect(rows.requests.map((r) => r.reference)).toEqual([reference]);
    expect(rows.outbox.map((r) => [r.kind, r.status, r.attempts])).toEqual([
      ['customer-confirmation', 'sent', 1],
      ['installer-notification', 'sent', 1],
    ]);
  });

  it('keeps the messages in the outbox when no mail server is set up, and logs only their id and kind', async () => {
    server = await startServer();
    const { reference } = await submit(server, 'mail-no-smtp-logged-01');
    const output = await server.waitForOutput(/"kind":"installer-notification"/);
    expect(output).toMatch(/"messageId":\d+,"kind":"customer-confirmation","msg":"SMTP_URL is not set: message kept in the outbox, not sent"/);
    // Nothing of the message reaches the log: not the reference, the names, the addresses or the subject.
    for (const personal of [reference, 'Ada', 'Lovelace', 'ada@example.com', '010-2000', 'Analytical', 'Bayview', 'Subject', 'Side gate']) expect(output, personal).not.toContain(personal);
    await server.stop();
    const rows = await storedRows(server.dataDir);
    expect(rows.outbox.map((r) => r.status)).toEqual(['logged', 'logged']);
    expect(rows.outbox[0]!.to).toBe('ada@example.com');
    expect(rows.outbox[1]!.text).toContain(reference);
  });

  it('keeps messages while the mail server is down and delivers them once it is back', async () => {
    const port = await freePort();
    server = await startServer({ env: { SMTP_URL: `smtp://mailer:s3cret@127.0.0.1:${port}`, OUTBOX_INTERVAL_SECONDS: '1', OUTBOX_RETRY_SECONDS: '1' } });
    const { reference } = await submit(server, 'mail-smtp-down-then-up');
    // Both messages have failed once before the mail server comes up.
    await server.waitForOutput(/(not sent \(attempt 1 of 10\): .*ECONNREFUSED[\s\S]*){2}/);
    smtp = await startSmtp({ port });
    const messages = await smtp.waitForMessages(2, 30_000);
    expect(messages.every((m) => m.subject.includes(reference))).toBe(true);
    await server.stop();
    const rows = await storedRows(server.dataDir);
    for (const row of rows.outbox) {
      expect(row.status).toBe('sent');
      expect(row.attempts).toBeGreaterThanOrEqual(2);
      expect(row.lastError).toBeNull();
    }
  });
});
