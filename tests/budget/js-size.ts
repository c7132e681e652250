/**
 * `npm run size`: the gzipped JavaScript every built page loads, against the budgets in budgets.json.
 * Follows script tags, Astro islands (component and renderer URLs) and their imports, twice: the
 * static imports only, which is what the browser fetches before anything can be used ("at load"), and
 * with the dynamic ones too, which adds each part fetched the first time it shows ("in all").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildIfStale, root } from '../../src/cli/build.ts';

interface Budget {
  pattern: string;
  /** Gzipped bytes the page fetches before it can be used. */
  atLoad: number;
  /** With every part it can fetch later (a dialog's body, a tool only some configurations use). */
  inAll: number;
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

const staticImport = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`]([^"'`]+\.m?js)["'`]/g;
const dynamicImport = /\bimport\(\s*["'`]([^"'`]+\.m?js)["'`]\s*\)/g;

interface Module {
  bytes: number;
  staticImports: string[];
  dynamicImports: string[];
}

/** Each built module read and compressed once, however many pages and walks reach it. */
const modules = new Map<string, Module>();

function moduleAt(url: string): Module {
  let module = modules.get(url);
  if (!module) {
    const source = readFileSync(join(clientDir, url));
    const text = source.toString('utf8');
    const resolve = (pattern: RegExp) => [...text.matchAll(pattern)].map(([, specifier]) => (specifier!.startsWith('/') ? specifier! : posix.join(dirname(url), specifier!)));
    module = { bytes: gz(source), staticImports: resolve(staticImport), dynamicImports: resolve(dynamicImport) };
    modules.set(url, module);
  }
  return module;
}

/** Gzipped bytes of a module and everything it imports (the dynamic imports too, or not), each file counted once per page. */
function collect(url: string, seen: Set<string>, skipped: Set<string>, dynamic: boolean): number {
  if (seen.has(url) || !url.startsWith('/')) return 0;
  if (skipped.has(url.split('/').pop()!)) return 0;
  seen.add(url);
  const module = moduleAt(url);
  let total = module.bytes;
  for (const imported of dynamic ? [...module.staticImports, ...module.dynamicImports] : module.staticImports) total += collect(imported, seen, skipped, dynamic);
  return total;
}

function pageJavaScript(html: string, dynamic: boolean): { bytes: number; files: number } {
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
    bytes += src ? collect(src, seen, skipped, dynamic) : match[2]!.trim() ? gz(match[2]!) : 0;
  }
  for (const match of html.matchAll(/\b(?:component-url|renderer-url|before-hydration-url)=["']([^"']+)["']/g)) {
    bytes += collect(match[1]!, seen, skipped, dynamic);
  }
  for (const match of html.matchAll(/<link\b[^>]*rel=["']modulepreload["'][^>]*href=["']([^"']+)["']/g)) {
    bytes += collect(match[1]!, seen, skipped, dynamic);
  }
  return { bytes, files: seen.size };
}

buildIfStale();
const chunkFiles = readdirSync(join(clientDir, '_astro')).filter((f) => f.endsWith('.js'));
const rows = htmlFiles(clientDir)
  .map((file) => {
    const route = routeOf(file);
    const budget = budgets.find((b) => new RegExp(b.pattern).test(route))!;
    const html = readFileSync(file, 'utf8');
    const atLoad = pageJavaScript(html, false);
    const inAll = pageJavaScript(html, true);
    return { route, files: inAll.files, atLoad: atLoad.bytes, inAll: inAll.bytes, budget };
  })
  .sort((a, b) => b.inAll - a.inAll || a.route.localeCompare(b.route));

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const isOver = (r: (typeof rows)[number]) => r.atLoad > r.budget.atLoad || r.inAll > r.budget.inAll;
const over = rows.filter(isOver);
const shown = rows.filter((r, i) => i < 12 || isOver(r));
const column = (bytes: number, budget: number) => `${kB(bytes)} / ${kB(budget)}`.padStart(19);
console.log(`JavaScript per page (gzipped), ${rows.length} pages: at load, and in all with the parts fetched when they first show\n`);
console.log(`${'page'.padEnd(40)} ${'files'.padStart(5)} ${'at load'.padStart(19)} ${'in all'.padStart(19)}`);
for (const row of shown) {
  console.log(`${row.route.padEnd(40)} ${String(row.files).padStart(5)} ${column(row.atLoad, row.budget.atLoad)} ${column(row.inAll, row.budget.inAll)}${isOver(row) ? '  OVER' : ''}`);
}
if (rows.length > shown.length) console.log(`… and ${rows.length - shown.length} more pages, all within budget`);
if (over.length) {
  console.error(`\n${over.length} page(s) over their JavaScript budget.`);
  process.exit(1);
}
for (const rule of config.neverLoaded) console.log(`Not counted where it cannot load: ${rule.chunk} (${rule.why})`);
console.log('\nEvery page is within its JavaScript budget.');
