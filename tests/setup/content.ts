import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Tests read content collections the way the dev server does, from .astro/data-store.json, so the
 * store is synced there first (a plain `astro sync` writes it to the build cache instead). It runs in
 * a child process because Vite stubs the `astro` package inside the test runner.
 */
export default function syncContent() {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const script = `import('astro').then((astro) => astro.sync({ root: ${JSON.stringify(root)}, cacheDir: './.astro/', logLevel: 'error' }))`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, stdio: 'inherit' });
}
