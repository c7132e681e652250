import { beforeAll, describe, expect, it } from 'vitest';
import { get, mailedLink, post, printedLink, setUpTeam, signIn, staffServerForFile, type Team } from '../helpers/staff';

/**
 * The staff portal end to end on the production server: the first admin from the start link, invites,
 * sign-in and its one answer for every failure, the rate limits, password reset and change, sign-out.
 */

const run = staffServerForFile({ TRUST_PROXY: '1', STAFF_SIGN_IN_ATTEMPTS_PER_EMAIL: '3', STAFF_SIGN_IN_ATTEMPTS_PER_ADDRESS: '6' });
let team: Team;

beforeAll(async () => {
  team = await setUpTeam(run.server, run.smtp);
}, 120_000);

const signedIn = async (session: string | null) => (await get(run.server, '/api/staff/me', session)).status === 200;
const mismatch = 'That email and password do not match';

describe('the first admin', () => {
  it('comes from the link the server printed, which is refused once used', async () => {
    const link = await printedLink(run.server, /\/staff\/setup\?token=/);
    expect((await get(run.server, link)).status).toBe(410);
    const again = await post(run.server, link, { name: 'Eve', email: 'eve@example.com', password: 'eve takes over now' });
    expect(again.status).toBe(410);
    expect(again.session).toBeNull();
    const me = await (await fetch(`${run.server.url}/api/staff/me`, { headers: { cookie: team.admin } })).json();
    expect(me).toMatchObject({ email: 'ada@example.com', name: 'Ada Admin', role: 'admin' });
  });

  it('shows the home page with name, role, sign-out and the team link', async () => {
    const home = await get(run.server, '/staff', team.admin);
    expect(home.status).toBe(200);
    expect(home.html).toContain('Ada Admin');
    expect(home.html).toContain('Admin');
    expect(home.html).toContain('href="/staff/team"');
    expect(home.html).toMatch(/<form[^>]*method="POST"[^>]*action="\/staff\/logout"/);
    expect(home.headers.get('cache-control')).toBe('no-store');
    expect(home.headers.get('x-robots-tag')).toBe('noindex');
    expect(home.html).toContain('<meta name="robots" content="noindex">');
    const sales = await get(run.server, '/staff', team.sales);
    expect(sales.html).toContain('sales person');
    expect(sales.html).not.toContain('href="/staff/team"');
  });
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and goes where it was asked', async () => {
    const response = await post(run.server, '/staff/login?next=%2Fstaff%2Faccount', { email: ' Manager@Example.com ', password: team.passwords.manager });
    expect(response.status).toBe(303);
    expect(response.location).toBe('/staff/account');
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('staff='))!;
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
    expect(cookie).not.toMatch(/Secure/i);
    expect(await signedIn(response.session)).toBe(true);
  });

  it('never follows a next address off the site', async () => {
    const response = await post(run.server, '/staff/login?next=%2F%2Fevil.example%2F', { email: 'manager@example.com', password: team.passwords.manager });
    expect(response.location).toBe('/staff');
  });

  it('gives one answer for an unknown email and a wrong password, keeping the email typed', async () => {
    const unknown = await signIn(run.server, 'nobody@example.com', 'whatever it is here');
    const wrong = await signIn(run.server, 'sales@example.com', 'not the password at all');
    for (const answer of [unknown, wrong]) {
      expect(answer.status).toBe(422);
      expect(answer.session).toBeNull();
      expect(answer.html).toContain(mismatch);
    }
    expect(wrong.html).toMatch(/name="email"[^>]*value="sales@example.com"/);
    expect(wrong.html).not.toContain('not the password at all');
  });

  it('names a field left empty', async () => {
    const answer = await signIn(run.server, '', '');
    expect(answer.status).toBe(422);
    expect(answer.html).toMatch(/id="f-email-error"[^>]*>[\s\S]*Enter an email address/);
    expect(answer.html).toMatch(/id="f-password-error"[^>]*>[\s\S]*Enter your password/);
  });

  it('refuses a disabled account with the same answer, and ends its sessions', async () => {
    const email = 'leaver@example.com';
    await post(run.server, '/staff/team', { intent: 'invite', name: 'Lee Leaver', email, role: 'sales' }, { session: team.admin });
    const set = await post(run.server, await mailedLink(run.smtp, email, /\/staff\/reset\?token=/), { password: 'leaver walnut harbor' });
    expect(await signedIn(set.session)).toBe(true);
    const disabled = await post(run.server, '/staff/team', { intent: 'disable', email }, { session: team.admin });
    expect(disabled.html).toContain('is disabled and signed out everywhere');
    expect(await signedIn(set.session)).toBe(false);
    const again = await signIn(run.server, email, 'leaver walnut harbor');
    expect(again.status).toBe(422);
    expect(again.html).toContain(mismatch);
  });

  it('limits attempts per email, answering 429 with Retry-After', async () => {
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await signIn(run.server, 'manager@example.com', `wrong guess number ${i}`));
    expect(statuses.map((s) => s.status)).toEqual([422, 422, 422, 429]);
    const limited = statuses[3]!;
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.html).toContain('Too many sign-in attempts');
    // Even the right password waits now.
    expect((await signIn(run.server, 'manager@example.com', team.passwords.manager)).status).toBe(429);
  });

  it('limits attempts per client address over any emails', async () => {
    const address = '203.0.113.77';
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(run.server, `guess${i}@example.com`, 'some guess or other', address)).status);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422, 429]);
  });

  it('counts malformed attempts against the address too, so a flood of them is refused like any other', async () => {
    const address = '203.0.113.79';
    const statuses = [];
    for (const email of ['', 'not-an-email', 'still @ wrong', '', 'x', '@']) statuses.push((await post(run.server, '/staff/login', { email, password: 'some guess' }, { address })).status);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422]);
    const limited = await signIn(run.server, 'manager@example.com', team.passwords.manager, address);
    expect(limited.status).toBe(429);
    expect(limited.html).toContain('Too many sign-in attempts');
  });
});

describe('reset requests', () => {
  // The same limits as sign-in, counted apart, and the same for an email with an account and one without.
  it('are limited per email, whether or not it has an account, answering 429 with Retry-After', async () => {
    for (const email of ['ada@example.com', 'nobody-here@example.com']) {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await post(run.server, '/staff/forgot', { email }));
      expect(answers.map((a) => a.status), email).toEqual([200, 200, 200, 429]);
      expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(answers[3]!.html).toContain('Too many reset requests');
      // What was typed stays in the form.
      expect(answers[3]!.html).toContain(`value="${email}"`);
    }
    // Signing in is counted apart: the admin can still sign in.
    expect((await signIn(run.server, 'ada@example.com', team.passwords.admin)).status).toBe(303);
  });

  it('are limited per client address over any emails', async () => {
    const address = '203.0.113.88';
    const statuses = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(run.server, '/staff/forgot', { email: `reset-guess${i}@example.com` }, { address })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });

  it('count malformed emails against the address too', async () => {
    const address = '203.0.113.89';
    const statuses = [];
    for (const email of ['', 'not-an-email', 'x@', '', '@y', 'z']) statuses.push((await post(run.server, '/staff/forgot', { email }, { address })).status);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 422]);
    const limited = await post(run.server, '/staff/forgot', { email: 'ada@example.com' }, { address });
    expect(limited.status).toBe(429);
    expect(limited.html).toContain('Too many reset requests');
  });
});

describe('passwords', () => {
  it('resets through a single-use mailed link that signs out every session, and says nothing about unknown emails', async () => {
    const email = 'resetter@example.com';
    await post(run.server, '/staff/team', { intent: 'invite', name: 'Rae Resetter', email, role: 'sales' }, { session: team.admin });
    const first = await post(run.server, await mailedLink(run.smtp, email, /\/staff\/reset\?token=/), { password: 'resetter first words' });
    expect(await signedIn(first.session)).toBe(true);

    const unknown = await post(run.server, '/staff/forgot', { email: 'stranger@example.com' });
    const since = run.smtp.messages.length;
    const known = await post(run.server, '/staff/forgot', { email });
    const words = (html: string, address: string) => html.replace(address, 'EMAIL').replace(/<input[^>]*>/g, '');
    expect(words(known.html, email)).toBe(words(unknown.html, 'stranger@example.com'));
    const link = await mailedLink(run.smtp, email, /\/staff\/reset\?token=/, since);
    expect(run.smtp.messages.flatMap((message) => message.to)).not.toContain('stranger@example.com');

    expect((await post(run.server, link, { password: 'short' })).html).toContain('at least 12 characters');
    const reset = await post(run.server, link, { password: 'resetter second words' });
    expect(reset.status).toBe(303);
    expect(await signedIn(first.session)).toBe(false);
    expect(await signedIn(reset.session)).toBe(true);
    expect((await post(run.server, link, { password: 'resetter third words' })).status).toBe(410);
    expect((await signIn(run.server, email, 'resetter first words')).status).toBe(422);
    expect((await signIn(run.server, email, 'resetter second words')).status).toBe(303);
  });

  it('changes with the current one and signs out everywhere else', async () => {
    const other = (await signIn(run.server, 'sales@example.com', team.passwords.sales)).session;
    expect(await signedIn(other)).toBe(true);
    const wrong = await post(run.server, '/staff/account', { currentPassword: 'not it at all', password: 'sales new meadow words' }, { session: team.sales });
    expect(wrong.status).toBe(422);
    expect(wrong.html).toContain('That is not your current password');
    const common = await post(run.server, '/staff/account', { currentPassword: team.passwords.sales, password: 'Password1234!' }, { session: team.sales });
    expect(common.html).toContain('too common');
    const changed = await post(run.server, '/staff/account', { currentPassword: team.passwords.sales, password: 'sales new meadow words' }, { session: team.sales });
    expect(changed.status).toBe(200);
    expect(changed.html).toContain('1 other browser was signed out');
    expect(await signedIn(team.sales)).toBe(true);
    expect(await signedIn(other)).toBe(false);
    team.passwords.sales = 'sales new meadow words';
  });
});

describe('signing out', () => {
  it('ends the session on the server, not only in the browser', async () => {
    const session = (await signIn(run.server, 'ada@example.com', team.passwords.admin)).session!;
    const out = await post(run.server, '/staff/logout', {}, { session });
    expect(out.status).toBe(303);
    expect(out.location).toBe('/staff/login?signed-out');
    expect(out.session).toBe('');
    expect(await signedIn(session)).toBe(false);
  });
});
