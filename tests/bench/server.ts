/**
 * `npm run bench:server`: autocannon against the production server on PGlite.
 * 1. Every route beside its ceiling: `GET /`, `GET /configure` (brotli, as browsers ask),
 *    `POST /api/estimate` and `POST /api/configurations/check` (the recommended home package; the
 *    configurator asks the second after each change) and request submission (`POST /api/requests`,
 *    each with its own Idempotency-Key and email, as real visitors), each then sent with the same
 *    autocannon settings to a bare node:http server answering the same bytes (bare-server.ts), in the
 *    same run: the ratio says what the server's work costs, whatever this machine's speed today.
 * 2. Submissions while others browse: `GET /` at a visitor's pace while submissions come, first as fast
 *    as the server takes them, then at a steady rate above the target (200/s on PGlite); the home
 *    page's p99 says whether storing requests stalls everything else. At full speed both of this
 *    machine's cores are busy, so that row shows the worst case; the steady one is the target's.
 * 3. Durability: submissions at concurrency 50 while the server is killed with SIGKILL, then more
 *    once it is restarted on the same data directory. Then every submission that got no 2xx is sent
 *    again with its Idempotency-Key, as a real client retries. Every acknowledged request must be in
 *    the database, and acknowledged and stored must be equal (no loss, no duplicate); the script
 *    exits non-zero otherwise.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import autocannon, { type Options, type Request, type Result } from 'autocannon';
import { spawnServer } from '../helpers/server-process.ts';
import { startBareServer, type Route } from './ceiling.ts';
import { formatTable, installationRequest, recommendedConfiguration, startSite } from './site.ts';
import { acknowledgedAnswers, retryUnacknowledged, submissions, type Ledger } from './submissions.ts';

/** Limits far above what the benchmark sends from its one address, so it measures the work, not the limiter. */
const env = { RATE_LIMIT_SUBMISSIONS: '100000000', RATE_LIMIT_ESTIMATES: '100000000' };
const load = { connections: 10, seconds: 4 };
/** The home page while submissions run: a steady trickle of visitors, not a second flood; 600 of them, so the p99 is not a handful of requests. */
const browsing = { connections: 4, requestsPerSecond: 100, seconds: 6 };
/** The steady submission rate, a quarter above the target of 200/s. */
const steadySubmissions = 250;
/** Submissions until the kill, and after the restart: not while the server is down, as clients retry later rather than at once. */
const durability = { connections: 50, secondsBeforeKill: 4, secondsAfterRestart: 3 };

const failures = (result: Result) => result.non2xx + result.errors + result.timeouts;

function loadRow(name: string, result: Result, ceiling: Result): (string | number)[] {
  const rate = Math.round(result.requests.average);
  const bare = Math.round(ceiling.requests.average);
  return [name, rate, bare, `${((100 * rate) / bare).toFixed(1)} %`, `${result.latency.p50} ms`, `${result.latency.p99} ms`, result['2xx'], failures(result)];
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

  const brotli = { 'accept-encoding': 'br' };
  const json = { 'content-type': 'application/json' };
  const routes: Route[] = [
    { name: 'GET /', method: 'GET', path: '/', headers: brotli },
    { name: 'GET /configure (br)', method: 'GET', path: '/configure', headers: brotli },
    { name: 'POST /api/estimate', method: 'POST', path: '/api/estimate', headers: json, body: JSON.stringify({ configuration }) },
    { name: 'POST /api/configurations/check', method: 'POST', path: '/api/configurations/check', headers: json, body: JSON.stringify({ configuration }) },
    { name: 'POST /api/requests', method: 'POST', path: '/api/requests', headers: json, body: JSON.stringify(installationRequest(configuration, 'ceiling')) },
  ];
  /** Submissions each need their own key and visitor; the other routes send the same request every time. */
  const requestsFor = (route: Route, phase: string): Request[] =>
    route.path === '/api/requests' ? [submissions(configuration, phase)] : [{ method: route.method, path: route.path, headers: route.headers, body: route.body }];
  const bare = await startBareServer(url, routes);
  const rows: (string | number)[][] = [];
  try {
    console.log(`Load: ${load.seconds} s per route at ${load.connections} connections against ${url} (PGlite), then the same against a bare node:http server answering the same bytes`);
    for (const route of routes) {
      const settings: Omit<Options, 'url'> = { connections: load.connections, duration: load.seconds };
      const measured = await autocannon({ url, ...settings, requests: requestsFor(route, 'load') });
      const ceiling = await autocannon({ url: bare.url, ...settings, requests: requestsFor(route, 'ceiling') });
      rows.push(loadRow(route.name, measured, ceiling));
    }
  } finally {
    bare.stop();
  }
  console.log(`\n${formatTable(['route', 'requests/s', 'bare node:http', 'ratio', 'p50', 'p99', '2xx', 'other/errors'], rows)}`);

  console.log(
    `\nSubmissions while browsing: GET / at ${browsing.requestsPerSecond} requests/s over ${browsing.connections} connections for ${browsing.seconds} s, while submissions come at ${load.connections} connections, as fast as they are answered, then at ${steadySubmissions}/s`,
  );
  const mixedRows: (string | number)[][] = [];
  for (const [pace, rate] of [['full speed', undefined], [`${steadySubmissions}/s`, steadySubmissions]] as const) {
    const [submitted, browsed] = await Promise.all([
      autocannon({ url, connections: load.connections, duration: browsing.seconds, ...(rate && { overallRate: rate }), requests: [submissions(configuration, 'mixed')] }),
      autocannon({ url, connections: browsing.connections, duration: browsing.seconds, overallRate: browsing.requestsPerSecond, headers: brotli, requests: [{ method: 'GET', path: '/' }] }),
    ]);
    mixedRows.push(
      [`POST /api/requests, ${pace}`, Math.round(submitted.requests.average), `${submitted.latency.p50} ms`, `${submitted.latency.p99} ms`, submitted['2xx'], failures(submitted)],
      [`GET / beside them`, Math.round(browsed.requests.average), `${browsed.latency.p50} ms`, `${browsed.latency.p99} ms`, browsed['2xx'], failures(browsed)],
    );
  }
  console.log(`\n${formatTable(['while browsing', 'requests/s', 'p50', 'p99', '2xx', 'other/errors'], mixedRows)}`);

  console.log(
    `\nDurability: submissions at concurrency ${durability.connections} for ${durability.secondsBeforeKill} s, a SIGKILL with submissions in flight, a restart on the same data directory, then submissions for ${durability.secondsAfterRestart} s more`,
  );
  const ledger: Ledger = new Map();
  const submitting = (seconds: number) => autocannon({ url, connections: durability.connections, duration: seconds, requests: [submissions(configuration, 'durability', ledger)] });
  // Stopped at the kill, whatever its duration says.
  const beforeKill = submitting(durability.secondsBeforeKill + 60);
  await sleep(durability.secondsBeforeKill * 1000);
  const acknowledgedBeforeKill = acknowledgedAnswers(ledger).length;
  // Stopped as the signal goes, not once the process is gone: until then each connection would be
  // refused again and again, thousands of submissions a second that never reached the server.
  const killed = server.kill();
  beforeKill.stop();
  await killed;
  const killedAt = Date.now();
  await beforeKill;
  server = await spawnServer({ dataDir, port, env });
  const downSeconds = (Date.now() - killedAt) / 1000;
  await submitting(durability.secondsAfterRestart);
  const acknowledgedFirstTime = acknowledgedAnswers(ledger).length;
  const retried = await retryUnacknowledged(url, ledger, durability.connections);
  await server.stop();

  const acknowledged = acknowledgedAnswers(ledger);
  const stored = await storedRequests(dataDir, 'durability');
  const missing = acknowledged.filter((answer) => !stored.references.has(answer.reference) || (answer.quote && !stored.quoteIds.has(answer.quote.id)));
  console.log(
    `\n${formatTable(['durability', 'count'], [
      ['submissions sent', ledger.size],
      ['acknowledged before the kill', acknowledgedBeforeKill],
      ['acknowledged during the run (2xx received)', acknowledgedFirstTime],
      ['not answered (in flight at the kill)', ledger.size - acknowledgedFirstTime],
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
