import { describe, expect, it } from 'vitest';
import { openDatabase } from '~/server/db/client';
import { outbox } from '~/server/db/schema';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer } from '../helpers/server';
import { startSmtp } from '../helpers/smtp';

/**
 * SIGTERM with mail waiting: the outbox worker finishes the batch it is sending and stops, so a
 * backlog behind a slow mail server does not hold the process up; what it did not send stays pending
 * and goes out, once each, from the next start. (Its own file, beside shutdown.test.ts, so the two
 * run side by side.)
 */

describe('SIGTERM with a backlog of mail', () => {
  it('lets the outbox finish the batch it is sending and leaves the rest for the next start', async () => {
    // A backlog of three batches (a batch is 20) waiting at the start, and a slow mail server.
    const data = await freshDataDir();
    const queued = await openDatabase({ dataDir: data.dir });
    await queued.db.insert(outbox).values(Array.from({ length: 60 }, (_, i) => ({ kind: 'customer-confirmation', to: `backlog-${i}@example.com`, subject: `Message ${i}`, text: 'Hello', html: '<p>Hello</p>' })));
    await queued.close();
    const smtp = await startSmtp({ acceptMs: 100 });
    const env = { SMTP_URL: smtp.url, OUTBOX_INTERVAL_SECONDS: '3600' };
    try {
      const sending = await startServer({ dataDir: data.dir, env });
      await smtp.waitForMessages(1);
      sending.terminate();
      expect(await sending.exitStatus()).toEqual({ code: 0, signal: null });
      // The batch under way, and at most the one after it if the signal came as it began.
      const delivered = smtp.messages.length;
      expect(delivered).toBeLessThanOrEqual(40);

      const handle = await openDatabase({ dataDir: data.dir });
      try {
        const rows = await handle.db.select({ status: outbox.status }).from(outbox);
        expect(rows.filter((row) => row.status === 'sent')).toHaveLength(delivered);
        expect(rows.filter((row) => row.status === 'pending')).toHaveLength(60 - delivered);
      } finally {
        await handle.close();
      }
      // The next start sends what was left, each message once.
      const next = await startServer({ dataDir: data.dir, env });
      try {
        await smtp.waitForMessages(60, 30_000);
        expect(new Set(smtp.messages.map((m) => m.to[0])).size).toBe(60);
      } finally {
        await next.stop();
      }
    } finally {
      data.remove();
      await smtp.close();
    }
  }, 120_000);
});
