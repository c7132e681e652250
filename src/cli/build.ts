/** Builds the site when dist is missing or older than the sources; shared by `npm start` and tests. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const serverEntry = join(root, 'dist/server/entry.mjs');
const sources = ['src', 'public', 'astro.config.mjs', 'package-lock.json'];

function newestChange(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stats.mtimeMs);
}

export function buildIsStale(): boolean {
  if (!existsSync(serverEntry)) return true;
  const built = statSync(serverEntry).mtimeMs;
  return sources.some((source) => existsSync(join(root, source)) && newestChange(join(root, source)) > built);
}

export function buildIfStale(): void {
  if (!buildIsStale()) return;
  console.log('Building the site (sources changed since the last build)…');
  const astro = join(root, 'node_modules/astro/bin/astro.mjs');
  // Always a production build, also when a test run (NODE_ENV=test) asks for it: otherwise the islands
  // are built with the development JSX runtime, larger than what visitors get.
  const started = new Date();
  const result = spawnSync(process.execPath, [astro, 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error(`astro build failed with exit code ${result.status}`);
  // Dated when the build began, so a source saved while it ran counts as newer and is built next time.
  utimesSync(serverEntry, started, started);
}
