import { readdirSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { recommendedConfiguration, startSite } from './site.ts';
import { submissions } from './submissions.ts';

const env = { RATE_LIMIT_SUBMISSIONS: '100000000', RATE_LIMIT_ESTIMATES: '100000000', ...JSON.parse(process.env.EXTRA_ENV ?? '{}') };
const site = await startSite(env);
const { url, pid } = site.server as unknown as { url: string; pid: number };
const threads = () => Object.fromEntries(readdirSync(`/proc/${pid}/task`).map((t) => {
  const stat = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [`${t}:${comm}`, (Number(f[11]) + Number(f[12])) / 100];
}));
try {
  const configuration = await recommendedConfiguration(url);
  await autocannon({ url, connections: 10, duration: 3, requests: [submissions(configuration, 'warm')] });
  const before = threads();
  const r = await autocannon({ url, connections: Number(process.env.CONN ?? 10), duration: 8, requests: [submissions(configuration, 'load')] });
  const after = threads();
  console.log('req/s', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx, 'errors', r.errors);
  for (const [k, v] of Object.entries(after)) { const d = v - (before[k] ?? 0); if (d > 0.05) console.log(k, (d / 8 * 100).toFixed(0) + '%'); }
} finally { await site.close(); }
