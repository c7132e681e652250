import type { Config } from '../config';
import { config } from '../config';
import type { Database } from '../db/client';
import type { StaffTokenPurpose } from '../db/schema';
import { hashSecret, newSecret } from './secret';
import { insertToken, type StaffMail } from './store';

/**
 * One-time links: set a first password (an invite, valid STAFF_INVITE_HOURS), reset one (valid
 * STAFF_RESET_MINUTES), or create the first admin (as long as an invite). Each works once.
 */

export type LinkSettings = Pick<Config, 'STAFF_INVITE_HOURS' | 'STAFF_RESET_MINUTES'>;

export function linkLifetimeMs(purpose: StaffTokenPurpose, settings: LinkSettings = config()): number {
  return purpose === 'reset_password' ? settings.STAFF_RESET_MINUTES * 60_000 : settings.STAFF_INVITE_HOURS * 3_600_000;
}

export function linkPath(purpose: StaffTokenPurpose, token: string): string {
  return `${purpose === 'first_admin' ? '/staff/setup' : '/staff/reset'}?token=${token}`;
}

export interface IssuedLink {
  url: string;
  expiresAt: Date;
}

/**
 * Stores a new link's token and returns the link on `site` (an origin). `mail` writes the message
 * that carries it into the outbox in the same transaction.
 */
export async function issueLink(
  db: Database,
  link: { purpose: StaffTokenPurpose; staffId: string | null; site: string; now?: Date },
  mail?: (link: IssuedLink) => StaffMail,
  settings: LinkSettings = config(),
): Promise<IssuedLink> {
  const now = link.now ?? new Date();
  const token = newSecret();
  const issued = { url: new URL(linkPath(link.purpose, token), link.site).href, expiresAt: new Date(now.getTime() + linkLifetimeMs(link.purpose, settings)) };
  await insertToken(db, { tokenHash: hashSecret(token), purpose: link.purpose, staffId: link.staffId, now, expiresAt: issued.expiresAt }, mail?.(issued));
  return issued;
}
