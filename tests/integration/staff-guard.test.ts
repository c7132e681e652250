import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { root } from '~/cli/build';
import { can } from '~/domain/staff/roles';
import { routeMethods } from '~/server/http/methods';
import { publicStaffRoutes, staffRoutes } from '~/server/staff/guard';
import { get, post, setUpTeam, signIn, staffServerForFile, type Team } from '../helpers/staff';

/**
 * Every staff route the sources define (each file under src/pages/staff/ and src/pages/api/staff/),
 * requested without a session and with the least role: a new page or endpoint that the guard does
 * not know, or that answers without a session, fails here.
 */

const run = staffServerForFile({ TRUST_PROXY: '1' });
let team: Team;

beforeAll(async () => {
  team = await setUpTeam(run.server, run.smtp);
}, 120_000);

interface RouteFile {
  file: string;
  /** The pattern as the guard's table writes it: /staff/requests/[id]. */
  pattern: string;
  /** A concrete address for it. */
  path: string;
  methods: string[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

const pagesDir = join(root, 'src/pages');
const routeFiles: RouteFile[] = ['staff', 'api/staff'].flatMap((folder) =>
  filesUnder(join(pagesDir, folder)).map((file) => {
    const pattern = `/${relative(pagesDir, file).replace(/\.(astro|ts)$/, '').replace(/\/?index$/, '')}`;
    // The methods the server answers for it (any other gets 405 before the guard): the method table's.
    const methods = (routeMethods[pattern] ?? []).filter((method) => method !== 'HEAD');
    return { file: relative(root, file), pattern, path: pattern.replace(/\[[^\]]+\]/g, 'x'), methods };
  }),
);

const isPublic = (route: RouteFile) => (publicStaffRoutes as readonly string[]).includes(route.pattern);
const guarded = routeFiles.filter((route) => !isPublic(route));
const isApi = (route: RouteFile) => route.pattern.startsWith('/api/');

function send(route: RouteFile, method: string, session?: string) {
  return method === 'GET' ? get(run.server, route.path, session) : post(run.server, route.path, {}, { session });
}

describe('the staff routes', () => {
  it('are found in the sources', () => {
    expect(routeFiles.map((route) => route.pattern)).toEqual(expect.arrayContaining(['/staff', '/staff/team', '/staff/account', '/staff/login', '/api/staff/me']));
  });

  it.each(routeFiles)('$file is in the method table', (route) => {
    expect(route.methods.length, `add ${route.pattern} to routeMethods in src/server/http/methods.ts`).toBeGreaterThan(0);
  });

  it.each(routeFiles)('$file is in the guard table (or public) and on demand', (route) => {
    expect(isPublic(route) || Object.hasOwn(staffRoutes, route.pattern), `add ${route.pattern} to staffRoutes in src/server/staff/guard.ts`).toBe(true);
    expect(readFileSync(join(root, route.file), 'utf8')).toMatch(/export const prerender = false/);
  });
});

describe.each(guarded)('$file', (route) => {
  it.each(route.methods)('%s without a session: sign in first', async (method) => {
    const answer = await send(route, method);
    if (isApi(route)) {
      expect(answer.status).toBe(401);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    } else {
      expect(answer.status).toBe(303);
      expect(answer.location).toBe(`/staff/login?next=${encodeURIComponent(route.path)}`);
    }
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-robots-tag')).toBe('noindex');
  });

  it.each(route.methods)('%s as sales: refused when the role lacks the permission', async (method) => {
    const permission = staffRoutes[route.pattern];
    // Signing out ends the session it is sent with: that route gets one of its own.
    const session = route.pattern === '/staff/logout' ? (await signIn(run.server, 'sales@example.com', team.passwords.sales)).session! : team.sales;
    const answer = await send(route, method, session);
    if (permission && !can('sales', permission)) {
      expect(answer.status).toBe(403);
      if (isApi(route)) expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      else expect(answer.html).toContain('not open to your role');
    } else {
      expect([401, 403]).not.toContain(answer.status);
      if (answer.status === 303) expect(answer.location).not.toMatch(/^\/staff\/login\?next=/);
    }
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-robots-tag')).toBe('noindex');
  });

  it.each(route.methods)('%s as admin: allowed', async (method) => {
    const session = route.pattern === '/staff/logout' ? (await signIn(run.server, 'ada@example.com', team.passwords.admin)).session! : team.admin;
    const answer = await send(route, method, session);
    expect([401, 403]).not.toContain(answer.status);
  });
});

describe.each(routeFiles.filter((route) => route.file.endsWith('.astro')))('$file as a page', (route) => {
  it('tells robots to stay out', async () => {
    const answer = await get(run.server, route.path, isPublic(route) ? undefined : team.admin);
    expect(answer.html).toContain('<meta name="robots" content="noindex">');
    expect(answer.headers.get('x-robots-tag')).toBe('noindex');
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });
});

describe('a staff address no file or table entry knows', () => {
  it('is refused to a signed-in admin', async () => {
    expect((await get(run.server, '/api/staff/not-a-route', team.admin)).status).toBe(403);
  });
});
