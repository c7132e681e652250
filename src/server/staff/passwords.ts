import { hash, verify } from '@node-rs/argon2';
import type { Issue } from '~/domain/issues';
import { newPasswordSchema } from '~/domain/staff/account';
import { validate } from '~/domain/issues';
import commonPasswordsText from './common-passwords.txt?raw';

/**
 * Passwords: the rules a new one must meet, and argon2id hashing (the library's default algorithm,
 * with its default memory and time costs, stored as a PHC string so they can be raised later and old
 * hashes still verify).
 */

/** Lowercase, one a line (common-passwords.txt): words people pick first, and what they pad to reach the length. */
const commonPasswords = new Set(
  commonPasswordsText
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean),
);

/** "Password1234!" is "password" with a common tail: the base and the whole are both looked up. */
function looksCommon(password: string): boolean {
  const lower = password.toLowerCase();
  const base = lower.replace(/[\d\W_]+$/u, '');
  return commonPasswords.has(lower) || commonPasswords.has(base) || /^(.)\1*$/u.test(lower);
}

/** Why `password` cannot be used as a new password, as field errors under `field`; empty when it can. */
export function passwordProblems(password: unknown, field = 'password'): Issue[] {
  const checked = validate(newPasswordSchema, password);
  if (!checked.ok) return checked.issues.map((issue) => ({ ...issue, path: [field] }));
  if (looksCommon(checked.value)) return [{ path: [field], message: 'This password is too common and among the first that attackers try; choose another, such as a few unrelated words' }];
  return [];
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** False for a wrong password and for a malformed hash alike. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a password nobody has: sign-in verifies against it when the email is unknown, so an
 * unknown email takes as long to refuse as a wrong password.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hash('no account has this password');
  return decoy;
}
