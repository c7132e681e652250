import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { config } from '../config';
import { logger } from '../ops/log';
import journal from './migrations/meta/_journal.json';
import type { Statement } from './one-statement';
import { PGliteThread } from './pglite-thread';
import * as schema from './schema';

/**
 * One database for the process: PostgreSQL through a `pg` pool when DATABASE_URL is set (several
 * server instances can share it), else PGlite, PostgreSQL compiled to WebAssembly, in DATA_DIR
 * (default ./data) for a single instance. Both run the same schema and the same migrations.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/**
 * The migrations drizzle-kit wrote, bundled into the build: the server never looks for them on disk,
 * so it migrates the same from dist/ as from the sources. Hashes match drizzle's own file reader.
 */
const sqlFiles = import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true });

export function bundledMigrations(): MigrationMeta[] {
  return journal.entries.map((entry) => {
    const query = sqlFiles[`./migrations/${entry.tag}.sql`];
    if (query === undefined) throw new Error(`Migration ${entry.tag}.sql is listed in the journal but was not bundled`);
    return {
      sql: query.split('--> statement-breakpoint'),
      bps: entry.breakpoints,
      folderMillis: entry.when,
      hash: createHash('sha256').update(query).digest('hex'),
    };
  });
}

/** drizzle's own bookkeeping table, so drizzle-kit and this code agree on what has been applied. */
const migrationConfig = { migrationsFolder: '(bundled)', migrationsTable: '__drizzle_migrations', migrationsSchema: 'drizzle' };

type MigrationSession = Parameters<PgDialect['migrate']>[1];

/** drizzle's migrator, fed from the bundle; each driver's session is a PgSession of its own result type. */
function applyMigrations(session: unknown): Promise<void> {
  return new PgDialect().migrate(bundledMigrations(), session as MigrationSession, migrationConfig);
}

/** Any number like this one: every instance asks PostgreSQL for the same lock before migrating. */
const MIGRATION_LOCK = 7_404_211_001;

async function migratePostgres(pool: pg.Pool): Promise<void> {
  // Instances starting together would race to create the same tables; the advisory lock lines them up
  // and the later ones find nothing left to apply.
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const db = drizzlePg({ client, schema });
    await applyMigrations(db._.session);
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export interface DatabaseOptions {
  /** postgres://… for PostgreSQL; absent for PGlite. */
  url?: string;
  /** PostgreSQL connections of this instance (DATABASE_POOL_SIZE). */
  poolSize?: number;
  /** PGlite data directory; absent for an in-memory database (tests). */
  dataDir?: string;
  /** PGlite on a worker thread of its own (pglite-thread.ts), as the server runs it; in this thread otherwise (tests). */
  ownThread?: boolean;
}

/** Opens a database and applies every migration not yet applied. Tests call it directly; the server uses `getDatabase()`. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? config().DATABASE_POOL_SIZE });
    // An idle client that loses its connection emits an error; without a listener it would crash the process.
    pool.on('error', (error) => logger().error({ err: error }, 'idle PostgreSQL client error'));
    await migratePostgres(pool);
    return { db: drizzlePg({ client: pool, schema }), kind: 'postgres', close: () => pool.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = options.ownThread ? await PGliteThread.start(options.dataDir) : await PGlite.create(options.dataDir);
  const db = drizzlePglite({ client: client as PGlite, schema });
  await applyMigrations(db._.session);
  return { db, kind: 'pglite', close: () => client.close() };
}

let opened: Promise<DatabaseHandle> | undefined;

/** Settings are read when the first request needs the database, not at build time. A command-line tool keeps PGlite on its own thread (`ownThread` false). */
export function configuredOptions(ownThread = true): DatabaseOptions {
  const { DATABASE_URL, DATABASE_POOL_SIZE, DATA_DIR } = config();
  return DATABASE_URL ? { url: DATABASE_URL, poolSize: DATABASE_POOL_SIZE } : { dataDir: resolve(DATA_DIR), ownThread };
}

/** The process's database, opened and migrated once, on first use (or by the server's warm-up). */
export function getDatabase(): Promise<DatabaseHandle> {
  if (!opened) {
    opened = openDatabase(configuredOptions());
    // A failed start (database down) must not stick: the next request tries again.
    opened.catch(() => {
      opened = undefined;
    });
  }
  return opened;
}

export async function getDb(): Promise<Database> {
  return (await getDatabase()).db;
}

/**
 * Runs a statement written outside drizzle (one-statement.ts) on the driver drizzle was given: pg's
 * pool and PGlite (in-process or on its thread) each take text and parameters. Not inside a
 * transaction: a statement that needs one is a transaction of its own.
 */
export async function runStatement(db: Database, statement: Statement): Promise<void> {
  const { $client } = db as Database & { $client: { query(text: string, params: unknown[]): Promise<unknown> } };
  await $client.query(statement.text, statement.params);
}

/** Throws unless the database answers now, with every migration applied (getDatabase migrates before it resolves). */
export async function checkDatabase(): Promise<void> {
  const { db } = await getDatabase();
  await db.execute(sql`select 1`);
}

/**
 * Closes the database if it was opened: the server's shutdown calls it once requests have finished.
 * PGlite writes its files from inside the process, so closing it leaves a clean data directory; the
 * pool is ended too, so PostgreSQL sees the connections go.
 */
export async function closeDatabase(): Promise<void> {
  const current = opened;
  opened = undefined;
  if (!current) return;
  const handle = await current.catch(() => undefined);
  await handle?.close();
}
