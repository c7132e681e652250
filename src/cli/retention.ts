/**
 * `npm run retention`: deletes once what is past the privacy notice's retention periods (the server
 * does the same every RETENTION_INTERVAL_MINUTES). Runs the production build's code on the database
 * the settings name, building first when the sources changed.
 */
import { spawnSync } from 'node:child_process';
import { ConfigError, readConfig } from '../server/config.ts';
import { buildIfStale, serverEntry } from './build.ts';

try {
  readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
buildIfStale();
const result = spawnSync(process.execPath, [serverEntry, 'retention'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
