import type { Configuration } from '~/domain/configuration/configuration';
import type { Database } from '../db/client';
import { newSecretId, SECRET_ID_PATTERN } from '../quotes/public-id';
import { findShortLink, insertShortLink } from './store';

/**
 * Short share links: `/c/<id>` opens the configurator with a stored configuration. Only the
 * configuration is kept, as its schema reads it (see `shortLinkBodyFor`), so nothing personal sits
 * under a link anyone holding it can open.
 */

/** The address of a short link on this site. */
export function shortLinkPath(id: string): string {
  return `/c/${id}`;
}

/** The long form of a share link on this site: the configurator with the code in the fragment. */
export function shareFragmentPath(code: string): string {
  return `/configure#c=${code}`;
}

/** Stores a validated configuration under a new unguessable id; returns the id. */
export async function createShortLink(db: Database, configuration: Configuration, now = new Date()): Promise<string> {
  const id = newSecretId();
  await insertShortLink(db, id, configuration, now);
  return id;
}

/** The configuration behind a short link; null for an unknown or malformed id. */
export async function openShortLink(db: Database, id: string): Promise<Configuration | null> {
  if (!SECRET_ID_PATTERN.test(id)) return null;
  return findShortLink(db, id);
}
