import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '~/domain/estimate/dates';
import { installationRequest, twoSiteConfiguration } from '../helpers/configuration';
import { installerDay } from '../helpers/data-files';
import { get, post, setUpTeam, staffServerForFile, type Team } from '../helpers/staff';

/**
 * The pipeline on the production server: customers' requests listed, counted per state, filtered,
 * searched and paged; a sales user sees only theirs and the unassigned ones and gets 403 on the
 * others; assigning, notes and state changes each land on the timeline with who and when, and an
 * illegal change or a lost lead without a reason is refused with a clear message.
 */

const run = staffServerForFile({ TRUST_PROXY: '1', RATE_LIMIT_SUBMISSIONS: '1000' });
let team: Team;
const ids: Record<'manager' | 'sales', string> = { manager: '', sales: '' };
/** 26 home requests and one business request with two sites: a page of 25 and a second of 2. */
const homes: string[] = [];
let business = '';
const pageSize = 25;

async function submit(body: unknown): Promise<string> {
  const response = await fetch(`${run.server.url}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

const rowsOf = (html: string) => [...html.matchAll(/<tr data-reference="([^"]+)"/g)].map((m) => m[1]!);
const count = (html: string, state: string) => Number(new RegExp(`data-count="${state}"[^>]*>(\\d+)<`).exec(html)?.[1]);
const pipeline = async (query: string, session = team.manager) => {
  const answer = await get(run.server, `/staff${query}`, session);
  expect(answer.status).toBe(200);
  return answer.html;
};
const act = (reference: string, fields: Record<string, string>, session: string) => post(run.server, `/staff/requests/${reference}`, fields, { session });
const page = async (reference: string, session = team.manager) => (await get(run.server, `/staff/requests/${reference}`, session)).html;
const timelineItems = (html: string) => [...html.matchAll(/<li data-kind="([^"]+)"[^>]*>([\s\S]*?)<\/li>/g)].map((m) => ({ kind: m[1]!, text: m[2]!.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim(), html: m[2]! }));

beforeAll(async () => {
  team = await setUpTeam(run.server, run.smtp);
  for (const role of ['manager', 'sales'] as const) ids[role] = ((await (await fetch(`${run.server.url}/api/staff/me`, { headers: { cookie: team[role] } })).json()) as { id: string }).id;
  for (let i = 0; i < pageSize + 1; i++) {
    const postalCode = i === 7 ? '90210' : '94100';
    homes.push(
      await submit(
        installationRequest({
          contact: { name: `Home Owner ${String(i).padStart(2, '0')}`, email: `owner${i}@example.com`, phone: '(555) 010-2000' },
          addresses: [{ siteId: 'home', line1: `${i} Analytical Way`, city: 'Bayview', region: 'CA', postalCode }],
        }),
      ),
    );
  }
  const configuration = twoSiteConfiguration();
  business = await submit(
    installationRequest({
      configuration,
      contact: { name: 'Bea Business', email: 'bea@depot.example', phone: '(555) 010-3000' },
      company: 'Depot Traders',
      nextStep: 'formal-quote',
      addresses: configuration.sites.map((site, i) => ({ siteId: site.id, line1: `${i + 1} Dock Road`, city: 'Bayview', region: 'CA', postalCode: '94107' })),
    }),
  );
}, 300_000);

describe('the pipeline list', () => {
  it('lists every request newest first, 25 a page with page links, and counts each state', async () => {
    const first = await pipeline('');
    expect(first).toContain(`${homes.length + 1} requests`);
    expect(rowsOf(first)).toEqual([business, ...homes.slice().reverse()].slice(0, pageSize));
    expect(first).toContain('href="/staff?page=2"');
    expect(count(first, 'all')).toBe(homes.length + 1);
    expect(count(first, 'new')).toBe(homes.length + 1);
    expect(count(first, 'lost')).toBe(0);
    const second = await pipeline('?page=2');
    expect(rowsOf(second)).toEqual([homes[1], homes[0]]);
    expect(second).toContain('href="/staff?page=2" aria-current="page"');
    expect(second).toContain('href="/staff" rel="prev"');
  });

  it('shows the customer, audience, sites, total and submitted date of a row', async () => {
    const html = await pipeline(`?q=${business}`);
    const row = html.slice(html.indexOf(`<tr data-reference="${business}"`), html.indexOf('</tr>', html.indexOf(`<tr data-reference="${business}"`)));
    expect(row).toContain('Bea Business');
    expect(row).toContain('Depot Traders');
    expect(row).toContain('Business');
    expect(row).toMatch(/<td[^>]*>2<\/td>/);
    expect(row).toMatch(/\$[\d,]+/);
    expect(row).toContain('Unassigned');
  });

  it('searches by reference, name, email and ZIP code', async () => {
    expect(rowsOf(await pipeline(`?q=${homes[3]!.toLowerCase()}`))).toEqual([homes[3]]);
    expect(rowsOf(await pipeline('?q=owner+05'))).toEqual([homes[5]]);
    expect(rowsOf(await pipeline('?q=owner12%40example'))).toEqual([homes[12]]);
    expect(rowsOf(await pipeline('?q=90210'))).toEqual([homes[7]]);
    const none = await pipeline('?q=%25%25nobody');
    expect(rowsOf(none)).toEqual([]);
    expect(none).toContain('No requests match');
  });

  it('filters by audience and submitted date', async () => {
    expect(rowsOf(await pipeline('?audience=business'))).toEqual([business]);
    expect(count(await pipeline('?audience=home'), 'all')).toBe(homes.length);
    const today = installerDay();
    expect(count(await pipeline(`?from=${today}&to=${today}`), 'all')).toBe(homes.length + 1);
    expect(rowsOf(await pipeline(`?from=${addDays(today, 1)}`))).toEqual([]);
    expect(rowsOf(await pipeline(`?to=${addDays(today, -1)}`))).toEqual([]);
    // A filter value that cannot be read narrows nothing.
    expect(count(await pipeline('?state=bogus&from=yesterday'), 'all')).toBe(homes.length + 1);
  });
});

describe('assigning', () => {
  it('lets a sales user take an unassigned request and a manager give one to anyone', async () => {
    const mine = await act(homes[0]!, { intent: 'assign', assignee: 'me' }, team.sales);
    expect(mine.status).toBe(200);
    expect(mine.html).toContain('Assigned to you.');
    const given = await act(homes[1]!, { intent: 'assign', assignee: ids.manager }, team.manager);
    expect(given.html).toContain('Assigned to you.');
    const toSales = await act(homes[2]!, { intent: 'assign', assignee: ids.sales }, team.manager);
    expect(toSales.html).toContain('Assigned to sales person.');
    const refused = await act(homes[3]!, { intent: 'assign', assignee: ids.manager }, team.sales);
    expect(refused.status).toBe(403);
    expect(refused.html).toContain('Only a manager can assign a request to someone else.');
  });

  it('filters by assignee: me, unassigned, a named person', async () => {
    expect(rowsOf(await pipeline('?assignee=me', team.sales)).sort()).toEqual([homes[0], homes[2]].sort());
    expect(rowsOf(await pipeline(`?assignee=${ids.sales}`)).sort()).toEqual([homes[0], homes[2]].sort());
    expect(rowsOf(await pipeline('?assignee=me'))).toEqual([homes[1]]);
    expect(count(await pipeline('?assignee=unassigned'), 'all')).toBe(homes.length + 1 - 3);
  });

  it('keeps another person’s requests from a sales user: not listed, 403 to open or change', async () => {
    const list = await pipeline('?assignee=anyone', team.sales);
    expect(count(list, 'all')).toBe(homes.length);
    expect(list).not.toContain(`data-reference="${homes[1]}"`);
    expect(rowsOf(await pipeline(`?q=${homes[1]}`, team.sales))).toEqual([]);
    // Naming someone else in the address does not widen what a sales user sees.
    expect(rowsOf(await pipeline(`?assignee=${ids.manager}`, team.sales))).not.toContain(homes[1]);
    const opened = await get(run.server, `/staff/requests/${homes[1]}`, team.sales);
    expect(opened.status).toBe(403);
    expect(opened.html).toContain('assigned to someone else');
    expect(opened.html).not.toContain('owner1@example.com');
    const attempts: Record<string, string>[] = [{ intent: 'note', note: 'sneaky' }, { intent: 'assign', assignee: 'me' }, { intent: 'move', event: 'contact' }];
    for (const fields of attempts) {
      expect((await act(homes[1]!, fields, team.sales)).status).toBe(403);
    }
    expect(timelineItems(await page(homes[1]!)).map((item) => item.kind)).toEqual(['request.submitted', 'request.assigned']);
  });

  it('answers 404 for a reference that does not exist', async () => {
    const missing = await get(run.server, '/staff/requests/NG-NOSUCH', team.manager);
    expect(missing.status).toBe(404);
    expect(missing.html).toContain('Request not found');
  });
});

describe('a request’s page', () => {
  it('shows the customer, the sites, the quote with its revisions and the timeline', async () => {
    const html = await page(business);
    for (const text of ['Bea Business', 'bea@depot.example', '(555) 010-3000', 'Depot Traders', '1 Dock Road', '2 Dock Road', 'Sites (2)', 'Quote, revision 1', 'data-revision="1"', 'Timeline']) expect(html).toContain(text);
    const [submitted] = timelineItems(html);
    expect(submitted?.kind).toBe('request.submitted');
    expect(submitted?.text).toContain('Bea Business (customer)');
    expect(submitted?.html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/);
  });

  it('adds a note, named and timed on the timeline; an empty one is a field error', async () => {
    const empty = await act(homes[0]!, { intent: 'note', note: '   ' }, team.sales);
    expect(empty.status).toBe(422);
    expect(empty.html).toMatch(/id="f-note-error"[^>]*>[\s\S]*write the note first/);
    const added = await act(homes[0]!, { intent: 'note', note: 'Called, <b>wants</b> a Tuesday visit' }, team.sales);
    expect(added.status).toBe(200);
    expect(added.html).toContain('Note added.');
    const note = timelineItems(added.html).find((item) => item.kind === 'request.note')!;
    expect(note.html).toContain('Called, &lt;b&gt;wants&lt;/b&gt; a Tuesday visit');
    expect(note.text).toContain('sales person');
    expect(note.html).toMatch(/<time datetime=/);
  });

  it('marks a lead lost only with a reason, then refuses what a lost lead cannot do, and reopens it', async () => {
    const reference = homes[0]!;
    const contacted = await act(reference, { intent: 'move', event: 'contact' }, team.sales);
    expect(contacted.status).toBe(200);
    expect(contacted.html).toContain('data-state="contacted"');

    const noReason = await act(reference, { intent: 'move', event: 'mark_lost', reason: ' ' }, team.sales);
    expect(noReason.status).toBe(422);
    expect(noReason.html).toMatch(/id="f-reason-error"[^>]*>[\s\S]*say why the lead was lost/);
    expect(noReason.html).toContain('data-state="contacted"');

    const lost = await act(reference, { intent: 'move', event: 'mark_lost', reason: 'Went with a cheaper installer' }, team.sales);
    expect(lost.status).toBe(200);
    expect(lost.html).toContain('data-state="lost"');
    expect(lost.html).toContain('Went with a cheaper installer');
    expect(lost.html).not.toContain('value="contact"');

    const illegal = await act(reference, { intent: 'move', event: 'contact' }, team.sales);
    expect(illegal.status).toBe(409);
    expect(illegal.html).toMatch(/The lead is (&quot;|&#34;|")Lost(&quot;|&#34;|"): only a new lead can be marked as contacted\./);
    expect(illegal.html).toContain('data-state="lost"');
    expect((await act(reference, { intent: 'move', event: 'pay_deposit' }, team.sales)).status).toBe(422);

    const list = await pipeline('?state=lost');
    expect(rowsOf(list)).toEqual([reference]);
    expect(count(list, 'lost')).toBe(1);

    const reopened = await act(reference, { intent: 'move', event: 'reopen' }, team.sales);
    expect(reopened.html).toContain('data-state="contacted"');
    const items = timelineItems(reopened.html);
    expect(items.map((item) => item.kind)).toEqual(['request.submitted', 'request.assigned', 'request.note', 'request.contacted', 'request.lost', 'request.reopened']);
    for (const item of items.slice(1)) {
      expect(item.text).toContain('sales person');
      expect(item.html).toMatch(/<time datetime=/);
    }
    expect(items[4]!.text).toContain('Reason: Went with a cheaper installer');
    expect(count(await pipeline(''), 'lost')).toBe(0);
  });
});
