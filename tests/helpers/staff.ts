import { afterAll, beforeAll, expect } from 'vitest';
import { freshDataDir } from './pglite-template';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from './server';
import { startSmtp, type TestSmtp } from './smtp';

/**
 * The staff portal as a browser without JavaScript uses it: forms posted to their own page, the
 * session cookie carried by hand, one-time links read from the server's log (no SMTP_URL, so the
 * outbox prints each message there, and the server prints the first-admin link at start).
 */

export interface Served {
  url: string;
  output(): string;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<string>;
}

export interface Answer {
  status: number;
  html: string;
  headers: Headers;
  location: string | null;
  /** The session cookie this answer set ("staff=…"), null when it set none; "" when it cleared it. */
  session: string | null;
}

let lastAddress = 0;
/** A fresh client address per request unless a test wants one: only the rate-limit tests share one. */
export const nextAddress = () => `198.51.100.${(++lastAddress % 250) + 1}`;

function sessionFrom(headers: Headers): string | null {
  const cookie = headers.getSetCookie().find((line) => /^(__Host-)?staff=/.test(line));
  if (!cookie) return null;
  // A cleared cookie comes with a date in the past (Astro also writes "deleted" as its value).
  if (/;\s*(expires=Thu, 01 Jan 1970|max-age=0)/i.test(cookie)) return '';
  return cookie.split(';', 1)[0]!;
}

async function answer(response: Response): Promise<Answer> {
  return { status: response.status, html: await response.text(), headers: response.headers, location: response.headers.get('location'), session: sessionFrom(response.headers) };
}

export async function get(server: Served, path: string, session?: string | null): Promise<Answer> {
  return answer(await fetch(`${server.url}${path}`, { headers: session ? { cookie: session } : {}, redirect: 'manual' }));
}

export async function post(server: Served, path: string, fields: Record<string, string>, options: { session?: string | null; address?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, 'x-forwarded-for': options.address ?? nextAddress() };
  if (options.session) headers.cookie = options.session;
  return answer(await fetch(`${server.url}${path}`, { method: 'POST', headers, body: new URLSearchParams(fields).toString(), redirect: 'manual' }));
}

/**
 * Posts `fields` as a form on the page at `path` does, once the page has been opened: with the hidden
 * fields every form of the page carries (the quote builder's `seen`, the draft as the page showed it).
 */
export async function postFromPage(server: Served, path: string, fields: Record<string, string>, options: { session?: string | null; address?: string } = {}): Promise<Answer> {
  const page = await get(server, path, options.session);
  const seen = /name="seen" value="([^"]*)"/.exec(page.html)?.[1];
  return post(server, path, { ...(seen === undefined ? {} : { seen }), ...fields }, options);
}

const linksIn = (text: string, pattern: RegExp) => [...text.matchAll(new RegExp(`https?://[^\\s/]+(${pattern.source}[A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1]!);

/** The path and query of the last link matching `pattern` the server printed (after `since` characters of output). */
export async function printedLink(server: Served, pattern: RegExp, since = 0): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const links = linksIn(server.output().slice(since), pattern);
    if (links.length > 0) return links.at(-1)!;
    if (Date.now() > deadline) throw new Error(`The server never printed ${pattern}:\n${server.output().slice(since)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The path and query of the last link matching `pattern` mailed to `to` (after the first `since` messages the test SMTP server received). */
export async function mailedLink(smtp: TestSmtp, to: string, pattern: RegExp, since = 0): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const links = smtp.messages.slice(since).filter((message) => message.to.includes(to)).flatMap((message) => linksIn(message.text, pattern));
    if (links.length > 0) return links.at(-1)!;
    if (Date.now() > deadline) throw new Error(`No mail to ${to} carried ${pattern}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const signIn = (server: Served, email: string, password: string, address?: string) => post(server, '/staff/login', { email, password }, { address });

export interface Team {
  admin: string;
  manager: string;
  sales: string;
  passwords: Record<'admin' | 'manager' | 'sales', string>;
}

/**
 * Creates the first admin from the start link, invites a manager and a sales person, and signs all
 * three in. With `smtp` (the server started with its SMTP_URL) the invite links are read from the mail.
 */
export async function setUpTeam(server: Served, smtp?: TestSmtp): Promise<Team> {
  const passwords = { admin: 'admin lantern oboe', manager: 'manager quarry kettle', sales: 'sales meadow copper' };
  const setup = await printedLink(server, /\/staff\/setup\?token=/);
  const created = await post(server, setup, { name: 'Ada Admin', email: 'ada@example.com', password: passwords.admin });
  expect(created.status, created.html).toBe(303);
  const admin = created.session!;
  const invited: Record<string, string> = {};
  for (const role of ['manager', 'sales'] as const) {
    const since = server.output().length;
    const invite = await post(server, '/staff/team', { intent: 'invite', name: `${role} person`, email: `${role}@example.com`, role }, { session: admin });
    expect(invite.status, invite.html).toBe(200);
    const link = smtp ? await mailedLink(smtp, `${role}@example.com`, /\/staff\/reset\?token=/) : await printedLink(server, /\/staff\/reset\?token=/, since);
    const set = await post(server, link, { password: passwords[role] });
    expect(set.status, set.html).toBe(303);
    invited[role] = set.session!;
  }
  return { admin, manager: invited.manager!, sales: invited.sales!, passwords };
}

/**
 * A production server for one staff test file, delivering its mail to a test SMTP server: the log
 * names a message kept in the outbox but never its text, so invite and reset links come by mail.
 */
export function staffServerForFile(env: Record<string, string> = {}, beforeStart?: (dataDir: string) => Promise<void>): { server: TestServer; smtp: TestSmtp } {
  const run = {} as { server: TestServer; smtp: TestSmtp };
  let data: { dir: string; remove(): void } | undefined;
  beforeAll(async () => {
    run.smtp = await startSmtp();
    // What runs on the data directory before the server opens it (PGlite serves one process at a time), such as `npm run staff`.
    if (beforeStart) await beforeStart((data = await freshDataDir()).dir);
    run.server = await startServer({ env: { ...env, SMTP_URL: run.smtp.url, OUTBOX_INTERVAL_SECONDS: '1' }, ...(data ? { dataDir: data.dir } : {}) });
  }, 400_000);
  afterAll(async () => {
    await run.server?.stop();
    run.server?.cleanUp();
    data?.remove();
    await run.smtp?.close();
  }, STOP_TIMEOUT_MS);
  return run;
}
