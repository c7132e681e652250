import { pino, stdTimeFunctions, type Logger } from 'pino';
import { config } from '../config';

/**
 * The server's log: one JSON object per line on standard output (pino), at LOG_LEVEL (default
 * info; `silent` for none). Lines carry what an operator needs to follow a request or a failure and
 * never personal data: no bodies, no email addresses, no query strings, no quote ids (routes are
 * logged by pattern, `/quote/[id]`). Errors go under `err`, with their stack.
 */

let instance: Logger | undefined;

/** Made on first use, after the entry has checked the settings, so a wrong LOG_LEVEL is reported by name. */
export function logger(): Logger {
  instance ??= pino({
    level: config().LOG_LEVEL,
    base: { pid: process.pid },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
  return instance;
}
