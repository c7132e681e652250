import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { validate, type Issue } from '~/domain/issues';
import { changePasswordSchema, forgotSchema, signInSchema } from '~/domain/staff/account';
import type { Config } from '../config';
import { config } from '../config';
import type { Database } from '../db/client';
import { consume, friendlyWait, sharedLimiter } from '../http/rate-limit';
import type { Outcome } from './accounts';
import { issueLink, type IssuedLink } from './links';
import { decoyHash, hashPassword, passwordProblems, verifyPassword } from './passwords';
import { endOtherSessions, startSession, type StaffUser } from './sessions';
import { accountByEmail, accountById, setPasswordHash, type StaffAccountRow, type StaffMail } from './store';

/**
 * Signing in, forgetting a password, changing it. Sign-in and reset requests are each limited per
 * email and per client address (STAFF_SIGN_IN_ATTEMPTS_PER_EMAIL, …_PER_ADDRESS in
 * STAFF_SIGN_IN_WINDOW_MINUTES), counted apart, in Redis when REDIS_URL is set: a flood of reset
 * requests would otherwise fill a staff member's inbox and the outbox. A wrong email, a wrong
 * password and a disabled account get the same answer, after the same argon2 work, so the form
 * tells nobody which emails have accounts.
 */

export const mismatchMessage = 'That email and password do not match';

type LimitSettings = Pick<Config, 'STAFF_SIGN_IN_ATTEMPTS_PER_EMAIL' | 'STAFF_SIGN_IN_ATTEMPTS_PER_ADDRESS' | 'STAFF_SIGN_IN_WINDOW_MINUTES' | 'REDIS_URL'>;

type Attempt = 'sign-in' | 'reset';
type AttemptLimiters = { email: RateLimiterAbstract; address: RateLimiterAbstract };

const limiters = new Map<Attempt, AttemptLimiters>();

function limitersFor(attempt: Attempt, settings: LimitSettings = config()): AttemptLimiters {
  let pair = limiters.get(attempt);
  if (!pair) {
    const duration = settings.STAFF_SIGN_IN_WINDOW_MINUTES * 60;
    pair = {
      email: sharedLimiter({ points: settings.STAFF_SIGN_IN_ATTEMPTS_PER_EMAIL, duration, keyPrefix: `rl:staff-${attempt}:email` }, settings),
      address: sharedLimiter({ points: settings.STAFF_SIGN_IN_ATTEMPTS_PER_ADDRESS, duration, keyPrefix: `rl:staff-${attempt}:address` }, settings),
    };
    limiters.set(attempt, pair);
  }
  return pair;
}

export type RateLimitedOutcome = { ok: false; reason: 'rate-limited'; retryAfterSeconds: number; message: string };

const tooMany: Record<Attempt, (wait: string) => string> = {
  'sign-in': (wait) => `Too many sign-in attempts. Please wait ${wait} and try again, or reset your password.`,
  reset: (wait) => `Too many reset requests. Please wait ${wait} and try again, or ask an admin.`,
};

/**
 * Counts one attempt on the address or on the email; the refusal once it has used its allowance.
 * The address is counted before the form is even read, so malformed attempts use it up too; the
 * email once it is one.
 */
async function overLimit(attempt: Attempt, counted: keyof AttemptLimiters, key: string): Promise<RateLimitedOutcome | undefined> {
  const allowed = await consume(limitersFor(attempt)[counted], key);
  return allowed.ok ? undefined : { ok: false, reason: 'rate-limited', retryAfterSeconds: allowed.retryAfterSeconds, message: tooMany[attempt](friendlyWait(allowed.retryAfterSeconds)) };
}

export type SignInOutcome =
  | { ok: true; token: string; account: StaffAccountRow }
  | { ok: false; reason: 'invalid'; issues: Issue[] }
  | { ok: false; reason: 'mismatch'; message: string }
  | RateLimitedOutcome;

export async function signIn(db: Database, input: unknown, clientKey: string): Promise<SignInOutcome> {
  const byAddress = await overLimit('sign-in', 'address', clientKey);
  if (byAddress) return byAddress;
  const checked = validate(signInSchema, input);
  if (!checked.ok) return { ok: false, reason: 'invalid', issues: checked.issues };
  const { email, password } = checked.value;
  const byEmail = await overLimit('sign-in', 'email', email);
  if (byEmail) return byEmail;
  const account = await accountByEmail(db, email);
  const matches = await verifyPassword(account?.passwordHash ?? (await decoyHash()), password);
  if (!account || !account.passwordHash || account.disabledAt || !matches) return { ok: false, reason: 'mismatch', message: mismatchMessage };
  // A person who got in is not an attacker on their own email: their count starts again.
  await limitersFor('sign-in').email.delete(email).catch(() => undefined);
  const { token } = await startSession(db, account.id);
  return { ok: true, token, account };
}

/**
 * Mails a reset link when the email belongs to an enabled account; does nothing otherwise. The
 * caller answers the same either way. Only field errors (a malformed email) and the rate limit,
 * counted before the account is looked up (by address before the form is read), come back.
 */
export async function requestPasswordReset(
  db: Database,
  input: unknown,
  clientKey: string,
  site: string,
  mail: (account: StaffAccountRow, link: IssuedLink) => StaffMail,
): Promise<Outcome<null> | RateLimitedOutcome> {
  const byAddress = await overLimit('reset', 'address', clientKey);
  if (byAddress) return byAddress;
  const checked = validate(forgotSchema, input);
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const byEmail = await overLimit('reset', 'email', checked.value.email);
  if (byEmail) return byEmail;
  const account = await accountByEmail(db, checked.value.email);
  if (account && !account.disabledAt) await issueLink(db, { purpose: 'reset_password', staffId: account.id, site }, (link) => mail(account, link));
  return { ok: true, value: null };
}

/** A signed-in person's new password; every other session of theirs ends ("sign out everywhere"). */
export async function changePassword(db: Database, user: StaffUser, input: unknown): Promise<Outcome<{ endedSessions: number }>> {
  const checked = validate(changePasswordSchema, input);
  const problems = passwordProblems((input as { password?: unknown } | null)?.password);
  if (!checked.ok || problems.length > 0) return { ok: false, issues: [...(checked.ok ? [] : checked.issues.filter((issue) => issue.path[0] !== 'password')), ...problems] };
  const account = await accountById(db, user.id);
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, checked.value.currentPassword))) {
    return { ok: false, issues: [{ path: ['currentPassword'], message: 'That is not your current password' }] };
  }
  await setPasswordHash(db, user.id, await hashPassword(checked.value.password));
  return { ok: true, value: { endedSessions: await endOtherSessions(db, user.id, user.sessionHash) } };
}
