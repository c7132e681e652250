import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/server/db/client';
import { requests } from '~/server/db/schema';
import { installationRequest } from '../helpers/configuration';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from '../helpers/server';

/**
 * SIGTERM under load: the real server process on a scratch data directory takes concurrent
 * submissions; a SIGTERM arrives mid-run. Every submission it acknowledged must be stored (read back
 * from the data directory after the process is gone, and answered as stored by a restarted server),
 * no answer may be cut off once it started, and the process must exit 0.
 */

const WORKERS = 8;

interface Outcome {
  key: string;
  /** Undefined when the request got no answer (refused, or its connection closed before it was answered). */
  status?: number;
  /** The reference of a 2xx answer: the request is stored. */
  reference?: string;
  /** An answer that started but did not arrive whole. */
  cut?: string;
}

async function submitOnce(server: TestServer, key: string): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`${server.url}/api/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(installationRequest()),
    });
  } catch {
    return { key };
  }
  try {
    const text = await response.text();
    const body = JSON.parse(text) as { reference?: string };
    return { key, status: response.status, ...(response.ok ? { reference: body.reference } : {}) };
  } catch (error) {
    return { key, cut: String(error) };
  }
}

let server: TestServer | undefined;
let restarted: TestServer | undefined;

afterAll(async () => {
  await restarted?.stop();
  await server?.stop();
  server?.cleanUp();
}, STOP_TIMEOUT_MS);

describe('SIGTERM', () => {
  it('finishes the requests in flight, stores every acknowledged submission and exits 0', async () => {
    server = await startServer({ env: { RATE_LIMIT_SUBMISSIONS: '100000000', SHUTDOWN_GRACE_SECONDS: '20' } });
    const running = server;
    const outcomes: Outcome[] = [];
    let sent = 0;
    let stopped = false;
    const worker = async (id: number) => {
      // Each worker keeps sending until the server no longer answers at all.
      for (;;) {
        const outcome = await submitOnce(running, `shutdown-${id}-${String(sent++).padStart(6, '0')}`);
        outcomes.push(outcome);
        if (stopped && !outcome.reference) return;
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, i) => worker(i));
    // Mid-run: once some submissions are stored and more are in flight.
    while (outcomes.filter((o) => o.reference).length < 12) await new Promise((resolve) => setTimeout(resolve, 20));
    running.terminate();
    stopped = true;
    await Promise.all(workers);

    const status = await running.exitStatus();
    expect(status, running.output().slice(-3000)).toEqual({ code: 0, signal: null });
    expect(outcomes.filter((o) => o.cut)).toEqual([]);
    // Every answer was a stored request: none was refused or failed while the server stopped.
    expect(outcomes.filter((o) => o.status !== undefined && o.status !== 201)).toEqual([]);
    const acknowledged = outcomes.filter((o) => o.reference).map((o) => o.reference!);
    expect(acknowledged.length).toBeGreaterThanOrEqual(12);
    expect(running.output()).toMatch(/"msg":"shutting down: finishing requests in flight"/);
    expect(running.output()).toMatch(/"timedOut":false,"msg":"stopped"/);

    const handle = await openDatabase({ dataDir: running.dataDir });
    try {
      const stored = (await handle.db.select({ reference: requests.reference }).from(requests)).map((r) => r.reference);
      expect(stored.filter((reference) => acknowledged.includes(reference)).sort()).toEqual([...acknowledged].sort());
    } finally {
      await handle.close();
    }

    // A restarted server on the same data answers each acknowledged key with the stored request.
    restarted = await startServer({ dataDir: running.dataDir, env: { RATE_LIMIT_SUBMISSIONS: '100000000' } });
    const sample = outcomes.filter((o) => o.reference).slice(0, 5);
    for (const { key, reference } of sample) {
      expect(await submitOnce(restarted, key)).toEqual({ key, status: 200, reference });
    }
  }, 240_000);
});
