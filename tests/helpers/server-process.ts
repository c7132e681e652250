import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { root, serverEntry } from '../../src/cli/build.ts';
import { configNames } from '../../src/server/config.ts';

/**
 * The production server (dist/server/entry.mjs) in its own process, configured through the
 * environment as in production. Free of Vitest, so the benchmarks (plain Node scripts) run the
 * server exactly as the integration tests do.
 */

export interface ServerProcess {
  url: string;
  port: number;
  /** The server's process id, for benchmarks that read its CPU time. */
  pid: number;
  dataDir: string;
  /** Everything the server printed so far. */
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Stops the server with SIGTERM (it finishes requests in flight and closes the database) and waits for it to exit. */
  stop(): Promise<void>;
  /** Sends SIGTERM and returns at once; `exitStatus` tells how the shutdown ended. */
  terminate(): void;
  /** How the process ended (once it has): its exit code, or the signal that killed it. */
  exitStatus(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Kills the server with SIGKILL, as a crash or a power cut would, and waits for it to be gone. */
  kill(): Promise<void>;
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


function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

export interface SpawnOptions {
  dataDir: string;
  env?: Record<string, string>;
  /** A free one otherwise; a restarted server takes its predecessor's port so clients keep their address. */
  port?: number;
}

/** Starts the built server and resolves once it answers and has opened (and migrated) its database. */
export async function spawnServer(options: SpawnOptions): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Settings a developer's shell may hold would change what a test server does: only the test's own count.
  for (const name of configNames) delete env[name];
  Object.assign(env, { HOST: '127.0.0.1', PORT: String(port), DATA_DIR: options.dataDir, SITE_URL: url, NODE_ENV: 'production' }, options.env);

  const child = spawn(process.execPath, [serverEntry], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  // Until it has warmed up (database open and migrated): ready, or unavailable when a test points it at a dependency that is down.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (((await response.json()) as { status: string }).status !== 'starting') break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server was not warmed up within 60 s:\n${output}`);
    }
    await sleep(100);
  }

  // The quote page's modules load on its first request: do that now, not in the first test.
  await fetch(`${url}/quote/warm-up`).then((response) => response.body?.cancel());

  return {
    url,
    port,
    pid: child.pid!,
    dataDir: options.dataDir,
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
    terminate: () => void child.kill('SIGTERM'),
    exitStatus: () => exit,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited(child);
    },
  };
}
