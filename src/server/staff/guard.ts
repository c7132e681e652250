import { can, type Permission } from '~/domain/staff/roles';
import type { StaffUser } from './sessions';

/**
 * Who may open which staff route. Every page under /staff/, every route under /api/staff/ and every
 * action named staff… passes here (src/middleware.ts): the public ones (sign-in, password links,
 * first-admin setup) are listed as such, every other one needs a session and the permission its
 * entry names (null: any signed-in staff). A staff route missing from the table is refused to
 * everyone, and tests/integration/staff-guard.test.ts fails until it is added.
 */

export const publicStaffRoutes = ['/staff/login', '/staff/forgot', '/staff/reset', '/staff/setup'] as const;

/** Route patterns as the files under src/pages name them ([id] is one path segment). */
export const staffRoutes: Record<string, Permission | null> = {
  '/staff': null,
  '/staff/account': null,
  '/staff/logout': null,
  '/staff/forbidden': null,
  '/staff/team': 'manageStaff',
  '/staff/requests/[reference]': null,
  '/staff/requests/[reference]/quote': 'buildQuotes',
  '/staff/requests/[reference]/revisions': null,
  '/staff/calendar': null,
  '/staff/quotes/new': 'buildQuotes',
  '/api/staff/me': null,
  '/api/staff/team': 'manageStaff',
};

/** Where a staff route answers with JSON problems (401/403) rather than a redirect to sign in. */
export function isStaffApi(pathname: string): boolean {
  return pathname === '/api/staff' || pathname.startsWith('/api/staff/') || pathname.startsWith('/_actions/staff');
}

export function isStaffPath(url: URL): boolean {
  const { pathname } = url;
  return pathname === '/staff' || pathname.startsWith('/staff/') || isStaffApi(pathname) || (url.searchParams.get('_action') ?? '').startsWith('staff');
}

/** "/staff/team/" and "/staff/team" are one route. */
function routeKey(url: URL): string {
  const action = url.searchParams.get('_action');
  if (action !== null && !url.pathname.startsWith('/_actions/')) return `/_actions/${action}`;
  return url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
}

function matches(pattern: string, path: string): boolean {
  const want = pattern.split('/');
  const got = path.split('/');
  return want.length === got.length && want.every((segment, i) => (/^\[[^\]]+\]$/.test(segment) ? got[i] !== '' : segment === got[i]));
}

export type GuardDecision =
  | { kind: 'public' }
  | { kind: 'allowed' }
  | { kind: 'sign-in'; location: string }
  | { kind: 'unauthorized' }
  | { kind: 'forbidden'; reason: string };

/** What a request to a staff route gets, from its address and the signed-in person (null: nobody). */
export function guard(url: URL, user: StaffUser | null): GuardDecision {
  const key = routeKey(url);
  if ((publicStaffRoutes as readonly string[]).includes(key)) return { kind: 'public' };
  if (!user) return isStaffApi(key) ? { kind: 'unauthorized' } : { kind: 'sign-in', location: `/staff/login?next=${encodeURIComponent(url.pathname + url.search)}` };
  const pattern = Object.keys(staffRoutes).find((candidate) => matches(candidate, key));
  if (pattern === undefined) return { kind: 'forbidden', reason: 'This staff page is not open to any role yet.' };
  const permission = staffRoutes[pattern]!;
  if (permission !== null && !can(user.role, permission)) return { kind: 'forbidden', reason: `Your role (${user.role}) does not include this.` };
  return { kind: 'allowed' };
}

/** Where to go after signing in: a path on this site only, so a crafted link cannot send staff elsewhere. */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\u0000-\u001f]/u.test(next)) return '/staff';
  try {
    const resolved = new URL(next, 'http://site.invalid');
    if (resolved.origin !== 'http://site.invalid') return '/staff';
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return '/staff';
  }
}
