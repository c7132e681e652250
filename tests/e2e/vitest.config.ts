import { defineConfig } from 'vitest/config';

// The browser journeys: each file starts the production server and one Chromium, and runs its
// journeys in parallel browser contexts. test-run.ts lets the files share one build of the site;
// the content-collection sync of the main config is left out, as the journeys only use that build.
export default defineConfig({
  // The `~/` alias of tsconfig.json (the main config gets it from Astro's Vite config).
  resolve: { tsconfigPaths: true },
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/helpers/test-run.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
