import { randomBytes } from 'node:crypto';

/**
 * A quote's link and a short share link are bearer secrets (anyone holding one can read what it
 * points to), so their ids carry 144 random bits: 18 random bytes, base64url, 24 characters,
 * nothing sequential or time-based.
 */
export function newSecretId(): string {
  return randomBytes(18).toString('base64url');
}

export const SECRET_ID_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/** The quote's address on this site: what pages link to, so the link works wherever the site is served. */
export function quotePath(publicId: string): string {
  return `/quote/${publicId}`;
}

/** The quote's absolute address, for mail (which has no page to be relative to). */
export function quoteUrl(siteUrl: string, publicId: string): string {
  return new URL(quotePath(publicId), siteUrl).href;
}
