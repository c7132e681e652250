import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGliteThread } from '~/server/db/pglite-thread';

/**
 * PGlite on its own thread, as the server runs it: what drizzle and the request store rely on must
 * hold across the thread boundary: a transaction commits whole or not at all, nobody outside sees it
 * half done, and PostgreSQL's error fields (the unique violation a retry is recognized by) arrive.
 */

let db: PGliteThread;

beforeAll(async () => {
  db = await PGliteThread.start();
  await db.exec('create table items (id serial primary key, name text not null constraint items_name_unique unique)');
}, 60_000);

afterAll(async () => {
  await db?.close();
});

const names = async () => (await db.query<{ name: string }>('select name from items order by id')).rows.map((row) => row.name);

describe('PGlite on its own thread', () => {
  it('commits a transaction whole, and rolls one back whole when its callback throws', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into items (name) values ($1)', ['kept-1']);
      await tx.query('insert into items (name) values ($1)', ['kept-2']);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into items (name) values ($1)', ['lost-1']);
        throw new Error('the request failed after its first row');
      }),
    ).rejects.toThrow('the request failed after its first row');
    expect(await names()).toEqual(['kept-1', 'kept-2']);
  });

  it('passes on PostgreSQL’s error fields, and a failed statement rolls its transaction back', async () => {
    const failure = await db
      .transaction(async (tx) => {
        await tx.query('insert into items (name) values ($1)', ['new-row']);
        await tx.query('insert into items (name) values ($1)', ['kept-1']);
      })
      .catch((error: unknown) => error as { code?: string; constraint?: string; message: string });
    expect(failure).toMatchObject({ code: '23505', constraint: 'items_name_unique' });
    expect(await names()).not.toContain('new-row');
  });

  it('keeps transactions apart: a reader outside sees none of one until it commits', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = db.transaction(async (tx) => {
      await tx.query('insert into items (name) values ($1)', ['pending-1']);
      await held;
      await tx.query('insert into items (name) values ($1)', ['pending-2']);
    });
    // Queued behind the open transaction, as in-process PGlite queues it.
    const reading = names();
    const other = db.transaction(async (tx) => tx.query('insert into items (name) values ($1)', ['after']));
    release();
    await Promise.all([writing, other]);
    const seen = await reading;
    expect(seen.includes('pending-1')).toBe(seen.includes('pending-2'));
    expect(await names()).toEqual(expect.arrayContaining(['pending-1', 'pending-2', 'after']));
  });
});
