import { mkdirSync, rmSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A lock shared by Vitest's worker processes: mkdir either creates the directory or fails, atomically.
 * Used so one worker builds the site (or prepares a database template) while the others wait for it.
 */
export async function withLock<T>(path: string, run: () => Promise<T> | T, staleAfterMs = 10 * 60_000): Promise<T> {
  for (;;) {
    try {
      mkdirSync(path);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A worker that died holding the lock must not block every later run.
      try {
        if (Date.now() - statSync(path).mtimeMs > staleAfterMs) rmSync(path, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      await sleep(200);
    }
  }
  try {
    return await run();
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}
