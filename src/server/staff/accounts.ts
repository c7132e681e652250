import { validate, type Issue } from '~/domain/issues';
import { inviteSchema, setupSchema, staffEmailSchema, type Invite } from '~/domain/staff/account';
import type { Database } from '../db/client';
import { issueLink, type IssuedLink } from './links';
import { hashPassword, passwordProblems } from './passwords';
import { hashSecret, isSecretShaped } from './secret';
import { endOtherSessions } from './sessions';
import {
  accountByEmail,
  countActiveAdmins,
  disableAccount,
  DuplicateEmailError,
  insertAccount,
  listAccounts,
  setPasswordHash,
  spendToken,
  usableToken,
  type StaffAccountRow,
  type StaffMail,
} from './store';

/**
 * Staff accounts: adding one (with a set-password link, or a password given on the CLI), listing,
 * disabling, the first admin of a fresh install, and passwords set through one-time links. Each
 * returns field errors (Issues) for what a person typed, so the CLI and the forms say the same.
 */

export type Outcome<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

const duplicate = (email: string): Outcome<never> => ({ ok: false, issues: [{ path: ['email'], message: `There is already a staff account for ${email}` }] });

async function insertOrExplain(db: Database, account: Invite, passwordHash: string | null): Promise<Outcome<StaffAccountRow>> {
  try {
    return { ok: true, value: await insertAccount(db, { ...account, passwordHash }, new Date()) };
  } catch (error) {
    if (error instanceof DuplicateEmailError) return duplicate(account.email);
    throw error;
  }
}

export interface AddOptions {
  /** The site's origin, for the link. */
  site: string;
  /** Given: the account gets it at once and no link is made (`--password-stdin`). */
  password?: string;
  /** Writes the invite mail into the outbox with the link; without it the caller shows the link. */
  mail?: (account: StaffAccountRow, link: IssuedLink) => StaffMail;
}

/** Adds an account; unless a password is given it gets a one-time link to choose one. */
export async function addAccount(db: Database, input: unknown, options: AddOptions): Promise<Outcome<{ account: StaffAccountRow; link: IssuedLink | null }>> {
  const checked = validate(inviteSchema, input);
  const problems = options.password === undefined ? [] : passwordProblems(options.password);
  if (!checked.ok || problems.length > 0) return { ok: false, issues: [...(checked.ok ? [] : checked.issues), ...problems] };
  if (await accountByEmail(db, checked.value.email)) return duplicate(checked.value.email);
  const inserted = await insertOrExplain(db, checked.value, options.password === undefined ? null : await hashPassword(options.password));
  if (!inserted.ok) return inserted;
  const account = inserted.value;
  if (options.password !== undefined) return { ok: true, value: { account, link: null } };
  const mail = options.mail;
  const link = await issueLink(db, { purpose: 'set_password', staffId: account.id, site: options.site }, mail && ((issued) => mail(account, issued)));
  return { ok: true, value: { account, link } };
}

export const listStaff = listAccounts;

/** Disables an account by email and ends its sessions; the last enabled admin stays, so someone can always manage staff. */
export async function disableStaff(db: Database, emailInput: unknown): Promise<Outcome<StaffAccountRow>> {
  const email = validate(staffEmailSchema, emailInput);
  if (!email.ok) return { ok: false, issues: email.issues.map((issue) => ({ ...issue, path: ['email'] })) };
  const account = await accountByEmail(db, email.value);
  if (!account) return { ok: false, issues: [{ path: ['email'], message: `There is no staff account for ${email.value}` }] };
  if (account.disabledAt) return { ok: false, issues: [{ path: ['email'], message: `The account of ${email.value} is already disabled` }] };
  if (account.role === 'admin' && (await countActiveAdmins(db)) <= 1) {
    return { ok: false, issues: [{ path: ['email'], message: `${email.value} is the only admin left; make another admin before disabling this one` }] };
  }
  await disableAccount(db, account.id, new Date());
  return { ok: true, value: account };
}

/** The first-admin link while no enabled admin exists (printed at start); null once there is one. */
export async function firstAdminLink(db: Database, site: string): Promise<IssuedLink | null> {
  if ((await countActiveAdmins(db)) > 0) return null;
  return issueLink(db, { purpose: 'first_admin', staffId: null, site });
}

/** Whether a first-admin link can still be used: unspent, unexpired, and still no admin. */
export async function firstAdminLinkUsable(db: Database, token: unknown): Promise<boolean> {
  if (!isSecretShaped(token) || (await countActiveAdmins(db)) > 0) return false;
  return (await usableToken(db, hashSecret(token), ['first_admin'], new Date())) !== null;
}

export type LinkOutcome<T> = Outcome<T> | { ok: false; expired: true };

const linkRefused = { ok: false, expired: true } as const;

/** Creates the first admin from the start link, with the name, email and password typed on the setup page. */
export async function setUpFirstAdmin(db: Database, token: unknown, input: unknown): Promise<LinkOutcome<StaffAccountRow>> {
  if (!isSecretShaped(token)) return linkRefused;
  const checked = validate(setupSchema, input);
  const problems = passwordProblems((input as { password?: unknown } | null)?.password);
  if (!checked.ok || problems.length > 0) {
    const issues = [...(checked.ok ? [] : checked.issues.filter((issue) => issue.path[0] !== 'password')), ...problems];
    return { ok: false, issues };
  }
  const passwordHash = await hashPassword(checked.value.password);
  const created = await spendToken(db, hashSecret(token), ['first_admin'], new Date(), async (tx) => {
    // Inside the token's transaction, so two setup links used at once cannot both make an admin.
    if ((await countActiveAdmins(tx)) > 0) return null;
    return insertOrExplain(tx, { email: checked.value.email, name: checked.value.name, role: 'admin' }, passwordHash);
  });
  return created ?? linkRefused;
}

/** The account a set-password or reset link belongs to, while it can be used; null otherwise. */
export async function passwordLinkAccount(db: Database, token: unknown): Promise<{ purpose: 'set_password' | 'reset_password' } | null> {
  if (!isSecretShaped(token)) return null;
  const row = await usableToken(db, hashSecret(token), ['set_password', 'reset_password'], new Date());
  return row ? { purpose: row.purpose as 'set_password' | 'reset_password' } : null;
}

/**
 * Sets the password from an invite or reset link, once: the link is spent and every session of the
 * account ends (whoever knew the old password is signed out). Returns the account's id.
 */
export async function setPasswordWithLink(db: Database, token: unknown, password: unknown): Promise<LinkOutcome<string>> {
  if (!isSecretShaped(token)) return linkRefused;
  const problems = passwordProblems(password);
  if (problems.length > 0) return { ok: false, issues: problems };
  const passwordHash = await hashPassword(password as string);
  const staffId = await spendToken(db, hashSecret(token), ['set_password', 'reset_password'], new Date(), async (tx, row) => {
    await setPasswordHash(tx, row.staffId!, passwordHash);
    await endOtherSessions(tx, row.staffId!);
    return row.staffId!;
  });
  return staffId ? { ok: true, value: staffId } : linkRefused;
}
