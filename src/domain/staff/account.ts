import { z } from 'zod';
import { staffRoles } from './roles';

/**
 * The fields of staff accounts, one schema each, shared by the sign-in, setup, invite and password
 * forms, the CLI and the tests. Whether a password is on the list of common ones is checked on the
 * server (the list is a data file there); everything else about a field is here.
 */

export const MIN_PASSWORD_LENGTH = 12;
/** argon2 hashes any length, but a pasted novel is a mistake or an attack on the hashing time. */
export const MAX_PASSWORD_LENGTH = 256;

/** Stored lowercase and trimmed, so "Ana@Example.com " and "ana@example.com" are one account. */
export const staffEmailSchema = z
  .string('Enter an email address')
  .trim()
  .toLowerCase()
  .max(254, 'Use an email address of at most 254 characters')
  .pipe(z.email('Enter an email address, like ana@example.com'));

/** How the portal greets the person and lists them on the team page. */
export const staffNameSchema = z.string('Enter a name').trim().min(1, 'Enter a name').max(100, 'Use a name of at most 100 characters');

export const staffRoleSchema = z.enum(staffRoles, `Choose a role: ${staffRoles.join(', ')}`);

/** A new password: long rather than clever (checked against common passwords on the server too). */
export const newPasswordSchema = z
  .string('Enter a password')
  .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words make a good password`)
  .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`);

export const signInSchema = z.object({
  email: staffEmailSchema,
  /** Any text: a wrong one gets the same answer as an unknown email. */
  password: z.string('Enter your password').min(1, 'Enter your password').max(MAX_PASSWORD_LENGTH, 'That email and password do not match'),
});

export const inviteSchema = z.object({ email: staffEmailSchema, name: staffNameSchema, role: staffRoleSchema });
export type Invite = z.output<typeof inviteSchema>;

/** The first admin, from the link `npm start` prints on a fresh install. */
export const setupSchema = z.object({ name: staffNameSchema, email: staffEmailSchema, password: newPasswordSchema });

/** Setting a password from an invite or reset link. */
export const setPasswordSchema = z.object({ password: newPasswordSchema });

/** A signed-in person changing their password: the current one proves it is them. */
export const changePasswordSchema = z.object({
  currentPassword: z.string('Enter your current password').min(1, 'Enter your current password').max(MAX_PASSWORD_LENGTH, 'That is not your current password'),
  password: newPasswordSchema,
});

export const forgotSchema = z.object({ email: staffEmailSchema });
