import { config } from '../config';

/** Absolute links in mail and responses: SITE_URL at run time, else the site the build was made for. */
export function siteUrl(configured: URL | undefined, requestUrl: URL): string {
  // The request's own Host header is the last resort: it is whatever the client sent.
  return config().SITE_URL || configured?.origin || requestUrl.origin;
}
