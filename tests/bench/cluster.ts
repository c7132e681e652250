/**
 * `npm run bench:cluster`: two instances of the production server on one PostgreSQL database and one
 * Redis, behind a round-robin proxy (proxy.ts), with mail delivered to a local SMTP server.
 * 1. Throughput: submissions at concurrency 50 with both instances up.
 * 2. Durability: submissions at concurrency 50; one instance is killed with SIGKILL mid-run, the
 *    proxy sends the rest to the other; every submission that got no 2xx is then sent again with its
 *    Idempotency-Key. Acknowledged and stored must be equal, every acknowledged request stored.
 * 3. Mail: the outbox rows of every stored request reach the SMTP server (by their Message-ID),
 *    whichever instance claimed them, the killed one's included once its claims expire; each exactly
 *    once, but for the one message the killed instance may have had in flight (sent, not yet marked
 *    sent): SMTP cannot take a message back, so that one may arrive twice, with the same Message-ID.
 * 4. Rate limits are shared: one client's estimate calls, spread over both instances, are allowed
 *    exactly RATE_LIMIT_ESTIMATES times in all.
 * Exits non-zero when any of these fails. Needs PostgreSQL (DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test: a fresh database is made beside it and dropped after) and
 * Redis (REDIS_URL, default redis://127.0.0.1:6379).
 */
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildIfStale } from '../../src/cli/build.ts';
import { spawnServer, type ServerProcess } from '../helpers/server-process.ts';
import { startSmtp } from '../helpers/smtp.ts';
import { cpuDuring } from './cpu.ts';
import { startProxy } from './proxy.ts';
import { formatTable, recommendedConfiguration } from './site.ts';
import { acknowledgedAnswers, retryUnacknowledged, submissions, type Ledger } from './submissions.ts';

const baseDatabaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const connections = 50;
const throughputSeconds = 4;
const durability = { seconds: 6, killAfterSeconds: 3 };
/** One instance is killed, and an instance sends one message at a time (src/server/mail/outbox.ts). */
const resendsAllowed = 1;
const estimatesAllowed = 10;
/** A claim on an outbox row lasts two minutes (src/server/mail/outbox.ts): the killed instance's rows wait that long. */
const mailWaitMs = 180_000;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A database of its own for this run, beside the one DATABASE_URL names. */
async function createDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await withClient(baseDatabaseUrl, (client) => client.query(`create database "${name}"`));
  const url = new URL(baseDatabaseUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => withClient(baseDatabaseUrl, (client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined) };
}

/** The PostgreSQL processes working for the bench: its database's backends and the server's own background processes. */
async function postgresPids(url: string): Promise<number[]> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ pid: number }>("select pid from pg_stat_activity where datname = current_database() or backend_type <> 'client backend'");
    return rows.map((row) => row.pid);
  });
}

buildIfStale();
const database = await createDatabase();
const smtp = await startSmtp();
const dataDir = mkdtempSync(join(tmpdir(), 'secure-quote-cluster-'));
const env = {
  DATABASE_URL: database.url,
  REDIS_URL: redisUrl,
  SMTP_URL: smtp.url,
  TRUST_PROXY: '1',
  OUTBOX_INTERVAL_SECONDS: '1',
  // The killed instance's claimed messages wait this long for the other: a batch here is sent in well under a second.
  OUTBOX_CLAIM_SECONDS: '5',
  RATE_LIMIT_SUBMISSIONS: '100000000',
  RATE_LIMIT_ESTIMATES: String(estimatesAllowed),
};
const instances: ServerProcess[] = [];
let exitCode = 0;
const fail = (message: string) => {
  console.error(`\nFAILED: ${message}`);
  exitCode = 1;
};

try {
  instances.push(...(await Promise.all([0, 1].map(() => spawnServer({ dataDir, env })))));
  const proxy = await startProxy(instances.map((instance) => instance.url));
  try {
    const configuration = await recommendedConfiguration(proxy.url);

    console.log(`Throughput: submissions at concurrency ${connections} for ${throughputSeconds} s through the proxy to two instances (PostgreSQL, Redis)`);
    const throughputLedger: Ledger = new Map();
    // CPU per submission of each process, so the figure means something on a machine whose two cores
    // also run the bench, the proxy, the SMTP server, PostgreSQL (and other work).
    const { result: throughput, use: cpu } = await cpuDuring(
      {
        instances: async () => instances.map((instance) => instance.pid),
        postgres: () => postgresPids(database.url),
        bench: async () => [process.pid],
      },
      () => autocannon({ url: proxy.url, connections, duration: throughputSeconds, requests: [submissions(configuration, 'cluster-load', throughputLedger)] }),
    );
    const loadAcknowledged = acknowledgedAnswers(throughputLedger).length;
    const msPerSubmission = (seconds: number) => `${((seconds * 1000) / loadAcknowledged).toFixed(2)} ms`;
    const others = Math.max(0, cpu.machine.busy - cpu.seconds.instances - cpu.seconds.postgres - cpu.seconds.bench);

    console.log(`Durability: the same for ${durability.seconds} s; one instance SIGKILLed after ${durability.killAfterSeconds} s`);
    const ledger: Ledger = new Map();
    const run = autocannon({ url: proxy.url, connections, duration: durability.seconds, requests: [submissions(configuration, 'cluster-kill', ledger)] });
    await sleep(durability.killAfterSeconds * 1000);
    const victim = instances[randomInt(2)]!;
    await victim.kill();
    const result = await run;
    const acknowledgedFirstTime = acknowledgedAnswers(ledger).length;
    let retried = 0;
    for (let round = 0; round < 5 && acknowledgedAnswers(ledger).length < ledger.size; round++) retried += await retryUnacknowledged(proxy.url, ledger, connections);
    await retryUnacknowledged(proxy.url, throughputLedger, connections);

    // The killed instance comes back on its port, as a supervisor would restart it.
    const restarted = await spawnServer({ dataDir, env, port: victim.port });
    instances[instances.indexOf(victim)] = restarted;

    const acknowledged = acknowledgedAnswers(ledger);
    const stored = await withClient(database.url, async (client) => {
      const { rows } = await client.query<{ reference: string }>("select reference from requests where contact_email like 'cluster-kill-%'");
      return new Set(rows.map((row) => row.reference));
    });
    const missing = acknowledged.filter((answer) => !stored.has(answer.reference));

    // An instance makes its Redis connection on its first limited call, and counts that one call in
    // memory while connecting: one call to each instance first, from another address, so the check
    // below measures sharing, not that first moment.
    for (const instance of instances) {
      const warmUp = await fetch(`${instance.url}/api/estimate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await warmUp.body?.cancel();
    }
    await sleep(500);

    // Rate limits: one client (its own address, so earlier runs' counters in Redis do not count) calls
    // twice its allowance; round robin sends every other call to the other instance.
    const client = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 2 * estimatesAllowed; i++) {
      const response = await fetch(`${proxy.url}/api/estimate`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-bench-client': client }, body: JSON.stringify({ configuration }) });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    const allowed = statuses.filter((status) => status === 200).length;
    const limited = statuses.filter((status) => status === 429).length;

    // Mail: every outbox row of this run, each delivered once.
    const outboxIds = await withClient(database.url, async (db) => (await db.query<{ id: string }>('select id::text as id from outbox')).rows.map((row) => row.id));
    const deadline = Date.now() + mailWaitMs;
    const deliveredIds = () => new Set(smtp.messages.map((message) => /^<outbox-(\d+)-/.exec(message.headers.get('message-id') ?? '')?.[1]).filter(Boolean));
    while (deliveredIds().size < outboxIds.length && Date.now() < deadline) await sleep(500);
    const byMessageId = new Map<string, number>();
    for (const message of smtp.messages) byMessageId.set(message.headers.get('message-id') ?? '', (byMessageId.get(message.headers.get('message-id') ?? '') ?? 0) + 1);
    const delivered = deliveredIds();
    const undelivered = outboxIds.filter((id) => !delivered.has(id));
    const twice = [...byMessageId.values()].filter((count) => count > 1).length;

    console.log(
      `\n${formatTable(['cluster (2 instances, PostgreSQL, Redis)', 'figure'], [
        ['submissions/s, both instances up', Math.round(throughput.requests.average)],
        ['p99 latency, both instances up', `${throughput.latency.p99} ms`],
        ['instances: CPU per submission (both, outbox delivery included)', msPerSubmission(cpu.seconds.instances)],
        ['instances: submissions per instance-CPU-second', Math.round(loadAcknowledged / cpu.seconds.instances)],
        ['PostgreSQL: CPU per submission (this database\'s backends, background processes)', msPerSubmission(cpu.seconds.postgres)],
        ['bench process (autocannon, proxy, SMTP): CPU per submission', msPerSubmission(cpu.seconds.bench)],
        ['bench process: share of one core', `${Math.round((cpu.seconds.bench / throughputSeconds) * 100)} %`],
        ['machine: busy of all cores during the run', `${Math.round((cpu.machine.busy / cpu.machine.capacity) * 100)} %`],
        ['machine: CPU of other processes, per submission', msPerSubmission(others)],
        ['submissions sent in the kill run', ledger.size],
        ['acknowledged during the kill run', acknowledgedFirstTime],
        ['not answered (killed in flight)', result.errors + result.timeouts + result.non2xx],
        ['sent again with the same Idempotency-Key', retried],
        ['acknowledged in all', acknowledged.length],
        ['stored (requests table)', stored.size],
        ['acknowledged and missing from the database', missing.length],
        ['outbox messages', outboxIds.length],
        ['delivered to SMTP (distinct Message-ID)', byMessageId.size],
        ['never delivered', undelivered.length],
        [`delivered more than once (at most ${resendsAllowed}: the one in flight at the kill)`, twice],
        [`estimate calls allowed of ${2 * estimatesAllowed} (limit ${estimatesAllowed})`, allowed],
        ['estimate calls refused with 429', limited],
      ])}`,
    );
    if (missing.length > 0 || acknowledged.length !== stored.size || acknowledged.length !== ledger.size) fail(`acknowledged ${acknowledged.length} of ${ledger.size}, stored ${stored.size}, missing ${missing.length}`);
    if (undelivered.length > 0 || twice > resendsAllowed || byMessageId.size !== outboxIds.length) fail(`${outboxIds.length} outbox messages: ${undelivered.length} never delivered, ${twice} delivered more than once (at most ${resendsAllowed} may be)`);
    if (allowed !== estimatesAllowed || limited !== estimatesAllowed) fail(`the rate limit is not shared: ${allowed} of ${2 * estimatesAllowed} estimate calls allowed, ${limited} refused (limit ${estimatesAllowed})`);
    if (exitCode === 0) console.log('\nAcknowledged = stored, every outbox message delivered (exactly once but for at most the one in flight at the kill), and both instances count one client against one limit.');
  } finally {
    await proxy.close();
  }
} finally {
  await Promise.all(instances.map((instance) => instance.stop()));
  await smtp.close();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = exitCode;
