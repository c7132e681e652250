/**
 * `npm run bench:server`: autocannon against the production server on PGlite.
 * 1. Throughput and latency of `POST /api/estimate` (the recommended home package) and of request
 *    submission (`POST /api/requests`, each with its own Idempotency-Key and email, as real visitors).
 * 2. Durability: submissions at concurrency 50 while the server is killed with SIGKILL and restarted
 *    on the same data directory. Then every submission that got no 2xx is sent again with its
 *    Idempotency-Key, as a real client retries. Every acknowledged request must be in the database,
 *    and acknowledged and stored must be equal (no loss, no duplicate); the script exits non-zero
 *    otherwise.
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

/** Every submission sent, by its Idempotency-Key, with the answer once a 2xx came back. */
type Ledger = Map<string, { body: string; answer: SubmissionAnswer | null }>;

const submissionHeaders = (key: string) => ({ 'content-type': 'application/json', 'idempotency-key': key });
const isAcknowledged = (status: number) => status >= 200 && status < 300;

/**
 * A submission per request, each from a different visitor whose email starts with `phase`, so the
 * database tells the phases apart; each is noted in `ledger`, with its answer when acknowledged.
 */
function submissions(configuration: Configuration, phase: string, ledger: Ledger = new Map()): Request {
  return {
    method: 'POST',
    path: '/api/requests',
    setupRequest: (request, context) => {
      const key = idempotencyKey();
      const body = JSON.stringify(installationRequest(configuration, `${phase}-${++visitors}`));
      context.key = key;
      ledger.set(key, { body, answer: null });
      return { ...request, headers: submissionHeaders(key), body };
    },
    onResponse: (status, body, context) => {
      const sent = ledger.get(context.key as string);
      if (sent && isAcknowledged(status)) sent.answer = JSON.parse(body) as SubmissionAnswer;
    },
  };
}

/** Sends every unacknowledged submission again with its own key, a few at a time; returns how many were. */
async function retryUnacknowledged(url: string, ledger: Ledger): Promise<number> {
  const waiting = [...ledger].filter(([, sent]) => sent.answer === null);
  const retryOne = async ([key, sent]: (typeof waiting)[number]) => {
    const response = await fetch(`${url}/api/requests`, { method: 'POST', headers: submissionHeaders(key), body: sent.body });
    if (isAcknowledged(response.status)) sent.answer = (await response.json()) as SubmissionAnswer;
    else await response.body?.cancel();
  };
  for (let start = 0; start < waiting.length; start += durability.connections) {
    await Promise.all(waiting.slice(start, start + durability.connections).map(retryOne));
  }
  return waiting.length;
}

const acknowledgedAnswers = (ledger: Ledger) => [...ledger.values()].flatMap((sent) => (sent.answer ? [sent.answer] : []));

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
  const ledger: Ledger = new Map();
  const run = autocannon({
    url,
    connections: durability.connections,
    duration: durability.seconds,
    requests: [submissions(configuration, 'durability', ledger)],
  });
  await sleep(durability.killAfterSeconds * 1000);
  const acknowledgedBeforeKill = acknowledgedAnswers(ledger).length;
  await server.kill();
  const killedAt = Date.now();
  server = await spawnServer({ dataDir, port, env });
  const downSeconds = (Date.now() - killedAt) / 1000;
  const result = await run;
  const acknowledgedFirstTime = acknowledgedAnswers(ledger).length;
  const retried = await retryUnacknowledged(url, ledger);
  await server.stop();

  const acknowledged = acknowledgedAnswers(ledger);
  const stored = await storedRequests(dataDir, 'durability');
  const missing = acknowledged.filter((answer) => !stored.references.has(answer.reference) || (answer.quote && !stored.quoteIds.has(answer.quote.id)));
  console.log(
    `\n${formatTable(['durability', 'count'], [
      ['submissions sent', ledger.size],
      ['acknowledged before the kill', acknowledgedBeforeKill],
      ['acknowledged during the run (2xx received)', acknowledgedFirstTime],
      ['not answered (killed in flight, refused while down)', result.errors + result.timeouts],
      ['sent again with the same Idempotency-Key', retried],
      ['acknowledged in all', acknowledged.length],
      ['stored (requests table)', stored.requests],
      ['acknowledged and missing from the database', missing.length],
      ['server down (kill to answering again)', `${downSeconds.toFixed(1)} s`],
    ])}`,
  );
  if (missing.length > 0 || acknowledged.length !== stored.requests || acknowledged.length !== ledger.size) {
    console.error(
      `\nAcknowledged ${acknowledged.length} of ${ledger.size} submissions, stored ${stored.requests}; missing ${missing.length}, e.g. ${missing.slice(0, 5).map((a) => a.reference).join(', ')}`,
    );
    exitCode = 1;
  } else {
    console.log('\nAcknowledged and stored are equal: every acknowledged request is stored with its quote, and no retry stored one twice.');
  }
} finally {
  await server.stop();
  await site.close();
}
process.exitCode = exitCode;
