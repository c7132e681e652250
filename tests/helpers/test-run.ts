import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Global setup: gives the run an id. Integration tests build the site at most once per run (see
 * server.ts), so a source file saved halfway through a run cannot rebuild dist/ under servers that
 * other test files are still using.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Shared by the worker processes of one checkout; another checkout has its own. */
export const buildLock = join(tmpdir(), `secure-quote-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`);
export const buildMarker = (runId: string) => `${buildLock}.${runId}`;

export default function setup(project: TestProject) {
  const runId = randomUUID();
  project.provide('testRunId', runId);
  return () => rmSync(buildMarker(runId), { force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string;
  }
}
