import { randomBytes } from 'node:crypto';

/**
 * A quote's link is a bearer secret (anyone holding it can read the quote), so its id carries 144
 * random bits: 18 random bytes, base64url, 24 characters, nothing sequential or time-based.
 */
export function newQuotePublicId(): string {
  return randomBytes(18).toString('base64url');
}

export const QUOTE_PUBLIC_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

export function quoteUrl(siteUrl: string, publicId: string): string {
  return new URL(`/quote/${publicId}`, siteUrl).href;
}
