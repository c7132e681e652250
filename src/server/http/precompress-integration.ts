import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { precompressDirectory } from './precompress';

/** Writes the brotli and gzip copy of every built page and asset once the build is done (see precompress.ts). */
export function precompressedFiles(): AstroIntegration {
  let clientDir: URL | undefined;
  return {
    name: 'secure-quote:precompress',
    hooks: {
      'astro:config:done': ({ config }) => {
        clientDir = config.build.client;
      },
      'astro:build:done': async ({ logger }) => {
        if (!clientDir) return;
        const started = Date.now();
        const written = await precompressDirectory(fileURLToPath(clientDir));
        logger.info(`${written} compressed copies written in ${Date.now() - started} ms`);
      },
    },
  };
}
