/**
 * `npm run bench:server`: autocannon against the production server on PGlite.
 * 1. Throughput and latency of `POST /api/estimate` (the recommended home package) and of request
 *    submission (`POST /api/requests`, each with its own Idempotency-Key and email, as real visitors).
 * 2. Durability: submissions at concurrency 50 while the server is killed with SIGKILL and restarted
 *    on the same data directory. Every request the client saw acknowledged (2xx) must be in the
 *    database afterwards; the script exits non-zero otherwise.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import autocannon, { type Request, type Result } from 'autocannon';
import { spawnServer } from '../helpers/server-process.ts';
import { formatTable, idempotencyKey, installationRequest, recommendedConfiguration, startSite, type Configuration, type SubmissionAnswer } from './site.ts';

/** Limits far above what the benchmark sends from its one address, so it measures the work, not the limiter. */
const env = { RATE_LIMIT_SUBMISSIONS: '100000000', RATE_LIMIT_ESTIMATES: '100000000' };
const loadSeconds = 10;
const durability = { connections: 50, seconds: 15, killAfterSeconds: 5 };

let visitors = 0;

/**
 * A submission per request, each from a different visitor whose email starts with `phase`, so the
 * database tells the phases apart; `onAcknowledged` sees every 2xx answer.
 */
function submissions(configuration: Configuration, phase: string, onAcknowledged: (answer: SubmissionAnswer) => void = () => undefined): Request {
  return {
    method: 'POST',
    path: '/api/requests',
    setupRequest: (request) => ({
      ...request,
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey() },
      body: JSON.stringify(installationRequest(configuration, `${phase}-${++visitors}`)),
    }),
    onResponse: (status, body) => {
      if (status >= 200 && status < 300) onAcknowledged(JSON.parse(body) as SubmissionAnswer);
    },
  };
}

function loadRow(name: string, connections: number, result: Result): (string | number)[] {
  return [
    name,
    connections,
    Math.round(result.requests.average),
    `${result.latency.p50} ms`,
    `${result.latency.p99} ms`,
    result['2xx'],
    result.non2xx + result.errors + result.timeouts,
  ];
}

interface Stored {
  requests: number;
  references: Set<string>;
  quoteIds: Set<string>;
}

/**
 * Reads the data directory directly, after the server has stopped: what is on disk, not what a
 * process remembers. Only the requests of one phase (by their email address).
 */
async function storedRequests(dataDir: string, phase: string): Promise<Stored> {
  const db = await PGlite.create(dataDir);
  try {
    const { rows } = await db.query<{ reference: string; public_id: string | null }>(
      'select r.reference, q.public_id from requests r left join quotes q on q.id = r.quote_id where r.contact_email like $1',
      [`${phase}-%`],
    );
    return {
      requests: rows.length,
      references: new Set(rows.map((row) => row.reference)),
      quoteIds: new Set(rows.flatMap((row) => (row.public_id ? [row.public_id] : []))),
    };
  } finally {
    await db.close();
  }
}

const site = await startSite(env);
let server = site.server;
const { url, dataDir, port } = server;
let exitCode = 0;
try {
  const configuration = await recommendedConfiguration(url);

  console.log(`Load: ${loadSeconds} s each against ${url} (PGlite)`);
  const estimate = await autocannon({
    url,
    connections: 10,
    duration: loadSeconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ configuration }),
    requests: [{ path: '/api/estimate' }],
  });
  const submit = await autocannon({ url, connections: 10, duration: loadSeconds, requests: [submissions(configuration, 'load')] });
  console.log(
    `\n${formatTable(['route', 'connections', 'requests/s', 'p50', 'p99', '2xx', 'other/errors'], [
      loadRow('POST /api/estimate', 10, estimate),
      loadRow('POST /api/requests', 10, submit),
    ])}`,
  );

  console.log(`\nDurability: submissions at concurrency ${durability.connections} for ${durability.seconds} s; SIGKILL after ${durability.killAfterSeconds} s, then a restart on the same data directory`);
  const acknowledged: SubmissionAnswer[] = [];
  const run = autocannon({
    url,
    connections: durability.connections,
    duration: durability.seconds,
    requests: [submissions(configuration, 'durability', (answer) => acknowledged.push(answer))],
  });
  await sleep(durability.killAfterSeconds * 1000);
  const acknowledgedBeforeKill = acknowledged.length;
  await server.kill();
  const killedAt = Date.now();
  server = await spawnServer({ dataDir, port, env });
  const downSeconds = (Date.now() - killedAt) / 1000;
  const result = await run;
  await server.stop();

  const stored = await storedRequests(dataDir, 'durability');
  const missing = acknowledged.filter((answer) => !stored.references.has(answer.reference) || (answer.quote && !stored.quoteIds.has(answer.quote.id)));
  console.log(
    `\n${formatTable(['durability', 'count'], [
      ['acknowledged before the kill', acknowledgedBeforeKill],
      ['acknowledged in all (2xx received)', acknowledged.length],
      ['sent and not answered (killed in flight, refused while down)', result.errors + result.timeouts],
      ['answered with a non-2xx status', result.non2xx],
      ['stored (requests table)', stored.requests],
      ['acknowledged and missing from the database', missing.length],
      ['server down (kill to answering again)', `${downSeconds.toFixed(1)} s`],
    ])}`,
  );
  if (missing.length > 0 || acknowledged.length > stored.requests) {
    console.error(`\nLost ${missing.length} acknowledged requests, e.g. ${missing.slice(0, 5).map((a) => a.reference).join(', ')}`);
    exitCode = 1;
  } else {
    console.log('\nEvery acknowledged request is stored, with its quote.');
  }
} finally {
  await server.stop();
  await site.close();
}
process.exitCode = exitCode;
