import type { AstroIntegration } from 'astro';

/** Preact, its hooks, Astro's Preact renderer and Vite's preload helper: every island page needs all of them. */
const islandRuntime = /node_modules[\\/](?:preact|@astrojs[\\/]preact)[\\/]|vite[\\/]preload-helper/;

/**
 * How the islands' JavaScript is split into files. Every file is compressed on its own, so a page
 * downloads less in fewer, larger files:
 * - the island runtime in one file (apart, its four files gzip 0.5 kB larger);
 * - an island's entry file may export more than its component ('allow-extension'), so what the island
 *   shares with its parts fetched later (LazyPart) stays in it instead of in small files the page
 *   would fetch as well.
 */
export function islandChunks(): AstroIntegration {
  return {
    name: 'secure-quote:island-chunks',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'secure-quote:island-entry-signatures',
                configEnvironment: (name) => (name === 'client' ? { build: { rolldownOptions: { preserveEntrySignatures: 'allow-extension' } } } : undefined),
              },
            ],
            environments: { client: { build: { rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'preact', test: islandRuntime }] } } } } } },
          },
        });
      },
    },
  };
}
