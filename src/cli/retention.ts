/**
 * `npm run retention`: deletes once what is past the privacy notice's retention periods (the server
 * does the same every RETENTION_INTERVAL_MINUTES). Runs the production build's code on the database
 * the settings name, building first when the sources changed.
 */
import { spawnSync } from 'node:child_process';
import { buildIfStale, serverEntry } from './build.ts';
import { settingsOrExit } from './settings.ts';

settingsOrExit();
buildIfStale();
const result = spawnSync(process.execPath, [serverEntry, 'retention'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
