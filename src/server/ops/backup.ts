import { sql } from 'drizzle-orm';
import { bundledMigrations, type Database } from '../db/client';

/**
 * A backup is our own portable SQL dump of every row (PGlite cannot run the real pg_dump, and the
 * WASM one in @electric-sql/pglite-tools pins an older PGlite): one `INSERT … SELECT … FROM
 * json_populate_recordset` per table and chunk of rows, each row in PostgreSQL's own JSON text, so
 * every type (uuid, jsonb, bigint, timestamptz) comes back exactly. The tables themselves come from
 * the migrations, applied to the target before the rows go in, so a backup restores only where the
 * same migrations are applied; its header names them. It restores on PGlite and on PostgreSQL alike
 * (or with `psql -1 -f FILE` on a database the server has migrated).
 *
 * Each statement is one line: PostgreSQL's JSON text escapes every control character, newlines too.
 */

const ROWS_PER_STATEMENT = 200;
const SCHEMA_LINE = /^-- schema: (\d+) migrations, last ([0-9a-f]{64})$/m;

interface Table {
  name: string;
  /** What an INSERT may write: every column but generated ones. */
  columns: string[];
  identity: string[];
  /** Tables this one's foreign keys point at (other than itself). */
  parents: string[];
}

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: Pick<Database, 'execute'>, query: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(query)) as unknown as Rows<T>).rows;

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** The application's tables (schema public), parents before the tables that point at them. */
async function tables(db: Pick<Database, 'execute'>): Promise<Table[]> {
  const columns = await rowsOf<{ table_name: string; column_name: string; is_identity: string; is_generated: string }>(
    db,
    sql`select table_name, column_name, is_identity, is_generated from information_schema.columns c
        where table_schema = 'public' and exists (select 1 from information_schema.tables t where t.table_schema = 'public' and t.table_name = c.table_name and t.table_type = 'BASE TABLE')
        order by table_name, ordinal_position`,
  );
  const keys = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select child.relname as child, parent.relname as parent from pg_constraint k
        join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid
        join pg_namespace n on n.oid = k.connamespace
        where k.contype = 'f' and n.nspname = 'public'`,
  );
  const byName = new Map<string, Table>();
  for (const column of columns) {
    const table = byName.get(column.table_name) ?? { name: column.table_name, columns: [], identity: [], parents: [] };
    byName.set(table.name, table);
    if (column.is_generated === 'ALWAYS') continue;
    table.columns.push(column.column_name);
    if (column.is_identity === 'YES') table.identity.push(column.column_name);
  }
  for (const key of keys) if (key.child !== key.parent) byName.get(key.child)?.parents.push(key.parent);
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (ordered.length < byName.size) {
    const ready = [...byName.values()].filter((table) => !placed.has(table.name) && table.parents.every((parent) => placed.has(parent)));
    if (ready.length === 0) throw new Error('The tables’ foreign keys form a cycle; a backup cannot order them');
    for (const table of ready) {
      ordered.push(table);
      placed.add(table.name);
    }
  }
  return ordered;
}

/** Which migrations made the schema: the backup carries it, and a restore needs the same. */
function schemaVersion(): { count: number; last: string } {
  const migrations = bundledMigrations();
  return { count: migrations.length, last: migrations.at(-1)?.hash ?? '0'.repeat(64) };
}

function insertStatement(table: Table, rowsJson: string[]): string {
  const columns = table.columns.map(quoteIdentifier).join(', ');
  const overriding = table.identity.length > 0 ? ' OVERRIDING SYSTEM VALUE' : '';
  return `INSERT INTO ${quoteIdentifier(table.name)} (${columns})${overriding} SELECT ${columns} FROM json_populate_recordset(null::${quoteIdentifier(table.name)}, ${quoteLiteral(`[${rowsJson.join(',')}]`)});`;
}

/** After explicit ids, an identity column's next value must come after the largest restored one. */
function identityStatements(table: Table): string[] {
  return table.identity.map((column) => {
    const name = quoteIdentifier(table.name);
    return `SELECT setval(pg_get_serial_sequence(${quoteLiteral(name)}, ${quoteLiteral(column)}), max(${quoteIdentifier(column)})) FROM ${name} HAVING max(${quoteIdentifier(column)}) IS NOT NULL;`;
  });
}

export interface BackupSummary {
  /** Rows per table. */
  rows: Record<string, number>;
}

/**
 * Writes the backup, line by line, through `write`. The rows are read in one repeatable-read
 * transaction, so a backup taken while the server runs (PostgreSQL) is one consistent moment.
 */
export async function writeBackup(db: Database, write: (line: string) => void | Promise<void>, now = new Date()): Promise<BackupSummary> {
  return db.transaction(
    async (tx) => {
      const version = schemaVersion();
      await write(`-- secure-quote backup, made ${now.toISOString()}`);
      await write(`-- schema: ${version.count} migrations, last ${version.last}`);
      await write('-- Restore with `npm run db:restore -- FILE`, or `psql -1 -f FILE` into a database the server has migrated and nothing else has written.');
      await write('BEGIN;');
      const summary: BackupSummary = { rows: {} };
      for (const table of await tables(tx)) {
        const rows = await rowsOf<{ row: string }>(tx, sql.raw(`select row_to_json(t)::text as row from ${quoteIdentifier(table.name)} t`));
        summary.rows[table.name] = rows.length;
        for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
          await write(insertStatement(table, rows.slice(start, start + ROWS_PER_STATEMENT).map((r) => r.row)));
        }
        if (rows.length > 0) for (const line of identityStatements(table)) await write(line);
      }
      await write('COMMIT;');
      return summary;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

export type RestoreOutcome =
  | { ok: true; statements: number }
  | { ok: false; reason: 'not-a-backup' | 'other-schema' | 'not-empty'; message: string };

/** Tables of the target that hold rows. */
async function nonEmptyTables(db: Pick<Database, 'execute'>, names: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const rows = await rowsOf<{ one: number }>(db, sql.raw(`select 1 as one from ${quoteIdentifier(name)} limit 1`));
    if (rows.length > 0) found.push(name);
  }
  return found;
}

/**
 * Restores `text` (a backup) into `db`, already migrated, in one transaction: all of it or nothing.
 * A target with rows is refused unless `force`, which empties every table first.
 */
export async function restoreBackup(db: Database, text: string, options: { force?: boolean } = {}): Promise<RestoreOutcome> {
  const header = SCHEMA_LINE.exec(text);
  if (!text.startsWith('-- secure-quote backup') || !header) {
    return { ok: false, reason: 'not-a-backup', message: 'This file is not a backup made by `npm run db:backup` (its first lines are missing).' };
  }
  const version = schemaVersion();
  if (Number(header[1]) !== version.count || header[2] !== version.last) {
    return {
      ok: false,
      reason: 'other-schema',
      message: `The backup was made with ${header[1]} migrations and this version of the site has ${version.count} (or a different last one): restore it with the version that made it, then upgrade.`,
    };
  }
  const statements = text.split('\n').filter((line) => line !== '' && !line.startsWith('--') && line !== 'BEGIN;' && line !== 'COMMIT;');
  return db.transaction(async (tx) => {
    const names = (await tables(tx)).map((table) => table.name);
    const filled = await nonEmptyTables(tx, names);
    if (filled.length > 0) {
      if (!options.force) {
        return { ok: false, reason: 'not-empty', message: `The target database is not empty (rows in ${filled.join(', ')}). Restore into an empty one, or add --force to replace everything in it.` };
      }
      await tx.execute(sql.raw(`TRUNCATE ${names.map(quoteIdentifier).join(', ')} RESTART IDENTITY CASCADE`));
    }
    for (const statement of statements) await tx.execute(sql.raw(statement));
    return { ok: true, statements: statements.length };
  });
}
