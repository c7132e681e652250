import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { configuredOptions, openDatabase } from '../db/client';
import type { Io } from '../staff/cli';
import { restoreBackup, writeBackup } from './backup';

/**
 * `npm run db:backup -- [FILE]` and `npm run db:restore -- FILE [--force]` (src/cli/db.ts loads
 * this), on the database the settings name: DATABASE_URL, or PGlite in DATA_DIR (stop the server
 * first: one process at a time may open it). The backup format is backup.ts's.
 */

const usage = `Usage:
  npm run db:backup -- [FILE]            write a backup (default backups/secure-quote-<time>.sql)
  npm run db:restore -- FILE [--force]   restore it into an empty database (--force: replace what is there)`;

/** A file name that sorts by time and is valid everywhere: 2030-01-02T03-04-05Z. */
const defaultFile = (now: Date) => `backups/secure-quote-${now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.sql`;

async function backup(file: string | undefined, io: Io): Promise<number> {
  const now = new Date();
  const path = resolve(file ?? defaultFile(now));
  await mkdir(dirname(path), { recursive: true });
  const handle = await openDatabase(configuredOptions(false));
  // `wx`: never overwrite an earlier backup.
  const out = createWriteStream(path, { flags: 'wx', mode: 0o600 });
  try {
    await once(out, 'open');
    const summary = await writeBackup(handle.db, async (line) => {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    }, now);
    out.end();
    await once(out, 'finish');
    const total = Object.values(summary.rows).reduce((sum, n) => sum + n, 0);
    io.out(`Backed up ${total} rows of ${Object.keys(summary.rows).length} tables (${handle.kind}) to ${path}`);
    return 0;
  } finally {
    out.destroy();
    await handle.close();
  }
}

async function restore(file: string, force: boolean, io: Io): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`Error: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }
  const handle = await openDatabase(configuredOptions(false));
  try {
    const outcome = await restoreBackup(handle.db, text, { force });
    if (!outcome.ok) {
      io.err(`Error: ${outcome.message}`);
      return 1;
    }
    io.out(`Restored ${file} into the ${handle.kind === 'postgres' ? 'DATABASE_URL' : 'DATA_DIR'} database (${outcome.statements} statements).`);
    return 0;
  } finally {
    await handle.close();
  }
}

export async function runDatabaseCommand(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean' } } });
  } catch (error) {
    io.err(`Error: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const [command, file, ...extra] = parsed.positionals;
  if (command === 'backup' && extra.length === 0 && !parsed.values.force) return backup(file, io);
  if (command === 'restore' && file && extra.length === 0) return restore(file, parsed.values.force ?? false, io);
  io.err(command === 'restore' && !file ? `Error: restore needs the backup file\n${usage}` : usage);
  return 2;
}
