import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAccount, disableStaff, setPasswordWithLink, firstAdminLink, firstAdminLinkUsable, setUpFirstAdmin } from '~/server/staff/accounts';
import { issueLink } from '~/server/staff/links';
import { endOtherSessions, resumeSession, startSession } from '~/server/staff/sessions';
import { backends, type TestDatabase } from '../helpers/db';

/**
 * Sessions and one-time links against the database, with the clock in the test's hands: idle and
 * absolute expiry, single-use and expiring links, ending other sessions, disabling, the first admin.
 */

const settings = { STAFF_SESSION_IDLE_MINUTES: 30, STAFF_SESSION_ABSOLUTE_HOURS: 2 };
const minutes = (n: number) => n * 60_000;
const site = 'http://localhost:4321';
const token = (url: string) => new URL(url).searchParams.get('token');

let database: TestDatabase;
let staffId: string;

beforeAll(async () => {
  database = await backends[0]!.open();
  const added = await addAccount(database.db, { email: 'sam@example.com', name: 'Sam Sales', role: 'sales' }, { site, password: 'sam plays the oboe' });
  if (!added.ok) throw new Error(JSON.stringify(added.issues));
  staffId = added.value.account.id;
}, 120_000);

afterAll(() => database?.dispose());

describe('a session', () => {
  it('ends after the idle time without a request, and each request restarts that clock', async () => {
    const start = new Date('2026-03-02T09:00:00Z');
    const { token: session } = await startSession(database.db, staffId, start, settings);
    const at = (offset: number) => new Date(start.getTime() + offset);
    expect(await resumeSession(database.db, session, at(minutes(29)), settings)).toMatchObject({ id: staffId, role: 'sales' });
    expect(await resumeSession(database.db, session, at(minutes(58)), settings)).not.toBeNull();
    expect(await resumeSession(database.db, session, at(minutes(58 + 31)), settings)).toBeNull();
  });

  it('ends at its absolute expiry however busy it is', async () => {
    const start = new Date('2026-03-03T09:00:00Z');
    const { token: session, expiresAt } = await startSession(database.db, staffId, start, settings);
    expect(expiresAt.getTime() - start.getTime()).toBe(minutes(120));
    for (let offset = 20; offset < 120; offset += 20) expect(await resumeSession(database.db, session, new Date(start.getTime() + minutes(offset)), settings), `${offset} min`).not.toBeNull();
    expect(await resumeSession(database.db, session, new Date(start.getTime() + minutes(120)), settings)).toBeNull();
  });

  it('is refused for a token that was never issued or is malformed', async () => {
    expect(await resumeSession(database.db, 'A'.repeat(43))).toBeNull();
    expect(await resumeSession(database.db, 'short')).toBeNull();
    expect(await resumeSession(database.db, undefined)).toBeNull();
  });

  it('"sign out everywhere else" keeps only the current one', async () => {
    const now = new Date();
    const [mine, other, third] = await Promise.all([1, 2, 3].map(() => startSession(database.db, staffId, now)));
    const me = (await resumeSession(database.db, mine!.token))!;
    expect(await endOtherSessions(database.db, staffId, me.sessionHash)).toBeGreaterThanOrEqual(2);
    expect(await resumeSession(database.db, mine!.token)).not.toBeNull();
    expect(await resumeSession(database.db, other!.token)).toBeNull();
    expect(await resumeSession(database.db, third!.token)).toBeNull();
  });
});

describe('a password link', () => {
  it('works once, and ends every session of the account', async () => {
    const { token: session } = await startSession(database.db, staffId);
    const link = await issueLink(database.db, { purpose: 'reset_password', staffId, site });
    expect(link.url).toMatch(/^http:\/\/localhost:4321\/staff\/reset\?token=/);
    expect(await setPasswordWithLink(database.db, token(link.url), 'sam plays the tuba')).toEqual({ ok: true, value: staffId });
    expect(await resumeSession(database.db, session)).toBeNull();
    expect(await setPasswordWithLink(database.db, token(link.url), 'sam plays the harp')).toEqual({ ok: false, expired: true });
  });

  it('expires: a reset after its minutes, an invite after its hours', async () => {
    const linkSettings = { STAFF_INVITE_HOURS: 24, STAFF_RESET_MINUTES: 30 };
    const reset = await issueLink(database.db, { purpose: 'reset_password', staffId, site, now: new Date(Date.now() - minutes(31)) }, undefined, linkSettings);
    expect(await setPasswordWithLink(database.db, token(reset.url), 'sam plays the drums')).toEqual({ ok: false, expired: true });
    const fresh = await issueLink(database.db, { purpose: 'reset_password', staffId, site, now: new Date(Date.now() - minutes(29)) }, undefined, linkSettings);
    const invite = await issueLink(database.db, { purpose: 'set_password', staffId, site, now: new Date(Date.now() - minutes(24 * 60 + 1)) }, undefined, linkSettings);
    expect(await setPasswordWithLink(database.db, token(invite.url), 'sam plays the drums')).toEqual({ ok: false, expired: true });
    expect((await setPasswordWithLink(database.db, token(fresh.url), 'short')).ok).toBe(false);
    expect(await setPasswordWithLink(database.db, token(fresh.url), 'sam plays the drums')).toEqual({ ok: true, value: staffId });
  });
});

describe('the first admin', () => {
  it('is made once from the start link; then no link is printed and old ones are refused', async () => {
    const first = (await firstAdminLink(database.db, site))!;
    const second = (await firstAdminLink(database.db, site))!;
    expect(first.url).toMatch(/\/staff\/setup\?token=/);
    expect(await firstAdminLinkUsable(database.db, token(first.url))).toBe(true);
    const weak = await setUpFirstAdmin(database.db, token(first.url), { name: '', email: 'nope', password: 'password1234' });
    expect(weak.ok === false && 'issues' in weak && weak.issues.map((issue) => issue.path[0]).sort()).toEqual(['email', 'name', 'password']);
    const made = await setUpFirstAdmin(database.db, token(first.url), { name: 'Ada', email: 'ADA@example.com', password: 'ada keeps the keys' });
    expect(made).toMatchObject({ ok: true, value: { email: 'ada@example.com', role: 'admin' } });
    expect(await firstAdminLink(database.db, site)).toBeNull();
    expect(await firstAdminLinkUsable(database.db, token(second.url))).toBe(false);
    expect(await setUpFirstAdmin(database.db, token(second.url), { name: 'Eve', email: 'eve@example.com', password: 'eve wants the keys' })).toEqual({ ok: false, expired: true });
  });
});

describe('disabling', () => {
  it('ends the sessions of the account, and keeps the last admin', async () => {
    const { token: session } = await startSession(database.db, staffId);
    expect((await disableStaff(database.db, 'Sam@Example.com')).ok).toBe(true);
    expect(await resumeSession(database.db, session)).toBeNull();
    expect(await disableStaff(database.db, 'sam@example.com')).toMatchObject({ ok: false, issues: [{ path: ['email'], message: expect.stringMatching(/already disabled/) }] });
    expect(await disableStaff(database.db, 'ada@example.com')).toMatchObject({ ok: false, issues: [{ message: expect.stringMatching(/only admin left/) }] });
  });
});
