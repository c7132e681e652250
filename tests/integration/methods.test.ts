import { readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeMethods } from '~/server/http/methods';
import { serverForFile } from '../helpers/server';

/**
 * Every on-demand route (each file under src/pages that is not prerendered, the action endpoint and
 * the health routes the server entry answers) refuses every method it does not serve with 405 and
 * an Allow header, a problem for the API, never a 500; and the status line reads as HTTP words it
 * ("404 Not Found", not "404 OK").
 */

const run = serverForFile();
const pagesDir = join(process.cwd(), 'src/pages');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** The route pattern Astro gives a page file: `quote/[id].astro` → `/quote/[id]`. */
function patternOf(file: string): string {
  const path = `/${relative(pagesDir, file).replace(/\.(astro|ts)$/, '')}`.replace(/\/index$/, '');
  return path === '' ? '/' : path;
}

const onDemand = filesUnder(pagesDir)
  .filter((file) => /export const prerender = false/.test(readFileSync(file, 'utf8')))
  .map((file) => ({ file, pattern: patternOf(file) }))
  // The 404 page answers every address nothing else serves: it has no methods of its own.
  .filter(({ pattern }) => pattern !== '/404');

const routes = [...onDemand.map(({ pattern }) => pattern), '/_actions/[name]', '/healthz', '/readyz'];
// Not TRACK or CONNECT: Node's HTTP parser answers TRACK with 400 itself, and CONNECT is a tunnel, never a request.
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND'];

interface RawAnswer {
  status: number;
  statusMessage: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, because fetch refuses to send TRACE and TRACK. */
function send(method: string, path: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, run.server.url);
    const req = httpRequest(url, { method, headers: { origin: run.server.url } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, statusMessage: res.statusMessage ?? '', headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const concrete = (pattern: string) => pattern.replace(/\[[^\]]+\]/g, 'sample');

describe('methods a route does not serve', () => {
  it('are listed for every on-demand route, and the table matches what each endpoint exports', () => {
    expect(onDemand.length).toBeGreaterThan(8);
    expect(new Set(routes)).toEqual(new Set(Object.keys(routeMethods)));
    for (const { file, pattern } of onDemand.filter(({ file }) => file.endsWith('.ts'))) {
      const exported = [...readFileSync(file, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE|ALL)\b/g)].map((match) => match[1]!);
      const expected = exported.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method]));
      expect([...routeMethods[pattern]!].sort(), pattern).toEqual(expected.sort());
    }
  });

  it('get 405 with Allow on every on-demand route, a problem on the API, never a 5xx', async () => {
    for (const pattern of routes) {
      const allowed = routeMethods[pattern]!;
      for (const method of methods.filter((m) => !allowed.includes(m))) {
        const answer = await send(method, concrete(pattern));
        expect({ pattern, method, status: answer.status, statusMessage: answer.statusMessage, allow: answer.headers.allow }).toEqual({
          pattern,
          method,
          status: 405,
          statusMessage: 'Method Not Allowed',
          allow: allowed.join(', '),
        });
        if (pattern.startsWith('/api/') && method !== 'HEAD') {
          expect(answer.headers['content-type']).toBe('application/problem+json; charset=utf-8');
          expect(JSON.parse(answer.body)).toMatchObject({ type: '/api/problems/method-not-allowed', status: 405 });
        }
      }
    }
    // Nothing was left to fail inside the server.
    expect(run.server.output()).not.toMatch(/"level":"error"|Internal Server Error|\n\s+at /);
  }, 120_000);

  it('do not change what the allowed ones answer', async () => {
    expect((await send('GET', '/api/catalog')).status).toBe(200);
    expect((await send('HEAD', '/api/catalog')).status).toBe(200);
    expect((await send('GET', '/request')).status).toBe(200);
    expect((await send('GET', '/healthz')).status).toBe(200);
  });
});

describe('status lines', () => {
  it('give the standard reason phrase', async () => {
    const missing = await send('GET', '/no-such-page');
    expect([missing.status, missing.statusMessage]).toEqual([404, 'Not Found']);
    const quote = await send('GET', '/quote/no-such-quote');
    expect([quote.status, quote.statusMessage]).toEqual([404, 'Not Found']);
    const problem = await send('GET', '/api/problems/nope');
    expect([problem.status, problem.statusMessage]).toEqual([404, 'Not Found']);
    const page = await send('GET', '/');
    expect([page.status, page.statusMessage]).toEqual([200, 'OK']);
  });
});
