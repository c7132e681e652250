import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { installations } from '../db/schema';

/** Finished installations; the only module of installation that talks to Drizzle. */

export type InstallationRow = typeof installations.$inferSelect;
export type NewInstallation = typeof installations.$inferInsert;

/** Stores the installation; false when the quote has one already (two clicks record one). */
export async function insertInstallation(db: Database, installation: NewInstallation): Promise<boolean> {
  const inserted = await db.insert(installations).values(installation).onConflictDoNothing({ target: installations.quoteId }).returning({ quoteId: installations.quoteId });
  return inserted.length > 0;
}

export async function installationOf(db: Database, quoteId: string): Promise<InstallationRow | null> {
  const rows = await db.select().from(installations).where(eq(installations.quoteId, quoteId)).limit(1);
  return rows[0] ?? null;
}
