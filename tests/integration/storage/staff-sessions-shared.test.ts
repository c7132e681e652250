import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../../helpers/db';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from '../../helpers/server';
import { get, post, printedLink, signIn } from '../../helpers/staff';

/**
 * Sessions live in the database: two server instances on one PostgreSQL database accept each
 * other's sessions, and a sign-out on one ends the session on both. Runs with DATABASE_URL set
 * (`npm run test:pg`).
 */

const baseUrl = process.env.DATABASE_URL;

describe.runIf(Boolean(baseUrl))('staff sessions across two instances on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let one: TestServer;
  let two: TestServer;

  beforeAll(async () => {
    database = await createPostgresDatabase(baseUrl!);
    const env = { DATABASE_URL: database.url, TRUST_PROXY: '1' };
    one = await startServer({ env });
    two = await startServer({ env });
  }, 300_000);

  afterAll(async () => {
    await Promise.all([one?.stop(), two?.stop()]);
    one?.cleanUp();
    two?.cleanUp();
    await database?.drop();
  }, STOP_TIMEOUT_MS);

  it('accept each other’s session, and a sign-out on one ends it on both', async () => {
    // Either instance may print the link; a link stored by one is good on the other.
    const setup = await printedLink(one, /\/staff\/setup\?token=/);
    const created = await post(two, setup, { name: 'Ada Admin', email: 'ada@example.com', password: 'ada keeps the keys' });
    expect(created.status, created.html).toBe(303);
    const onTwo = created.session!;
    expect((await get(one, '/api/staff/me', onTwo)).status).toBe(200);

    const onOne = (await signIn(one, 'ada@example.com', 'ada keeps the keys')).session!;
    const me = await get(two, '/api/staff/me', onOne);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.html)).toMatchObject({ email: 'ada@example.com', role: 'admin' });

    expect((await post(two, '/staff/logout', {}, { session: onOne })).status).toBe(303);
    expect((await get(one, '/api/staff/me', onOne)).status).toBe(401);
    expect((await get(one, '/api/staff/me', onTwo)).status).toBe(200);
  }, 120_000);
});
