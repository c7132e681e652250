import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/**
 * Identifiers the outside world sees. A quote link is a bearer secret (anyone holding it can read the
 * quote), so it carries 144 random bits; a request reference is read out on the phone, so it is short
 * and avoids look-alike characters, and only identifies a request together with the staff's records.
 */

/** 18 random bytes, base64url: 24 characters, 144 bits, nothing sequential or time-based. */
export function newQuotePublicId(): string {
  return randomBytes(18).toString('base64url');
}

export const QUOTE_PUBLIC_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/** Digits and capitals without 0/O, 1/I/L and U (which reads as V on the phone): 30 symbols. */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A reference: the company's prefix (settings.company.referencePrefix) and six symbols. */
export const referencePattern = (prefix: string) => new RegExp(`^${prefix}-[${REFERENCE_ALPHABET}]{6}$`);

/** NG-7K4M2Q: about 730 million values; a clash is caught by the unique constraint and retried. */
export function newReference(prefix: string): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return `${prefix}-${code}`;
}

/** Row ids: random UUIDs, so ids never reveal how many rows there are and instances never collide. */
export const newRowId = (): string => randomUUID();
