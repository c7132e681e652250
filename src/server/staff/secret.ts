import { createHash, randomBytes } from 'node:crypto';

/** Session tokens and one-time link tokens: 256 random bits, base64url; only their SHA-256 is stored. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** Anything else (a truncated link, a forged cookie) is refused before the database is asked. */
export const isSecretShaped = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value);
