import { beforeAll, describe, expect, it } from 'vitest';
import { get, post, postFromPage, setUpTeam, staffServerForFile, type Team } from '../helpers/staff';

/**
 * Starting a quote for a customer from the staff portal, posted as a browser without JavaScript
 * posts it: a sales user starts one, lands in the builder, finds the request assigned to them on
 * the pipeline, and the customer is mailed only once the builder sends it. Bad input comes back
 * beside its field with what was typed kept; without a session the form is not served.
 */

const run = staffServerForFile({ TRUST_PROXY: '1' });
let team: Team;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const customer = { name: 'Pat Phoner', email: 'pat@example.com', audience: 'home', company: '', postalCode: '94100' };
const mailsTo = (email: string) => run.smtp.messages.filter((m) => m.to.includes(email));

async function mailedQuoteLink(email: string): Promise<string> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const mail = mailsTo(email).find((m) => /\/quote\//.test(m.text));
    if (mail) return /https?:\/\/[^\s/]+(\/quote\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    if (Date.now() > deadline) throw new Error(`no quote mail to ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  team = await setUpTeam(run.server, run.smtp);
}, 300_000);

describe('starting a quote from the staff portal', () => {
  it('links the form from the pipeline and serves it not to be stored', async () => {
    const pipeline = await get(run.server, '/staff', team.sales);
    expect(pipeline.html).toContain('href="/staff/quotes/new"');
    const form = await get(run.server, '/staff/quotes/new', team.sales);
    expect(form.status).toBe(200);
    expect(form.headers.get('cache-control')).toContain('no-store');
    for (const name of ['name', 'email', 'audience', 'company', 'postalCode']) expect(form.html).toContain(`name="${name}"`);
  });

  it('takes a sales user to the builder of a request assigned to them, and mails the customer only when the builder sends it', async () => {
    const started = await post(run.server, '/staff/quotes/new', customer, { session: team.sales });
    expect(started.status, text(started.html)).toBe(303);
    const match = /^\/staff\/requests\/([A-Z0-9-]+)\/quote$/.exec(started.location ?? '');
    expect(match, started.location ?? 'no location').not.toBeNull();
    const reference = match![1]!;

    const builder = await get(run.server, started.location!, team.sales);
    expect(builder.status).toBe(200);
    expect(builder.html).toContain('name="sites.0.lines.0.productId"');
    expect(text(builder.html)).toContain(customer.name);

    const mine = await get(run.server, `/staff?assignee=me&state=new&q=${reference}`, team.sales);
    expect(mine.html).toContain(`data-reference="${reference}"`);
    expect(mine.html).toMatch(new RegExp(`data-reference="${reference}"[\\s\\S]*?<td[^>]*>1</td>[\\s\\S]*?data-assignee[^>]*>sales person<`));
    const request = text((await get(run.server, `/staff/requests/${reference}`, team.sales)).html);
    expect(request).toMatch(/Timeline Quote started[\s:]+sales person/);

    // Nothing goes to the customer until the builder sends a revision.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(mailsTo(customer.email)).toEqual([]);

    // A discount makes the sent version differ from the one the quote started from, which the customer never saw.
    const saved = await postFromPage(run.server, started.location!, { intent: 'save', 'quoteDiscount.kind': 'percent', 'quoteDiscount.value': '5' }, { session: team.sales });
    expect(saved.status, text(saved.html)).toBe(200);
    const sent = await postFromPage(run.server, started.location!, { intent: 'send' }, { session: team.sales });
    expect(sent.status, text(sent.html)).toBe(200);
    expect(text(sent.html)).toContain(`sent to ${customer.email}`);
    const link = await mailedQuoteLink(customer.email);
    const page = await get(run.server, link);
    expect(page.status).toBe(200);
    expect(text(page.html)).toContain(reference);
    // The customer's first quote tells no changes against a version they never had.
    expect(text(page.html)).not.toContain('What changed since');
    expect(mailsTo(customer.email).find((m) => /\/quote\//.test(m.text))!.text).not.toContain('What changed since');
  });

  it('keeps what was typed and names the field on a bad email and a blank name', async () => {
    const answer = await post(run.server, '/staff/quotes/new', { ...customer, name: '  ', email: 'pat.example.com' }, { session: team.sales });
    expect(answer.status).toBe(422);
    expect(answer.html).toMatch(/id="f-email-error"[^>]*>[\s\S]*?Enter an email address like name@example.com/);
    expect(answer.html).toMatch(/id="f-name-error"[^>]*>[\s\S]*?Enter your name/);
    expect(answer.html).toContain('href="#f-email"');
    expect(answer.html).toContain('value="pat.example.com"');
    expect(answer.html).toContain('value="94100"');
    expect(answer.html).toMatch(/<option value="home" selected/);
  });

  it('asks a business quote for the business name', async () => {
    const answer = await post(run.server, '/staff/quotes/new', { ...customer, audience: 'business' }, { session: team.manager });
    expect(answer.status).toBe(422);
    expect(answer.html).toMatch(/id="f-company-error"[^>]*>[\s\S]*?Enter the name of the business/);
    const started = await post(run.server, '/staff/quotes/new', { ...customer, email: 'shop@example.com', audience: 'business', company: 'Corner Shop' }, { session: team.manager });
    expect(started.status, text(started.html)).toBe(303);
  });

  it('sends someone without a session to sign in, and refuses the form to them', async () => {
    const page = await get(run.server, '/staff/quotes/new');
    expect(page.status).toBe(303);
    expect(page.location).toContain('/staff/login?next=%2Fstaff%2Fquotes%2Fnew');
    const posted = await post(run.server, '/staff/quotes/new', customer);
    expect([302, 303]).toContain(posted.status);
    expect(posted.location).toContain('/staff/login');
  });
});
