import type { Configuration } from './configuration';

/** What a configuration is made of, to tell whether the customer changed it: each site's lines and plan (not the reasons). */
const contentOf = (config: Configuration) =>
  JSON.stringify(config.sites.map((site) => [site.id, site.planId ?? null, site.lines.map((line) => [line.productId, line.quantity, line.reused ?? 0, line.connection ?? null])]));

/** No schema imported, so a page script can compare too. */
export function sameContent(a: Configuration, b: Configuration): boolean {
  return contentOf(a) === contentOf(b);
}
