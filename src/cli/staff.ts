/**
 * `npm run staff -- add|list|disable …` (see src/server/staff/cli.ts). The staff code is the
 * server's own, with its `~/` imports, bundled migrations and raw data files, so it is loaded through
 * Vite (as the build and the tests load it) rather than by plain Node. The settings are checked first.
 */
import { createServer } from 'vite';
import { root } from './build.ts';
import { settingsOrExit } from './settings.ts';

settingsOrExit();

const vite = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
  resolve: { alias: { '~': `${root}src` } },
});

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

let code = 1;
try {
  const { runStaffCommand } = (await vite.ssrLoadModule('/src/server/staff/cli.ts')) as typeof import('../server/staff/cli.ts');
  code = await runStaffCommand(process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), readStdin });
} finally {
  await vite.close();
}
process.exit(code);
