/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';

// Astro's Vite config lets tests render pages with the container API and read content collections.
export default getViteConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.ts', 'tests/lint/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**', 'dist/**'],
    // content: syncs the content collections; test-run: lets integration tests build the site once per run.
    globalSetup: ['tests/setup/content.ts', 'tests/helpers/test-run.ts'],
    // A server's stop() allows it 10 s to exit before SIGKILL; the hook that calls it needs more than that.
    hookTimeout: 30_000,
    // Vitest's default leaves a core free; integration tests spend most of their time waiting on the
    // server processes they start, so one worker per core (two at least) halves the run on two cores.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
