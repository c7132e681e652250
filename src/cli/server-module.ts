/**
 * Runs a command whose code is the server's own, with its `~/` imports, bundled migrations and raw
 * data files: loaded through Vite (as the build and the tests load it) rather than by plain Node.
 */
import { createServer } from 'vite';
import type { Io } from '../server/staff/cli.ts';
import { root } from './build.ts';

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

/** Loads `modulePath` (from the project root), runs `run` on it with the command line's arguments, and exits with its code. */
export async function runServerCommand<M>(modulePath: string, run: (module: M, argv: string[], io: Io) => Promise<number>): Promise<never> {
  const vite = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: { alias: { '~': `${root}src` } },
  });
  let code = 1;
  try {
    const module = (await vite.ssrLoadModule(modulePath)) as M;
    code = await run(module, process.argv.slice(2), { out: (line) => console.log(line), err: (line) => console.error(line), readStdin });
  } finally {
    await vite.close();
  }
  process.exit(code);
}
