import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PGlite } from '@electric-sql/pglite';
import threadSource from './pglite-thread-main.js?raw';

/**
 * PGlite in a worker thread. PGlite is PostgreSQL compiled to WebAssembly and runs on the thread that
 * calls it: on the server's own thread a burst of submissions kept every other route waiting (55 % of
 * the event loop's time). Here it runs on a thread of its own and the server's thread only sends SQL
 * and receives rows. `PGliteThread` offers the part of PGlite's API that drizzle's PGlite driver uses
 * (`query`, `exec`, `transaction`), so drizzle runs on it unchanged.
 *
 * The thread's code is pglite-thread-main.js. A transaction is PGlite's own, held open in the worker
 * until the server thread commits or rolls it back: its statements run in order, alone, and commit
 * together (a request with its quote and its outbox mail), exactly as in-process.
 */

type QueryOptions = { rowMode?: 'array' | 'object'; parsers?: Record<number, (value: string, typeId: number) => unknown> };

type Command =
  | { op: 'query'; sql: string; params: unknown[]; rowMode: 'array' | 'object' | undefined; rawTypes: number[]; tx: number | undefined }
  | { op: 'exec'; sql: string; tx: number | undefined }
  | { op: 'begin' }
  | { op: 'end'; tx: number; commit: boolean }
  | { op: 'close' };

type Reply = { id: number; value: unknown } | { id: number; error: Record<string, unknown> };

/** An error from the worker, with PostgreSQL's fields (code, constraint, detail…) as PGlite gives them. */
function toError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message)), fields);
}

let compiled: Promise<{ pglite: string; pgliteWasmModule: WebAssembly.Module; initdbWasmModule: WebAssembly.Module }> | undefined;

/**
 * PGlite's WebAssembly, compiled once per process and handed to every database thread (a compiled
 * module crosses threads without being compiled again), as PGlite does itself when it runs in-process.
 */
function compiledPglite() {
  compiled ??= (async () => {
    const pglite = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const compile = async (file: string) => WebAssembly.compile(await readFile(join(dirname(pglite), file)));
    const [pgliteWasmModule, initdbWasmModule] = await Promise.all([compile('pglite.wasm'), compile('initdb.wasm')]);
    return { pglite, pgliteWasmModule, initdbWasmModule };
  })();
  return compiled;
}

interface Queryable {
  query: PGlite['query'];
  exec: PGlite['exec'];
}

export class PGliteThread implements Queryable {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if ('error' in reply) waiting?.reject(toError(reply.error));
      else waiting?.resolve(reply.value);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => this.failAll(new Error(`The database thread stopped (exit code ${code})`)));
  }

  /** Starts the worker on `dataDir` (in memory when absent) and waits until PGlite has opened it. */
  static async start(dataDir?: string): Promise<PGliteThread> {
    const { pglite, pgliteWasmModule, initdbWasmModule } = await compiledPglite();
    const thread = new PGliteThread(new Worker(threadSource, { eval: true, workerData: { pglite, dataDir, pgliteWasmModule, initdbWasmModule } }));
    await thread.query('select 1');
    return thread;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private send<T>(command: Command): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, command });
    });
  }

  private queryIn(tx: number | undefined, sql: string, params: unknown[] = [], options: QueryOptions = {}) {
    return this.send({ op: 'query', sql, params, rowMode: options.rowMode, rawTypes: Object.keys(options.parsers ?? {}).map(Number), tx });
  }

  private queryable(tx: number | undefined): Queryable {
    return {
      query: ((sql: string, params?: unknown[], options?: QueryOptions) => this.queryIn(tx, sql, params, options)) as PGlite['query'],
      exec: ((sql: string) => this.send({ op: 'exec', sql, tx })) as PGlite['exec'],
    };
  }

  query = this.queryable(undefined).query;
  exec = this.queryable(undefined).exec;

  /** Runs `callback` in one PGlite transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(callback: (tx: Queryable) => Promise<T>): Promise<T> {
    const tx = await this.send<number>({ op: 'begin' });
    let result: T;
    try {
      result = await callback(this.queryable(tx));
    } catch (error) {
      await this.send({ op: 'end', tx, commit: false });
      throw error;
    }
    await this.send({ op: 'end', tx, commit: true });
    return result;
  }

  async close(): Promise<void> {
    await this.send({ op: 'close' });
    await this.worker.terminate();
  }
}
