import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '~/server/db/client';
import { freshDataDir } from './pglite-template';

/**
 * Databases for storage tests: PGlite always (a copy of an initialised data directory, see
 * pglite-template.ts), and PostgreSQL as well when DATABASE_URL is
 * set (`DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:pg`). Each PostgreSQL test
 * database is created fresh, migrated by the same code as the server, and dropped afterwards, so
 * runs never see each other's rows.
 */

export interface TestDatabase extends DatabaseHandle {
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

async function openPglite(): Promise<TestDatabase> {
  const data = await freshDataDir();
  const handle = await openDatabase({ dataDir: data.dir });
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      data.remove();
    },
  };
}

async function admin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh database next to the one DATABASE_URL names. */
export async function createPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `secure_quote_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(baseUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    drop: () => admin(baseUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

async function openPostgres(baseUrl: string): Promise<TestDatabase> {
  const database = await createPostgresDatabase(baseUrl);
  const handle = await openDatabase({ url: database.url });
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await database.drop();
    },
  };
}

export const backends: Backend[] = [
  { name: 'pglite', open: openPglite },
  ...(process.env.DATABASE_URL ? [{ name: 'postgres' as const, open: () => openPostgres(process.env.DATABASE_URL!) }] : []),
];

/**
 * The backend's database for the describe block that calls this: opened before its tests, disposed
 * of after them. Returns how a test reaches it.
 */
export function databaseForSuite(backend: Backend): () => TestDatabase['db'] {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await backend.open();
  }, 60_000);
  afterAll(async () => {
    await database?.dispose();
  });
  return () => {
    if (!database) throw new Error(`The ${backend.name} test database is not open`);
    return database.db;
  };
}
