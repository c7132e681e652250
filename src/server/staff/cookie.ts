import type { AstroCookies } from 'astro';
import { config } from '../config';

/**
 * The session cookie: HttpOnly, SameSite=Lax, for the whole site. Served over https (the request's
 * own protocol, or SITE_URL's when a proxy ends TLS in front) it is `__Host-staff` and Secure, so no
 * subdomain and no plain-http page can set or read it; on http (local use) it is `staff`.
 */

function servedOverHttps(url: URL): boolean {
  return url.protocol === 'https:' || config().SITE_URL?.startsWith('https:') === true;
}

export function sessionCookieName(url: URL): string {
  return servedOverHttps(url) ? '__Host-staff' : 'staff';
}

export function readSessionCookie(cookies: AstroCookies, url: URL): string | undefined {
  return cookies.get(sessionCookieName(url))?.value;
}

/** No max-age: the database decides when a session ends, and a closed browser forgets it sooner. */
export function setSessionCookie(cookies: AstroCookies, url: URL, token: string): void {
  cookies.set(sessionCookieName(url), token, { httpOnly: true, sameSite: 'lax', secure: servedOverHttps(url), path: '/' });
}

export function clearSessionCookie(cookies: AstroCookies, url: URL): void {
  cookies.delete(sessionCookieName(url), { httpOnly: true, sameSite: 'lax', secure: servedOverHttps(url), path: '/' });
}
