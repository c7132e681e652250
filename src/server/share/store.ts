import { eq } from 'drizzle-orm';
import type { Configuration } from '~/domain/configuration/configuration';
import type { Database } from '../db/client';
import { shortLinks } from '../db/schema';

/** Short share links in the database: an id and the configuration it opens, nothing else. */

export async function insertShortLink(db: Database, id: string, configuration: Configuration, now: Date): Promise<void> {
  await db.insert(shortLinks).values({ id, configuration, createdAt: now });
}

export async function findShortLink(db: Database, id: string): Promise<Configuration | null> {
  const rows = await db.select({ configuration: shortLinks.configuration }).from(shortLinks).where(eq(shortLinks.id, id)).limit(1);
  return rows[0]?.configuration ?? null;
}
