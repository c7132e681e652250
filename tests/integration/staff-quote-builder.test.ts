import { beforeAll, describe, expect, it } from 'vitest';
import { swapOptions } from '~/domain/configuration/choices';
import { homeConfiguration, installationRequest, loadData, productFor } from '../helpers/configuration';
import { get, post, postFromPage, setUpTeam, staffServerForFile, type Team } from '../helpers/staff';

/**
 * The quote builder's pages on the production server, posted as a browser without JavaScript posts
 * them: a sales user swaps a product and gives a discount past their limit, the draft waits for a
 * manager, who approves it; the revision is sent, the customer's mail carries the link, the quote
 * page shows what changed, and staff compare the two versions. A tampered field comes back as an
 * error beside its field; a sales user gets 403 on a request someone else holds.
 */

const run = staffServerForFile({ TRUST_PROXY: '1', RATE_LIMIT_SUBMISSIONS: '1000' });
let team: Team;
const camera = productFor('camera-outdoor');
const swapTo = swapOptions(camera, loadData().catalog, 'home')[0]!;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

async function submit(email: string): Promise<string> {
  const body = installationRequest({ configuration: homeConfiguration(), contact: { name: 'Hana Homeowner', email, phone: '(555) 010-2000' } });
  const response = await fetch(`${run.server.url}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}
const builder = (reference: string) => `/staff/requests/${reference}/quote`;

beforeAll(async () => {
  team = await setUpTeam(run.server, run.smtp);
}, 300_000);

describe('the staff quote builder', () => {
  it('takes a sales user from a swap and a discount past the limit, through approval, to a sent revision the customer sees', async () => {
    const reference = await submit('hana@example.com');
    const opened = await get(run.server, builder(reference), team.sales);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('cache-control')).toContain('no-store');
    expect(opened.html).toContain('name="sites.0.lines.0.productId"');
    expect(opened.html).toContain(`value="${swapTo.id}"`);

    const saved = await postFromPage(run.server, builder(reference), { intent: 'save', 'sites.0.lines.0.productId': swapTo.id, 'quoteDiscount.kind': 'percent', 'quoteDiscount.value': '15' }, { session: team.sales });
    expect(saved.status, text(saved.html)).toBe(200);
    expect(saved.html).toContain('data-draft="requested"');
    expect(text(saved.html)).toContain('Waiting for a manager to approve its discounts.');
    expect(saved.html).not.toContain('data-own-draft');
    expect(saved.html).toContain('data-send-blocker');
    const refused = await postFromPage(run.server, builder(reference), { intent: 'send' }, { session: team.sales });
    expect(refused.status).toBe(409);

    const approved = await postFromPage(run.server, builder(reference), { intent: 'decide', decision: 'approve', reason: 'Neighbor referral' }, { session: team.manager });
    expect(approved.status, text(approved.html)).toBe(200);
    expect(approved.html).toContain('data-draft="approved"');
    const sent = await postFromPage(run.server, builder(reference), { intent: 'send' }, { session: team.sales });
    expect(sent.status, text(sent.html)).toBe(200);
    expect(text(sent.html)).toContain('Version 2 sent to hana@example.com');

    const link = await (async () => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const mail = run.smtp.messages.find((m) => m.to.includes('hana@example.com') && m.subject.includes('version 2'));
        if (mail) return /https?:\/\/[^\s/]+(\/quote\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
        if (Date.now() > deadline) throw new Error('no revision mail');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const customer = text((await get(run.server, link)).html);
    expect(customer).toContain('What changed since version 1');
    expect(customer).toContain(`Added 3 × ${swapTo.name}`);
    expect(customer).toContain('Added a discount of 15% on the whole quote');

    const request = text((await get(run.server, `/staff/requests/${reference}`, team.sales)).html);
    for (const event of ['Discount approval requested', 'Discounts approved', 'Quote revised', 'Quote sent', 'Mail sent']) expect(request).toContain(event);
    const compare = await get(run.server, `/staff/requests/${reference}/revisions?from=1&to=2`, team.sales);
    expect(compare.status).toBe(200);
    expect(text(compare.html)).toContain('Added a discount of 15% on the whole quote');
  });

  it('shows a manager no approval form for discounts they saved past their own limit, and the admin approves them', async () => {
    const reference = await submit('marta@example.com');
    const saved = await postFromPage(run.server, builder(reference), { intent: 'save', 'quoteDiscount.kind': 'percent', 'quoteDiscount.value': '25' }, { session: team.manager });
    expect(saved.status, text(saved.html)).toBe(200);
    expect(saved.html).toContain('data-draft="requested"');
    expect(saved.html).not.toContain('id="decide"');
    expect(text(saved.html)).toContain('Waiting for another manager or an admin to approve its discounts.');
    expect(text(saved.html)).toContain('You saved this draft, so another manager or an admin must approve or refuse its discounts.');
    const ownDecision = await postFromPage(run.server, builder(reference), { intent: 'decide', decision: 'approve' }, { session: team.manager });
    expect(ownDecision.status).toBe(403);

    const adminView = await get(run.server, builder(reference), team.admin);
    expect(adminView.html).toContain('id="decide"');
    const approved = await postFromPage(run.server, builder(reference), { intent: 'decide', decision: 'approve', reason: 'Key account' }, { session: team.admin });
    expect(approved.html).toContain('data-draft="approved"');
  });

  it('answers a tampered price with an error beside the field it names, keeping what was typed', async () => {
    const reference = await submit('tamper@example.com');
    const answer = await postFromPage(run.server, builder(reference), { intent: 'save', 'sites.0.lines.0.quantity': '5', 'sites.0.lines.0.unitCents': '1', 'sites.0.lines.1.discount.kind': 'percent', 'sites.0.lines.1.discount.value': '140' }, { session: team.sales });
    expect(answer.status).toBe(422);
    expect(answer.html).toContain('href="#f-sites-0-lines-0-unitCents"');
    expect(text(answer.html)).toContain('this form does not take “unitCents”');
    expect(answer.html).toMatch(/id="f-sites-0-lines-1-discount-value-error"[^>]*>[\s\S]*?at most 100%/);
    expect(answer.html).toMatch(/id="f-sites-0-lines-0-quantity"[^>]*value="5"|value="5"[^>]*id="f-sites-0-lines-0-quantity"/);
  });

  it('refuses a save from a page opened before someone else saved, keeping what was typed and showing the draft as it is now', async () => {
    const reference = await submit('twice@example.com');
    const opened = await get(run.server, builder(reference), team.sales);
    const seen = /name="seen" value="([^"]*)"/.exec(opened.html)![1]!;
    expect(opened.html.match(/name="seen"/g)).toHaveLength(2);
    expect((await postFromPage(run.server, builder(reference), { intent: 'save', 'sites.0.lines.0.quantity': '2' }, { session: team.manager })).status).toBe(200);

    const stale = await post(run.server, builder(reference), { intent: 'save', seen, 'sites.0.lines.0.quantity': '7' }, { session: team.sales });
    expect(stale.status).toBe(409);
    expect(text(stale.html)).toMatch(/The draft was not saved The draft changed after you opened this page\. Check the draft as it is now, then save again to replace it with your changes\. Everything you typed is still in the form\./);
    expect(stale.html).toMatch(/id="f-sites-0-lines-0-quantity"[^>]*value="7"|value="7"[^>]*id="f-sites-0-lines-0-quantity"/);
    expect(text(stale.html)).toContain('Saved by manager');
    // The page now carries the draft as it is: saving from it replaces the manager's quantity.
    const again = /name="seen" value="([^"]*)"/.exec(stale.html)![1]!;
    expect(again).not.toBe(seen);
    expect((await post(run.server, builder(reference), { intent: 'save', seen: again, 'sites.0.lines.0.quantity': '7' }, { session: team.sales })).status).toBe(200);
    expect((await post(run.server, builder(reference), { intent: 'send', seen }, { session: team.sales })).status).toBe(409);
  });

  it('answers 403 to a sales user on a request assigned to someone else', async () => {
    const reference = await submit('taken@example.com');
    const me = (await (await fetch(`${run.server.url}/api/staff/me`, { headers: { cookie: team.manager } })).json()) as { id: string };
    expect((await post(run.server, `/staff/requests/${reference}`, { intent: 'assign', assignee: me.id }, { session: team.manager })).status).toBe(200);
    expect((await get(run.server, builder(reference), team.sales)).status).toBe(403);
    expect((await postFromPage(run.server, builder(reference), { intent: 'send' }, { session: team.sales })).status).toBe(403);
    expect((await get(run.server, `/staff/requests/${reference}/revisions`, team.sales)).status).toBe(403);
    expect((await get(run.server, builder(reference), team.manager)).status).toBe(200);
  });
});
