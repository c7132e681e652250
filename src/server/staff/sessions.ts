import type { Config } from '../config';
import { config } from '../config';
import type { Database } from '../db/client';
import { hashSecret, isSecretShaped, newSecret } from './secret';
import { deleteSession, deleteSessionsOf, insertSession, liveSession, touchSession, type StaffAccountRow } from './store';

/**
 * Staff sessions live in the database, so every server instance accepts every session. The browser
 * holds a random token; the database holds its SHA-256. A session ends after
 * STAFF_SESSION_IDLE_MINUTES without a request or STAFF_SESSION_ABSOLUTE_HOURS after sign-in.
 */

export type SessionSettings = Pick<Config, 'STAFF_SESSION_IDLE_MINUTES' | 'STAFF_SESSION_ABSOLUTE_HOURS'>;

/** The signed-in person as pages and routes see them (Astro.locals.staff). */
export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: StaffAccountRow['role'];
  /** The hash of this request's session: "sign out everywhere else" keeps it. */
  sessionHash: string;
}

export async function startSession(db: Database, staffId: string, now = new Date(), settings: SessionSettings = config()): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + settings.STAFF_SESSION_ABSOLUTE_HOURS * 3_600_000);
  await insertSession(db, { tokenHash: hashSecret(token), staffId, now, expiresAt });
  return { token, expiresAt };
}

/** The person behind a session token, when it is live; it counts as activity, so the idle clock restarts. */
export async function resumeSession(db: Database, token: string | undefined, now = new Date(), settings: SessionSettings = config()): Promise<StaffUser | null> {
  if (!isSecretShaped(token)) return null;
  const tokenHash = hashSecret(token);
  const idleSince = new Date(now.getTime() - settings.STAFF_SESSION_IDLE_MINUTES * 60_000);
  const live = await liveSession(db, tokenHash, now, idleSince);
  if (!live) return null;
  await touchSession(db, tokenHash, now);
  const { id, email, name, role } = live.account;
  return { id, email, name, role, sessionHash: tokenHash };
}

export async function endSession(db: Database, token: string | undefined): Promise<void> {
  if (isSecretShaped(token)) await deleteSession(db, hashSecret(token));
}

/** Ends every session of the account but the one given (sign out everywhere else); all of them without one. */
export function endOtherSessions(db: Database, staffId: string, keepSessionHash?: string): Promise<number> {
  return deleteSessionsOf(db, staffId, keepSessionHash);
}
