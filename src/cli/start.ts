/**
 * `npm start`: serves the production build, building it first when it is missing or stale.
 * HOST and PORT are honoured by the Node adapter's standalone server.
 */
import { pathToFileURL } from 'node:url';
import { buildIfStale, serverEntry } from './build.ts';

buildIfStale();
process.env.HOST ??= 'localhost';
process.env.PORT ??= '4321';
await import(pathToFileURL(serverEntry).href);
