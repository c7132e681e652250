/**
 * `npm run size`: the gzipped JavaScript every built page loads, against the budgets in budgets.json.
 * Follows script tags, Astro islands (component and renderer URLs) and their static and dynamic
 * imports, so a page's figure is what a visitor's browser downloads to make it work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIfStale, root } from '../../src/cli/build.ts';

interface Budget {
  pattern: string;
  maxGzipBytes: number;
}

/** A chunk a page can reference but never requests unless its HTML matches a pattern. */
interface NeverLoaded {
  chunk: string;
  unlessPageMatches: string;
  why: string;
}

const clientDir = join(root, 'dist/client');
const config: { pages: Budget[]; neverLoaded: NeverLoaded[] } = JSON.parse(readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));
const budgets = config.pages;

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

function routeOf(file: string): string {
  const path = `/${relative(clientDir, file).split('\\').join('/')}`;
  return path.replace(/index\.html$/, '').replace(/\.html$/, '') || '/';
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

const importPattern = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`]([^"'`]+\.m?js)["'`]|\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g;

/** Gzipped bytes of a module and everything it imports, each file counted once per page. */
function collect(url: string, seen: Set<string>, skipped: Set<string>): number {
  if (seen.has(url) || !url.startsWith('/')) return 0;
  if (skipped.has(url.split('/').pop()!)) return 0;
  seen.add(url);
  const source = readFileSync(join(clientDir, url));
  let total = gz(source);
  for (const match of source.toString('utf8').matchAll(importPattern)) {
    const specifier = match[1] ?? match[2]!;
    const resolved = specifier.startsWith('/') ? specifier : posix.join(dirname(url), specifier);
    total += collect(resolved, seen, skipped);
  }
  return total;
}

function pageJavaScript(html: string): { bytes: number; files: number } {
  const seen = new Set<string>();
  const skipped = new Set<string>();
  for (const rule of config.neverLoaded) {
    if (new RegExp(rule.unlessPageMatches).test(html)) continue;
    for (const file of chunkFiles) if (new RegExp(rule.chunk).test(file)) skipped.add(file);
  }
  let bytes = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1]!;
    if (/type=["']application\/(ld\+)?json["']/.test(attributes)) continue;
    const src = attributes.match(/\bsrc=["']([^"']+)["']/)?.[1];
    bytes += src ? collect(src, seen, skipped) : match[2]!.trim() ? gz(match[2]!) : 0;
  }
  for (const match of html.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)=["']([^"']+)["']/g)) {
    bytes += collect(match[1]!, seen, skipped);
  }
  for (const match of html.matchAll(/<link\b[^>]*rel=["']modulepreload["'][^>]*href=["']([^"']+)["']/g)) {
    bytes += collect(match[1]!, seen, skipped);
  }
  return { bytes, files: seen.size };
}

buildIfStale();
const chunkFiles = readdirSync(join(clientDir, '_astro')).filter((f) => f.endsWith('.js'));
const rows = htmlFiles(clientDir)
  .map((file) => {
    const route = routeOf(file);
    const budget = budgets.find((b) => new RegExp(b.pattern).test(route))!;
    return { route, ...pageJavaScript(readFileSync(file, 'utf8')), budget: budget.maxGzipBytes };
  })
  .sort((a, b) => b.bytes - a.bytes || a.route.localeCompare(b.route));

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const over = rows.filter((r) => r.bytes > r.budget);
const shown = rows.filter((r, i) => i < 12 || r.bytes > r.budget);
console.log(`JavaScript per page (gzipped), ${rows.length} pages:\n`);
console.log(`${'page'.padEnd(48)} ${'files'.padStart(5)} ${'JS'.padStart(9)} ${'budget'.padStart(9)}`);
for (const row of shown) {
  console.log(`${row.route.padEnd(48)} ${String(row.files).padStart(5)} ${kB(row.bytes).padStart(9)} ${kB(row.budget).padStart(9)}${row.bytes > row.budget ? '  OVER' : ''}`);
}
if (rows.length > shown.length) console.log(`… and ${rows.length - shown.length} more pages, all within budget`);
if (over.length) {
  console.error(`\n${over.length} page(s) over their JavaScript budget.`);
  process.exit(1);
}
for (const rule of config.neverLoaded) console.log(`Not counted where it cannot load: ${rule.chunk} (${rule.why})`);
console.log('\nEvery page is within its JavaScript budget.');
