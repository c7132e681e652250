import { config } from '../config';
import { getDb } from '../db/client';
import { firstAdminLink } from './accounts';

/**
 * At start, while the portal has no enabled admin (a fresh install), the server prints a one-time
 * link that creates the first one: with `npm ci && npm start` alone a new installer reaches the
 * portal. Every start prints a fresh link until an admin exists; then none is printed and old links
 * are refused.
 */
export async function announceFirstAdminSetup(log: (line: string) => void = console.info): Promise<void> {
  try {
    const site = config().SITE_URL ?? import.meta.env.SITE ?? 'http://localhost:4321';
    const link = await firstAdminLink(await getDb(), site);
    if (!link) return;
    log(`[staff] No staff admin yet. Create the first one with this one-time link (valid until ${link.expiresAt.toISOString()}):\n  ${link.url}\n  Or: npm run staff -- add --email you@example.com --name "Your Name" --role admin`);
  } catch (error) {
    console.error('[staff] could not check for a first admin:', error);
  }
}
