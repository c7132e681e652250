/**
 * `npm start`: serves the production build, building it first when it is missing or stale. The
 * settings are checked before the build, so a wrong one is reported at once; the Node adapter's
 * standalone server reads HOST and PORT itself, so they are handed on with their defaults.
 */
import { pathToFileURL } from 'node:url';
import { ConfigError, readConfig } from '../server/config.ts';
import { buildIfStale, serverEntry } from './build.ts';

let settings;
try {
  settings = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
buildIfStale();
process.env.HOST = settings.HOST;
process.env.PORT = String(settings.PORT);
await import(pathToFileURL(serverEntry).href);
