import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { buildIfStale, root, serverEntry } from '../../src/cli/build';
import { withLock } from './lock';
import { freshDataDir } from './pglite-template';
import { buildLock, buildMarker } from './test-run';

/**
 * Runs the production server (dist/server/entry.mjs) for integration tests, the way it runs in
 * production: its own process, its own data directory, configuration through the environment. The
 * site is built once per test run (whichever test file gets here first builds; the others wait on a
 * lock and then find it fresh).
 */

export interface TestServer {
  url: string;
  dataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Stops the server with SIGTERM (it closes the database) and waits for it to exit. */
  stop(): Promise<void>;
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

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Settings a developer's shell may hold that would change what a test server does. */
const inherited = ['DATABASE_URL', 'SMTP_URL', 'REDIS_URL', 'TRUST_PROXY', 'MAIL_FROM', 'INSTALLER_EMAIL', 'RATE_LIMIT_SUBMISSIONS', 'RATE_LIMIT_WINDOW_SECONDS', 'RATE_LIMIT_ESTIMATES', 'SITE_URL', 'OUTBOX_INTERVAL_SECONDS', 'OUTBOX_RETRY_SECONDS'];

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export interface StartOptions {
  env?: Record<string, string>;
  /** A data directory prepared by the test (seeded); a fresh empty one otherwise. */
  dataDir?: string;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  await ensureBuilt();
  const data = options.dataDir ? { dir: options.dataDir, remove: () => undefined } : await freshDataDir();
  try {
    return await spawnServer(data, options);
  } catch (error) {
    data.remove();
    throw error;
  }
}

async function spawnServer(data: { dir: string; remove(): void }, options: StartOptions): Promise<TestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of inherited) delete env[name];
  Object.assign(env, { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: data.dir, SITE_URL: url, NODE_ENV: 'production' }, options.env);

  const child = spawn(process.execPath, [serverEntry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/schema`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within 30 s:\n${output}`);
    }
    await sleep(100);
  }

  // The first page that needs the database opens and migrates it: do that now, not in the first test.
  await fetch(`${url}/quote/warm-up`).then((response) => response.body?.cancel());

  return {
    url,
    dataDir: data.dir,
    output: () => output,
    async waitForOutput(pattern, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (!pattern.test(output)) {
        if (Date.now() > end) throw new Error(`The server never printed ${pattern}; it printed:\n${output}`);
        await sleep(50);
      }
      return output;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
    cleanUp: data.remove,
  };
}
