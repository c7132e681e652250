import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The client of the request being handled, for code Astro calls without the request's context: an
 * action's input schema runs before its handler, yet the submission limit must count an attempt
 * before validation (every attempt counts, valid or not). The middleware sets it around each action.
 */
const scope = new AsyncLocalStorage<{ clientKey: string }>();

export function withClient<T>(clientKey: string, run: () => T): T {
  return scope.run({ clientKey }, run);
}

/** The client key set by the middleware; undefined outside an action request. */
export function currentClientKey(): string | undefined {
  return scope.getStore()?.clientKey;
}
