import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import type { CustomerRequest } from '~/domain/requests/request';
import { openDatabase, type Database, type DatabaseHandle } from '~/server/db/client';
import { outbox } from '~/server/db/schema';
import { restoreBackup, writeBackup } from '~/server/ops/backup';
import { submitRequest } from '~/server/requests/submit';
import { addAccount } from '~/server/staff/accounts';
import { runCli } from '../../helpers/cli';
import { freshDataDir } from '../../helpers/pglite-template';

/**
 * Backups: PGlite seeded with a request (its quote and outbox mail) and a staff account is backed
 * up, restored into a fresh PGlite directory and into a scratch PostgreSQL database, and every row
 * of every table matches. PostgreSQL is 127.0.0.1:5432 (trust) unless BACKUP_TEST_POSTGRES_URL says otherwise.
 */

const postgresBase = process.env.BACKUP_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const scratchName = 'restore_ops12_test';
const data = fixtureData;
const mail = { settings: data.settings, installerEmail: 'installer@example.com', siteUrl: 'https://quotes.example.com' };

let source: { dir: string; remove(): void };
let sourceDb: DatabaseHandle;
let backup: string;
const cleanUps: (() => Promise<void> | void)[] = [];

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresBase });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

async function scratchPostgres(): Promise<DatabaseHandle> {
  await admin(`drop database if exists "${scratchName}" with (force)`);
  await admin(`create database "${scratchName}"`);
  const url = new URL(postgresBase);
  url.pathname = `/${scratchName}`;
  const handle = await openDatabase({ url: url.href, poolSize: 2 });
  cleanUps.push(async () => {
    await handle.close();
    await admin(`drop database if exists "${scratchName}" with (force)`);
  });
  return handle;
}

async function freshPglite(): Promise<DatabaseHandle> {
  const dir = await freshDataDir();
  const handle = await openDatabase({ dataDir: dir.dir });
  cleanUps.push(async () => {
    await handle.close();
    dir.remove();
  });
  return handle;
}

/** Every row of every application table, as PostgreSQL's JSON text, sorted: equal means the same data. */
async function everyRow(db: Database): Promise<Record<string, string[]>> {
  const names = ((await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as unknown as { rows: { table_name: string }[] }).rows;
  const result: Record<string, string[]> = {};
  for (const { table_name: name } of names) {
    const rows = (await db.execute(sql.raw(`select row_to_json(t)::text as row from "${name}" t`))) as unknown as { rows: { row: string }[] };
    result[name] = rows.rows.map((r) => r.row).sort();
  }
  return result;
}

async function backupOf(db: Database): Promise<string> {
  const lines: string[] = [];
  await writeBackup(db, (line) => void lines.push(line));
  return `${lines.join('\n')}\n`;
}

beforeAll(async () => {
  source = await freshDataDir();
  sourceDb = await openDatabase({ dataDir: source.dir });
  const request: CustomerRequest = {
    kind: 'installation',
    contact: { name: 'Ada O’Lovelace', email: 'ada@example.com', phone: '(555) 010-2000' },
    addresses: [{ siteId: 'site-1', line1: '12 Analytical Way', city: 'Bayview', postalCode: '12345' }],
    windows: [],
    // Quotes, a backslash and a new line: the dump's quoting must keep each as typed.
    notes: 'Gate code "4417" \\ ring twice;\nthe dog\'s name is $json$.',
    consent: true,
    configuration: fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]),
  };
  await submitRequest(sourceDb.db, request, { idempotencyKey: 'backup-request-0001', data, mail });
  const added = await addAccount(sourceDb.db, { email: 'ana@example.com', name: 'Ana Admin', role: 'admin' }, { site: 'https://quotes.example.com' });
  expect(added.ok).toBe(true);
  backup = await backupOf(sourceDb.db);
}, 120_000);

afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
  await sourceDb?.close();
  source?.remove();
});

describe('db backup and restore', { timeout: 120_000 }, () => {
  it('backs up the request, its quote, its mail and the staff account', async () => {
    const rows = await everyRow(sourceDb.db);
    for (const table of ['requests', 'quotes', 'quote_revisions', 'outbox', 'staff_accounts', 'staff_tokens']) expect(rows[table]!.length, table).toBeGreaterThan(0);
    expect(backup).toMatch(/^-- secure-quote backup, made \S+\n-- schema: \d+ migrations, last [0-9a-f]{64}\n/);
    // One statement per line, so a restore can run them one by one.
    expect(backup.split('\n').filter((line) => line.startsWith('INSERT INTO')).length).toBeGreaterThanOrEqual(6);
  });

  it.each([
    ['a fresh PGlite directory', freshPglite],
    ['a scratch PostgreSQL database', scratchPostgres],
  ])('restores into %s with every row the same, and new ids after the restored ones', async (_, open) => {
    const target = await open();
    expect(await restoreBackup(target.db, backup)).toMatchObject({ ok: true });
    expect(await everyRow(target.db)).toEqual(await everyRow(sourceDb.db));
    const [largest] = await sourceDb.db.select({ id: sql<number>`max(${outbox.id})::int` }).from(outbox);
    const [next] = await target.db.insert(outbox).values({ kind: 'test', to: 'x@example.com', subject: 's', text: 't', html: 'h' }).returning({ id: outbox.id });
    expect(next!.id).toBeGreaterThan(largest!.id);
  });

  it('refuses a target with rows unless forced, and then replaces them', async () => {
    const target = await freshPglite();
    await submitRequest(target.db, { kind: 'service', contact: { name: 'Grace Hopper', email: 'grace@example.com' }, address: { line1: '1 Harbor Way', city: 'Bayview', postalCode: '94100' }, system: 'intrusion', problem: 'Beeps.', urgency: 'soon', windows: [], consent: true }, { idempotencyKey: 'backup-other-0001', data, mail });
    const refused = await restoreBackup(target.db, backup);
    expect(refused).toMatchObject({ ok: false, reason: 'not-empty', message: expect.stringMatching(/^The target database is not empty \(rows in .*\brequests\b/) });
    expect(await restoreBackup(target.db, backup, { force: true })).toMatchObject({ ok: true });
    expect(await everyRow(target.db)).toEqual(await everyRow(sourceDb.db));
  });

  it('refuses a file that is not a backup, and a backup of other migrations, changing nothing', async () => {
    const target = await freshPglite();
    expect(await restoreBackup(target.db, 'INSERT INTO requests …;\n')).toMatchObject({ ok: false, reason: 'not-a-backup' });
    const older = backup.replace(/-- schema: (\d+) migrations/, (_, n: string) => `-- schema: ${Number(n) - 1} migrations`);
    expect(await restoreBackup(target.db, older)).toMatchObject({ ok: false, reason: 'other-schema' });
    expect(Object.values(await everyRow(target.db)).flat()).toEqual([]);
  });

  it('npm run db:backup and db:restore do the same from the command line, refusing a non-empty target', async () => {
    await sourceDb.close();
    const folder = mkdtempSync(join(tmpdir(), 'secure-quote-backup-'));
    const target = await freshDataDir();
    cleanUps.push(() => {
      rmSync(folder, { recursive: true, force: true });
      target.remove();
    });
    try {
      const file = join(folder, 'backup.sql');
      const made = await runCli('db.ts', ['backup', file], { DATA_DIR: source.dir });
      expect(made.err).toBe('');
      expect(made.out).toContain(`to ${file}`);
      expect(readFileSync(file, 'utf8').split('\n').slice(1)).toEqual(backup.split('\n').slice(1));
      const restored = await runCli('db.ts', ['restore', file], { DATA_DIR: target.dir });
      expect([restored.code, restored.err]).toEqual([0, '']);
      const again = await runCli('db.ts', ['restore', file], { DATA_DIR: target.dir });
      expect(again.code).toBe(1);
      expect(again.err).toContain('The target database is not empty');
    } finally {
      sourceDb = await openDatabase({ dataDir: source.dir });
    }
    const restored = await openDatabase({ dataDir: target.dir });
    try {
      expect(await everyRow(restored.db)).toEqual(await everyRow(sourceDb.db));
    } finally {
      await restored.close();
    }
  }, 300_000);
});
