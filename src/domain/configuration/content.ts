import type { Configuration } from './configuration';

/** What a configuration is made of: each site's lines and plan, keys in one order (a server's check may reorder them). */
const contentOf = (config: Configuration) =>
  JSON.stringify(config.sites.map((site) => [site.lines, site.planId ?? null]), (_, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value);

/**
 * Whether two configurations hold the same things, to tell whether the customer changed a package:
 * the configurator and the quote's names agree. No schema imported, so a page script can compare too.
 */
export function sameContent(a: Configuration, b: Configuration): boolean {
  return contentOf(a) === contentOf(b);
}
