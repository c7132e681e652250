import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/server/db/client';
import { seedAcceptedRequest } from '../helpers/bookings';
import { loadData } from '../helpers/configuration';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { get, setUpTeam, type Team } from '../helpers/staff';

/**
 * The staff calendar on the production server: a month of crew bookings, confirmed ones told apart
 * from holds in words, each day of a longer job shown, each linked to its request; a sales user sees
 * that a crew is booked on someone else's request but not whose. Never cached, never indexed.
 */

const data = loadData();
const [crewA, crewB] = data.settings.booking.crews;
let server: TestServer;
let smtp: TestSmtp;
let team: Team;
let removeData: () => void;
const references: string[] = [];

beforeAll(async () => {
  const { dir, remove } = await freshDataDir();
  removeData = remove;
  const handle = await openDatabase({ dataDir: dir });
  references.push(
    (await seedAcceptedRequest(handle.db, 'Ada', 'scheduled', { crewId: crewA!.id, days: ['2027-03-02', '2027-03-03'], window: 'whole-days', status: 'confirmed' })).reference,
    (await seedAcceptedRequest(handle.db, 'Bo', 'accepted', { crewId: crewB!.id, days: ['2027-03-02'], window: 'morning', status: 'held' })).reference,
    (await seedAcceptedRequest(handle.db, 'Cy', 'deposit_paid', { crewId: crewB!.id, days: ['2027-03-04'], window: 'afternoon', status: 'canceled' })).reference,
  );
  await handle.close();
  smtp = await startSmtp();
  server = await startServer({ dataDir: dir, env: { SMTP_URL: smtp.url, OUTBOX_INTERVAL_SECONDS: '1' } });
  team = await setUpTeam(server, smtp);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  removeData?.();
  await smtp?.close();
}, STOP_TIMEOUT_MS);

const cell = (html: string, date: string) => new RegExp(`<td[^>]*data-date="${date}"[^>]*>([\\s\\S]*?)</td>`).exec(html)?.[1] ?? '';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('the staff calendar', { timeout: 60_000 }, () => {
  it('shows each crew’s bookings by day, holds apart from confirmed ones, linked to their requests', async () => {
    const answer = await get(server, '/staff/calendar?month=2027-03', team.manager);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toContain('no-store');
    expect(answer.headers.get('x-robots-tag')).toContain('noindex');
    expect(answer.html).toContain('Calendar: March 2027');
    const [ada, bo, cy] = references;
    for (const date of ['2027-03-02', '2027-03-03']) {
      expect(text(cell(answer.html, date))).toContain(`Booked : ${crewA!.name}, All day`);
      expect(cell(answer.html, date)).toContain(`href="/staff/requests/${ada}"`);
    }
    const held = cell(answer.html, '2027-03-02');
    expect(held).toMatch(/data-status="held"/);
    expect(text(held)).toContain(`Held : ${crewB!.name}, Morning`);
    expect(held).toContain(`href="/staff/requests/${bo}"`);
    expect(text(held)).toContain('Held until');
    expect(answer.html).not.toContain(cy);
    expect(answer.html).toContain('href="/staff/calendar?month=2027-02" rel="prev"');
    expect(answer.html).toContain('href="/staff/calendar?month=2027-04" rel="next"');
  });

  it('narrows to one crew, and falls back to this month and every crew on a value it cannot read', async () => {
    const one = await get(server, `/staff/calendar?month=2027-03&crew=${crewB!.id}`, team.manager);
    expect(one.html).not.toContain(references[0]);
    expect(one.html).toContain(references[1]);
    const odd = await get(server, '/staff/calendar?month=2027-13&crew=nobody', team.manager);
    expect(odd.status).toBe(200);
    expect(odd.html).toMatch(/<option value="" selected[^>]*>Every crew<\/option>/);
    expect(odd.html).toMatch(/<h1[^>]*>Calendar: [A-Z][a-z]+ \d{4}<\/h1>/);
  });

  it('shows a sales user that a crew is booked on another person’s request, not whose', async () => {
    const me = (await (await fetch(`${server.url}/api/staff/me`, { headers: { cookie: team.manager } })).json()) as { id: string };
    const assigned = await fetch(`${server.url}/staff/requests/${references[0]}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, cookie: team.manager },
      body: new URLSearchParams({ intent: 'assign', assignee: me.id }),
    });
    expect(assigned.status).toBe(200);
    const html = (await get(server, '/staff/calendar?month=2027-03', team.sales)).html;
    expect(html).not.toContain(references[0]);
    expect(html).not.toContain('Ada Customer');
    expect(text(cell(html, '2027-03-03'))).toContain('Another person’s request');
    expect(html).toContain(`href="/staff/requests/${references[1]}"`);
  });

  it('is for staff only', async () => {
    const answer = await get(server, '/staff/calendar', null);
    expect(answer.status).toBe(303);
    expect(answer.location).toContain('/staff/login?next=%2Fstaff%2Fcalendar');
  });
});
