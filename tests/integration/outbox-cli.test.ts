import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/server/db/client';
import { outbox } from '~/server/db/schema';
import { runCli } from '../helpers/cli';
import { freshDataDir } from '../helpers/pglite-template';

/** `npm run outbox -- list|retry ID` as staff run it: a child process on a scratch data directory with one dead letter. */

let data: { dir: string; remove(): void };
let deadId: number;
let sentId: number;

async function withDatabase<T>(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ dataDir: data.dir });
  try {
    return await run(handle.db);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  data = await freshDataDir();
  await withDatabase(async (db) => {
    const message = { to: 'ada@example.com', subject: 'Your request', text: 'Hello Ada', html: '<p>Hello Ada</p>' };
    const [dead] = await db
      .insert(outbox)
      .values({ ...message, kind: 'customer-confirmation', status: 'dead', attempts: 10, deadAt: new Date('2030-01-02T03:04:05Z'), lastError: '550 <ada@example.com>: no such user' })
      .returning({ id: outbox.id });
    const [sent] = await db.insert(outbox).values({ ...message, kind: 'installer-notification', status: 'sent', attempts: 1, sentAt: new Date() }).returning({ id: outbox.id });
    deadId = dead!.id;
    sentId = sent!.id;
  });
}, 60_000);
afterAll(() => data?.remove());

const outboxCommand = (args: string[]) => runCli('outbox.ts', args, { DATA_DIR: data.dir });

describe('npm run outbox', () => {
  it('lists the dead letters by id, kind, tries and answer, without the recipient or the message', async () => {
    const listed = await outboxCommand(['list']);
    expect(listed.err).toBe('');
    expect(listed.code).toBe(0);
    expect(listed.out).toBe(`1 dead letter\n${deadId}\tcustomer-confirmation\t10 attempts\tgiven up 2030-01-02T03:04:05.000Z\t550 <[address]>: no such user\n`);
  }, 120_000);

  it('refuses an id that is not a dead letter and a missing id, then queues the dead letter again', async () => {
    const notDead = await outboxCommand(['retry', String(sentId)]);
    expect(notDead.code).toBe(1);
    expect(notDead.err).toContain(`Error: message ${sentId} is not a dead letter`);
    const missing = await outboxCommand(['retry']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('retry needs one message id, a whole number');
    const retried = await outboxCommand(['retry', String(deadId)]);
    expect(retried.code).toBe(0);
    expect(retried.out).toContain(`Message ${deadId} is queued again`);
    const [row] = await withDatabase((db) => db.select().from(outbox).where(eq(outbox.id, deadId)));
    expect(row).toMatchObject({ status: 'pending', attempts: 0, deadAt: null });
    expect((await outboxCommand(['list'])).out).toBe('0 dead letters\n');
  }, 240_000);
});
