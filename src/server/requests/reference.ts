import { randomInt } from 'node:crypto';

/**
 * A request's reference is read out on the phone, so it is short and avoids look-alike characters;
 * it only identifies a request together with the staff's records.
 */

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

/** How many references a new request draws before giving up: a clash is one in hundreds of millions. */
export const REFERENCE_ATTEMPTS = 5;
