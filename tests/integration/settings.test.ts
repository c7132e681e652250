import { describe, expect, it } from 'vitest';
import { startServer } from '../helpers/server';

/** The production server checks its settings before it listens (src/server/config.ts, src/server/entry.ts). */
describe('the server with wrong settings', () => {
  it('does not start, and names every wrong setting with what it must be', async () => {
    const start = startServer({ env: { PORT: 'abc', DATABASE_URL: 'not a url', OUTBOX_INTERVAL_SECONDS: '-1', TRUST_PROXY: 'x' } });
    await expect(start).rejects.toThrow(/exited with code 1/);
    await expect(start).rejects.toThrow(
      /PORT must be a whole number, from 0 to 65535\n\s+DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL[^\n]*\n\s+OUTBOX_INTERVAL_SECONDS must be a whole number, 1 or more\n\s+TRUST_PROXY must be a whole number, 0 or more/,
    );
  }, 300_000);
});
