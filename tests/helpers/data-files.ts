import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load as parseYaml } from 'js-yaml';
import { createCatalog } from '~/domain/catalog/catalog';
import { productSchema, type Product } from '~/domain/catalog/product';
import { guidelinesSchema, type Guidelines } from '~/domain/guidelines/guidelines';
import { settingsSchema, type Settings } from '~/domain/settings/settings';
import { installerToday } from '~/domain/settings/today';
import type { SiteData } from '~/domain/site-data';

/**
 * Reads the real catalog and settings straight from src/data, validated by the same schemas the
 * content collections use, so unit tests and benchmarks run on what the site ships.
 */
export const root = fileURLToPath(new URL('../..', import.meta.url));
const dataDir = join(root, 'src/data');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return entry.name.endsWith('.yaml') ? [path] : [];
  });
}

function parseFile<T>(path: string, parse: (data: unknown) => { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  const result = parse(parseYaml(readFileSync(path, 'utf8')));
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`).join('\n');
  throw new Error(`${relative(root, path)} does not match its schema:\n${fields}`);
}

export function loadProducts(): Product[] {
  return yamlFiles(join(dataDir, 'products')).map((path) => ({
    id: basename(path, '.yaml'),
    ...parseFile(path, (d) => productSchema.safeParse(d)),
  }));
}

export function loadSettings(): Settings {
  return parseFile(join(dataDir, 'settings/settings.yaml'), (d) => settingsSchema.safeParse(d));
}

export function loadGuidelines(): Guidelines {
  return parseFile(join(dataDir, 'guidelines/guidelines.yaml'), (d) => guidelinesSchema.safeParse(d));
}

let cached: SiteData | undefined;

export function loadData(): SiteData {
  cached ??= { catalog: createCatalog(loadProducts()), settings: loadSettings(), guidelines: loadGuidelines() };
  return cached;
}

/** The day the server calls today: the installer's calendar day in the settings' time zone. */
export function installerDay(now = new Date()): string {
  return installerToday(loadSettings(), now);
}
