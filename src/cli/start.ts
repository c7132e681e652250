/**
 * `npm start`: serves the production build, building it first when it is missing or stale. The
 * settings are checked before the build, so a wrong one is reported at once; the Node adapter's
 * standalone server reads HOST and PORT itself, so they are handed on with their defaults.
 */
import { pathToFileURL } from 'node:url';
import { buildIfStale, serverEntry } from './build.ts';
import { settingsOrExit } from './settings.ts';

const settings = settingsOrExit();
buildIfStale();
process.env.HOST = settings.HOST;
process.env.PORT = String(settings.PORT);
await import(pathToFileURL(serverEntry).href);
