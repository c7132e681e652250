import { existsSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, inject } from 'vitest';
import { buildIfStale } from '~/cli/build';
import { withLock } from './lock';
import { freshDataDir } from './pglite-template';
import { spawnServer, type ServerProcess } from './server-process';
import { buildLock, buildMarker } from './test-run';

export { freePort } from './server-process';

/**
 * Runs the production server for integration tests (see server-process.ts), each with its own data
 * directory. The site is built once per test run (whichever test file gets here first builds; the
 * others wait on a lock and then find it fresh).
 */

export interface TestServer extends Omit<ServerProcess, 'port' | 'kill'> {
  /** Removes the data directory; call after stop. */
  cleanUp(): void;
}

/** Builds when the sources changed, once per test run: later test files use that build as it is. */
export async function ensureBuilt(): Promise<void> {
  const builtForRun = buildMarker(inject('testRunId'));
  if (existsSync(builtForRun)) return;
  await withLock(buildLock, () => {
    if (existsSync(builtForRun)) return;
    buildIfStale();
    writeFileSync(builtForRun, new Date().toISOString());
  });
}

/** A stop waits up to 10 s for SIGTERM before it kills, so the hook that stops a server needs longer than Vitest's default 10 s. */
export const STOP_TIMEOUT_MS = 30_000;

export interface StartOptions {
  env?: Record<string, string>;
  /** A data directory prepared by the test (seeded); a fresh empty one otherwise. */
  dataDir?: string;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  await ensureBuilt();
  const data = options.dataDir ? { dir: options.dataDir, remove: () => undefined } : await freshDataDir();
  try {
    const server = await spawnServer({ dataDir: data.dir, env: options.env });
    return { ...server, cleanUp: data.remove };
  } catch (error) {
    data.remove();
    throw error;
  }
}

/**
 * A production server for one test file: started before its tests, stopped and its data removed
 * after them. Read `run.server` inside tests (it is set once beforeAll has run).
 */
export function serverForFile(options: StartOptions = {}): { server: TestServer } {
  const run = {} as { server: TestServer };
  beforeAll(async () => {
    run.server = await startServer(options);
  }, 300_000);
  afterAll(async () => {
    await run.server?.stop();
    run.server?.cleanUp();
  }, STOP_TIMEOUT_MS);
  return run;
}
