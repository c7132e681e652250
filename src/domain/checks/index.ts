import type { Audience, Configuration, Site } from '../configuration/configuration';
import type { SiteData } from '../site-data';
import { siteView, type Check } from './check';
import { lifeSafetyChecks } from './life-safety';
import { networkChecks } from './network';
import { systemChecks } from './systems';
import { videoChecks } from './video';

export type { Check, CheckStatus, Suggestion } from './check';
export type { Change } from '../configuration/edit';

const order = { problem: 0, warning: 1, pass: 2 };

/** Checks remembered by site object, as the estimate does: only an edited site is checked again. */
const siteCache = new WeakMap<Site, { data: SiteData; audience: Audience; result: Check[] }>();

/** Every engineering check for one site, problems first. */
export function siteChecks(site: Site, audience: Audience, data: SiteData): Check[] {
  const cached = siteCache.get(site);
  if (cached && cached.data === data && cached.audience === audience) return cached.result;
  const view = siteView(site, audience, data);
  const result = [...videoChecks(view), ...networkChecks(view), ...lifeSafetyChecks(view), ...systemChecks(view)].sort((a, b) => order[a.status] - order[b.status]);
  siteCache.set(site, { data, audience, result });
  return result;
}

/** Every engineering check for every site. */
export function runChecks(config: Configuration, data: SiteData): Check[] {
  return config.sites.flatMap((site) => siteChecks(site, config.audience, data));
}
