import { expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { openDatabase } from '~/server/db/client';
import { outbox, quotes, requests } from '~/server/db/schema';
import { installationRequest } from '../helpers/configuration';
import { serverForFile } from '../helpers/server';

/**
 * The same request sent many times at once to the production server (a double click, a retrying
 * client): every answer names one reference, and the data directory holds one request afterwards.
 */

const run = serverForFile();

const body = JSON.stringify(installationRequest());

const send = (key: string) => fetch(`${run.server.url}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body });

it('stores one request for duplicates sent one after another and at the same time', async () => {
  const sequential = [await send('dup-sequential-key-0001'), await send('dup-sequential-key-0001')];
  expect(sequential.map((r) => r.status)).toEqual([201, 200]);
  const concurrent = await Promise.all(Array.from({ length: 8 }, () => send('dup-concurrent-key-0001')));
  const answers = (await Promise.all(concurrent.map((r) => r.json()))) as { reference: string; quote: { id: string } }[];
  expect(new Set(answers.map((a) => a.reference)).size).toBe(1);
  expect(new Set(answers.map((a) => a.quote.id)).size).toBe(1);
  expect(concurrent.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 201]);

  await run.server.stop();
  const handle = await openDatabase({ dataDir: run.server.dataDir });
  try {
    const total = async (table: typeof requests | typeof quotes | typeof outbox) => (await handle.db.select({ n: count() }).from(table))[0]!.n;
    expect(await total(requests)).toBe(2);
    expect(await total(quotes)).toBe(2);
    expect(await total(outbox)).toBe(4);
  } finally {
    await handle.close();
  }
}, 60_000);
