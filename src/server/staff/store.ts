import { and, asc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { StaffRole } from '~/domain/staff/roles';
import type { Database } from '../db/client';
import { newRowId } from '../db/row-id';
import { outbox, staffAccounts, staffSessions, staffTokens, type StaffTokenPurpose } from '../db/schema';

/** Staff accounts, sessions and one-time tokens in the database: the only module of staff/ that talks to Drizzle. */

export type StaffAccountRow = typeof staffAccounts.$inferSelect;
export type StaffSessionRow = typeof staffSessions.$inferSelect;

/** Thrown by insertAccount when the email is taken; the callers turn it into a field error. */
export class DuplicateEmailError extends Error {
  constructor(email: string) {
    super(`There is already a staff account for ${email}`);
    this.name = 'DuplicateEmailError';
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    if ((cause as { code?: string }).code === '23505') return true;
  }
  return false;
}

export async function insertAccount(db: Database, account: { email: string; name: string; role: StaffRole; passwordHash: string | null }, now: Date): Promise<StaffAccountRow> {
  try {
    const [row] = await db
      .insert(staffAccounts)
      .values({ id: newRowId(), ...account, createdAt: now })
      .returning();
    return row!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateEmailError(account.email);
    throw error;
  }
}

export async function accountByEmail(db: Database, email: string): Promise<StaffAccountRow | null> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.email, email)).limit(1);
  return row ?? null;
}

export async function accountById(db: Database, id: string): Promise<StaffAccountRow | null> {
  const [row] = await db.select().from(staffAccounts).where(eq(staffAccounts.id, id)).limit(1);
  return row ?? null;
}

export async function listAccounts(db: Database): Promise<StaffAccountRow[]> {
  // Enabled accounts first, then by name.
  return db.select().from(staffAccounts).orderBy(sql`${staffAccounts.disabledAt} is not null`, asc(staffAccounts.name), asc(staffAccounts.email));
}

export async function countActiveAdmins(db: Database): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(staffAccounts)
    .where(and(eq(staffAccounts.role, 'admin'), isNull(staffAccounts.disabledAt)));
  return Number(row?.count ?? 0);
}

export async function countAccounts(db: Database): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(staffAccounts);
  return Number(row?.count ?? 0);
}

export async function setPasswordHash(db: Database, staffId: string, passwordHash: string): Promise<void> {
  await db.update(staffAccounts).set({ passwordHash }).where(eq(staffAccounts.id, staffId));
}

/** Disables the account and ends its sessions in one transaction; false when it was already disabled or is unknown. */
export async function disableAccount(db: Database, staffId: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(staffAccounts)
      .set({ disabledAt: now })
      .where(and(eq(staffAccounts.id, staffId), isNull(staffAccounts.disabledAt)))
      .returning({ id: staffAccounts.id });
    await tx.delete(staffSessions).where(eq(staffSessions.staffId, staffId));
    await tx.delete(staffTokens).where(and(eq(staffTokens.staffId, staffId), isNull(staffTokens.usedAt)));
    return changed.length > 0;
  });
}

export async function insertSession(db: Database, session: { tokenHash: string; staffId: string; now: Date; expiresAt: Date }): Promise<void> {
  await db.insert(staffSessions).values({ tokenHash: session.tokenHash, staffId: session.staffId, createdAt: session.now, lastSeenAt: session.now, expiresAt: session.expiresAt });
}

/** The session and its account, when the session is still within both its lifetimes and the account is enabled. */
export async function liveSession(db: Database, tokenHash: string, now: Date, idleSince: Date): Promise<{ session: StaffSessionRow; account: StaffAccountRow } | null> {
  const [row] = await db
    .select({ session: staffSessions, account: staffAccounts })
    .from(staffSessions)
    .innerJoin(staffAccounts, eq(staffAccounts.id, staffSessions.staffId))
    .where(and(eq(staffSessions.tokenHash, tokenHash), gt(staffSessions.expiresAt, now), gt(staffSessions.lastSeenAt, idleSince), isNull(staffAccounts.disabledAt)))
    .limit(1);
  return row ?? null;
}

export async function touchSession(db: Database, tokenHash: string, now: Date): Promise<void> {
  await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.tokenHash, tokenHash));
}

export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash));
}

/** Ends every session of the account except `keepTokenHash` (the one making the change), or all of them. */
export async function deleteSessionsOf(db: Database, staffId: string, keepTokenHash?: string): Promise<number> {
  const where = keepTokenHash ? and(eq(staffSessions.staffId, staffId), ne(staffSessions.tokenHash, keepTokenHash)) : eq(staffSessions.staffId, staffId);
  const rows = await db.delete(staffSessions).where(where).returning({ tokenHash: staffSessions.tokenHash });
  return rows.length;
}

/** A message for the outbox, written with the token so a link is never mailed that was not stored. */
export interface StaffMail {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export async function insertToken(db: Database, token: { tokenHash: string; purpose: StaffTokenPurpose; staffId: string | null; now: Date; expiresAt: Date }, mail?: StaffMail): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(staffTokens).values({ tokenHash: token.tokenHash, purpose: token.purpose, staffId: token.staffId, createdAt: token.now, expiresAt: token.expiresAt });
    if (mail) await tx.insert(outbox).values({ ...mail, createdAt: token.now, nextAttemptAt: token.now });
  });
}

export type StaffTokenRow = typeof staffTokens.$inferSelect;

const usable = (tokenHash: string, purposes: readonly StaffTokenPurpose[], now: Date) =>
  and(eq(staffTokens.tokenHash, tokenHash), inArray(staffTokens.purpose, [...purposes]), isNull(staffTokens.usedAt), gt(staffTokens.expiresAt, now));

/** A token that is unused and unexpired, with the given purposes; for showing its form before it is spent. */
export async function usableToken(db: Database, tokenHash: string, purposes: readonly StaffTokenPurpose[], now: Date): Promise<StaffTokenRow | null> {
  const [row] = await db
    .select()
    .from(staffTokens)
    .where(usable(tokenHash, purposes, now))
    .limit(1);
  return row ?? null;
}

/**
 * Spends a token and runs `use` in the same transaction: the row is marked used only if it was
 * unused and unexpired, so two tabs posting the same link at once spend it once. `use` throwing
 * rolls the spending back.
 */
export async function spendToken<T>(db: Database, tokenHash: string, purposes: readonly StaffTokenPurpose[], now: Date, use: (tx: Database, token: StaffTokenRow) => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffTokens)
      .set({ usedAt: now })
      .where(usable(tokenHash, purposes, now))
      .returning();
    return row ? use(tx, row) : null;
  });
}
