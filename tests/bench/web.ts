/**
 * `npm run bench:web`: Lighthouse with its default mobile settings (a mid-range phone on a slow 4G
 * connection, simulated) on the home page, a product page, the assessment, the configurator and a
 * saved quote page of the production build. Prints the four category scores, LCP, TBT, CLS and the JavaScript each
 * page transfers (the median of three runs for the pages with an island, one run for the others); exits non-zero when a page scores below 90
 * for performance or below 100 for accessibility.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Result } from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { formatTable, recommendedConfiguration, startSite, submitRequest } from './site.ts';

const gate = { performance: 90, accessibility: 100 };
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/**
 * Lighthouse's advice: one run can be an outlier, so a page with an island (whose script timing
 * varies from run to run) gets the median of three. A page without JavaScript gets one run.
 */
const runsWithIslands = 3;

/** Without the networking flags Chromium waits on services it cannot reach here and stalls. */
const chromeFlags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

interface PageFigures {
  page: string;
  scores: Record<(typeof categories)[number], number>;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  scriptBytes: number;
  /** Titles of the failed audits of a category below its gate, so a failure says what to fix. */
  failures: string[];
}

function figures(page: string, lhr: Result): PageFigures {
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const resources = (lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined)?.items ?? [];
  const scores = Object.fromEntries(categories.map((id) => [id, score(id)])) as PageFigures['scores'];
  const failing = (Object.keys(gate) as (keyof typeof gate)[]).filter((id) => scores[id] < gate[id]);
  const failures = failing.flatMap((id) =>
    (lhr.categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${id}: ${lhr.audits[ref.id]!.title} (${ref.id})`),
  );
  return {
    page,
    scores,
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    scriptBytes: resources.find((item) => item.resourceType === 'script')?.transferSize ?? 0,
    failures,
  };
}

/** The full reports, for when a page falls below the gate and the table does not say enough. */
const reports = join(tmpdir(), 'secure-quote-lighthouse');
mkdirSync(reports, { recursive: true });

const site = await startSite();
const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags });
let results: PageFigures[];
let lighthouseVersion = '';
try {
  const { url } = site.server;
  const configuration = await recommendedConfiguration(url);
  const quote = (await submitRequest(url, configuration)).quote;
  if (!quote) throw new Error('The installation request was stored without a quote');
  const product = configuration.sites[0]!.lines[0]!.productId;
  const pages: [name: string, path: string, runs: number][] = [
    ['home', '/', 1],
    ['product', `/products/${product}`, 1],
    ['assessment', '/assessment', runsWithIslands],
    ['configurator', '/configure', runsWithIslands],
    ['quote', new URL(quote.url).pathname, 1],
  ];

  console.log(pages.map(([name, path]) => `${name}: ${path}`).join('\n'));
  results = [];
  for (const [name, path, runCount] of pages) {
    const runs: Result[] = [];
    for (let i = 0; i < runCount; i++) {
      const run = await lighthouse(`${url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...categories] });
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      if (run.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${path}: ${run.lhr.runtimeError.message}`);
      runs.push(run.lhr);
    }
    const median = computeMedianRun(runs);
    writeFileSync(join(reports, `${name}.json`), JSON.stringify(median));
    lighthouseVersion = median.lighthouseVersion;
    results.push(figures(name, median));
  }
} finally {
  chrome.kill();
  await site.close();
}

console.log(`\nLighthouse ${lighthouseVersion}, mobile (simulated slow 4G, 4× CPU slowdown), the median of ${runsWithIslands} runs for the assessment and the configurator, one run for pages without JavaScript\n`);
console.log(
  formatTable(
    ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'LCP', 'TBT', 'CLS', 'JS transferred'],
    results.map((r) => [
      r.page,
      r.scores.performance,
      r.scores.accessibility,
      r.scores['best-practices'],
      r.scores.seo,
      `${(r.lcpMs / 1000).toFixed(1)} s`,
      `${Math.round(r.tbtMs)} ms`,
      r.cls.toFixed(3),
      `${(r.scriptBytes / 1024).toFixed(1)} kB`,
    ]),
  ),
);

const below = results.filter((r) => r.scores.performance < gate.performance || r.scores.accessibility < gate.accessibility);
if (below.length > 0) {
  console.error(`\nBelow the gate (performance ${gate.performance}, accessibility ${gate.accessibility}); full reports in ${reports}:`);
  for (const r of below) console.error(`- ${r.page}\n${r.failures.map((f) => `    ${f}`).join('\n')}`);
  process.exitCode = 1;
}
