import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { root } from '../../src/cli/build.ts';
import { withLock } from './lock.ts';

/**
 * Creating a PGlite database runs initdb in WebAssembly, which takes seconds; opening an existing
 * one takes a fraction of that. Tests therefore copy an empty, initialised data directory made once
 * per PGlite version and kept in the temp folder. Migrations still run on every copy, through the
 * same code as the server.
 */

const version = (JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
const template = join(tmpdir(), `secure-quote-pglite-template-${version}`);
const ready = join(template, '.ready');

async function ensureTemplate(): Promise<string> {
  if (existsSync(ready)) return template;
  return withLock(`${template}.lock`, async () => {
    if (existsSync(ready)) return template;
    rmSync(template, { recursive: true, force: true });
    const db = await PGlite.create(template);
    await db.close();
    writeFileSync(ready, new Date().toISOString());
    return template;
  });
}

/** A new data directory holding an empty database; remove it with the returned function. */
export async function freshDataDir(): Promise<{ dir: string; remove(): void }> {
  const source = await ensureTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'secure-quote-data-'));
  cpSync(source, dir, { recursive: true, filter: (path) => path !== ready });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
