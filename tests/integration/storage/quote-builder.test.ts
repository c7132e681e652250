import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import { addDays } from '~/domain/estimate/dates';
import { installerToday } from '~/domain/settings/today';
import { outbox, quoteDrafts, quoteRevisions } from '~/server/db/schema';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { getQuoteById, getRevision } from '~/server/quotes/store';
import { requestByReference } from '~/server/pipeline/store';
import { builderOf, decideApproval, draftStamp, saveDraft, sendRevision, type SendContext } from '~/server/revisions/builder';
import { priceDraft } from '~/server/revisions/price';
import type { StaffUser } from '~/server/staff/sessions';
import { insertAccount } from '~/server/staff/store';
import { timelineOf } from '~/server/timeline/store';
import { backends, type TestDatabase } from '../../helpers/db';
import { insertRequestFor } from '~tests/helpers/requests';

/**
 * The staff quote builder on both databases: a draft saved from the builder's form is priced by the
 * server, discounts within the role's limit can be sent at once, past it they wait for a manager's
 * approval or refusal, tampered fields are refused by name, a sent revision never changes, the
 * customer is mailed the link, and a sales user cannot touch someone else's request.
 */

// 4 cameras at $200 and a recorder at $300.
const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }])]);
const now = new Date('2026-03-02T15:00:00Z');

describe.each(backends)('the quote builder on $name', (backend) => {
  let handle: TestDatabase;
  const staff: Record<'sales' | 'otherSales' | 'manager' | 'admin', StaffUser> = {} as never;
  const ctx = (): SendContext => ({ data: fixtureData, now, siteUrl: 'https://quotes.example.com', mail: { settings: fixtureData.settings, installerEmail: 'office@installer.example' } });

  beforeAll(async () => {
    handle = await backend.open();
    for (const [key, role] of [['sales', 'sales'], ['otherSales', 'sales'], ['manager', 'manager'], ['admin', 'admin']] as const) {
      const row = await insertAccount(handle.db, { email: `${key.toLowerCase()}@installer.example`, name: key, role, passwordHash: null }, now);
      staff[key] = { id: row.id, email: row.email, name: row.name, role, sessionHash: 'h' };
    }
  }, 60_000);
  afterAll(async () => handle?.dispose());

  async function requestWithQuote(assignedTo: string | null = null): Promise<{ reference: string; quote: SavedQuote; requestId: string }> {
    const quote = await createQuote(handle.db, { configuration, status: 'requested', firstName: 'Ada' }, fixtureData, now);
    const { requestId, reference } = await insertRequestFor(handle.db, quote, { assignedTo, consentedAt: now });
    return { reference, quote, requestId };
  }
  const draftRow = async (quoteId: string) => (await handle.db.select().from(quoteDrafts).where(eq(quoteDrafts.quoteId, quoteId)))[0];
  const kinds = async (quoteId: string) => (await timelineOf(handle.db, { quoteId })).map((e) => e.kind);
  /** The draft as the builder's page shows it to `user` now: what a page sends back with each step. */
  const seenBy = async (user: StaffUser, reference: string) => draftStamp((await builderOf(handle.db, (await requestByReference(handle.db, reference))!, user, ctx()))!);
  // Each step as a person takes it from the page they just opened.
  const save = async (user: StaffUser, reference: string, fields: Record<string, string>) => saveDraft(handle.db, user, reference, fields, await seenBy(user, reference), ctx());
  const send = async (user: StaffUser, reference: string) => sendRevision(handle.db, user, reference, await seenBy(user, reference), ctx());
  const decide = async (user: StaffUser, reference: string, input: Record<string, string>) => decideApproval(handle.db, user, reference, input, await seenBy(user, reference), ctx());

  it('builds a draft (swap, quantity, custom line, discount within the limit) and sends it as revision 2 with the mail and timeline', async () => {
    const { reference, quote } = await requestWithQuote(staff.sales.id);
    const saved = await save(staff.sales, reference, {
        'sites.0.lines.0.productId': 'cam-best',
        'sites.0.lines.0.quantity': '3',
        'sites.0.lines.1.discount.kind': 'percent',
        'sites.0.lines.1.discount.value': '5',
        'customLines.0.siteId': 'site-1',
        'customLines.0.description': 'Trench for the gate camera cable',
        'customLines.0.cents': '180.00',
        'customLines.0.reason': 'The cable has to cross the lawn.',
      });
    expect(saved).toMatchObject({ ok: true });
    const row = await draftRow(quote.id);
    expect(row).toMatchObject({ approval: 'not_needed', editorRole: 'sales', baseRevision: 1, updatedBy: staff.sales.id });
    expect(row!.configuration.sites[0]!.lines.map((l) => [l.productId, l.quantity])).toEqual([
      ['cam-best', 3],
      ['nvr', 1],
    ]);
    expect(row!.changes.discounts.lines).toEqual([{ siteId: 'site-1', lineKey: 'nvr', discount: { kind: 'percent', percent: 5 } }]);

    expect(await send(staff.sales, reference)).toMatchObject({ ok: true });
    const sent = (await getQuoteById(handle.db, quote.id))!;
    expect(sent.status).toBe('sent');
    expect(sent.revision.number).toBe(2);
    expect(sent.revision.validUntil).toBe(addDays(installerToday(fixtureData.settings, now), fixtureData.settings.quoteValidityDays));
    const recomputed = priceDraft({ configuration: row!.configuration, changes: row!.changes }, 'sales', fixtureData, installerToday(fixtureData.settings, now));
    expect(recomputed.ok && recomputed.estimate.oneTime).toEqual(sent.revision.snapshot.estimate.oneTime);
    const lines = sent.revision.snapshot.estimate.sites[0]!.lines;
    expect(lines.find((l) => l.customKey)).toMatchObject({ label: 'Trench for the gate camera cable', amount: { low: 18000, high: 18000 } });
    // 5 % of $300 off the recorder.
    expect(lines.find((l) => l.productId === 'nvr')).toMatchObject({ amount: { low: 28500, high: 28500 }, discount: { lineCents: 1500, quoteShareCents: 0 } });
    expect(sent.revision.snapshot.staff).toMatchObject({ sentBy: staff.sales.id, approvedBy: null });
    expect(await draftRow(quote.id)).toBeUndefined();

    const mail = await handle.db.select().from(outbox).where(eq(outbox.kind, 'quote-revision'));
    const ours = mail.filter((m) => m.text.includes(reference));
    expect(ours).toHaveLength(1);
    expect(ours[0]!.to).toBe('ada@example.com');
    expect(ours[0]!.text).toContain(`https://quotes.example.com/quote/${quote.publicId}`);
    expect(ours[0]!.text).toContain('Added 1 × Trench for the gate camera cable');
    expect(ours[0]!.text).toContain('Added a discount of 5% on Test recorder');
    const events = await timelineOf(handle.db, { quoteId: quote.id });
    expect(events.filter((e) => e.staffId === staff.sales.id).map((e) => e.kind).sort()).toEqual(['mail.sent', 'quote.revised', 'quote.sent', 'request.moved']);
    // The first quote sent moves a new lead to "quote sent".
    expect(events.find((e) => e.kind === 'request.moved')?.detail).toMatchObject({ from: 'new', to: 'quote_sent' });
  });

  it('holds a discount past the limit for a manager, who approves it; then it is sent with the approver recorded', async () => {
    const { reference, quote } = await requestWithQuote();
    expect(await save(staff.sales, reference, { 'quoteDiscount.kind': 'percent', 'quoteDiscount.value': '15' })).toMatchObject({ ok: true, notice: expect.stringContaining('must approve') });
    expect((await draftRow(quote.id))!.approval).toBe('requested');
    expect(await kinds(quote.id)).toContain('quote.approval_requested');
    expect(await send(staff.sales, reference)).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('approve') });
    expect(await decide(staff.sales, reference, { decision: 'approve' })).toMatchObject({ ok: false, status: 403 });
    expect(await decide(staff.manager, reference, { decision: 'approve', reason: 'Repeat customer' })).toMatchObject({ ok: true });
    // The same form posted again (a reload) keeps the approval; the draft read back from jsonb has its keys in another order.
    expect(await save(staff.sales, reference, { 'quoteDiscount.kind': 'percent', 'quoteDiscount.value': '15' })).toMatchObject({ ok: true, notice: 'Nothing changed.' });
    expect((await draftRow(quote.id))!.approval).toBe('approved');
    expect(await send(staff.sales, reference)).toMatchObject({ ok: true });
    const sent = (await getQuoteById(handle.db, quote.id))!;
    expect(sent.revision.snapshot.staff).toMatchObject({ approvedBy: staff.manager.id, discounts: { quote: { kind: 'percent', percent: 15 } } });
    const approved = (await timelineOf(handle.db, { quoteId: quote.id })).find((e) => e.kind === 'quote.approved');
    expect(approved).toMatchObject({ staffId: staff.manager.id, detail: { reason: 'Repeat customer' } });
  });

  it('lets nobody decide on discounts they saved: a manager past their own limit waits for someone else', async () => {
    const { reference, quote } = await requestWithQuote();
    expect(await save(staff.manager, reference, { 'quoteDiscount.kind': 'percent', 'quoteDiscount.value': '25' })).toMatchObject({ ok: true, notice: expect.stringContaining('must approve') });
    const waiting = await draftRow(quote.id);
    const events = await kinds(quote.id);
    for (const decision of ['approve', 'refuse']) {
      expect(await decide(staff.manager, reference, { decision, reason: 'My own call' })).toMatchObject({ ok: false, status: 403, message: expect.stringContaining('another manager or an admin') });
    }
    expect(await draftRow(quote.id)).toEqual(waiting);
    expect(await kinds(quote.id)).toEqual(events);
    expect(await send(staff.manager, reference)).toMatchObject({ ok: false, status: 409 });

    expect(await decide(staff.admin, reference, { decision: 'approve', reason: 'Account we want to keep' })).toMatchObject({ ok: true });
    expect(await send(staff.manager, reference)).toMatchObject({ ok: true });
    expect((await getQuoteById(handle.db, quote.id))!.revision.snapshot.staff).toMatchObject({ sentBy: staff.manager.id, approvedBy: staff.admin.id });
  });

  it('refuses with a reason: the draft cannot be sent until it is changed', async () => {
    const { reference, quote } = await requestWithQuote();
    await save(staff.sales, reference, { 'sites.0.lines.0.discount.kind': 'amount', 'sites.0.lines.0.discount.value': '300' });
    expect(await decide(staff.manager, reference, { decision: 'refuse', reason: '' })).toMatchObject({ ok: false, status: 422, issues: [{ path: ['reason'] }] });
    expect(await decide(staff.manager, reference, { decision: 'refuse', reason: 'Too deep for a camera order' })).toMatchObject({ ok: true });
    expect(await send(staff.sales, reference)).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('refused') });
    const refused = (await timelineOf(handle.db, { quoteId: quote.id })).find((e) => e.kind === 'quote.approval_refused');
    expect(refused).toMatchObject({ staffId: staff.manager.id, detail: { reason: 'Too deep for a camera order' } });
    // Brought back within the limit ($80 of $800 is 10 %), it goes out.
    expect(await save(staff.sales, reference, { 'sites.0.lines.0.discount.kind': 'amount', 'sites.0.lines.0.discount.value': '80' })).toMatchObject({ ok: true });
    expect((await draftRow(quote.id))!.approval).toBe('not_needed');
    expect(await send(staff.sales, reference)).toMatchObject({ ok: true });
  });

  it.each([
    [{ 'sites.0.lines.0.unitCents': '1' }, 'sites.0.lines.0.unitCents'],
    [{ 'totals.oneTime': '100' }, 'totals.oneTime'],
    [{ 'sites.0.lines.1.discount.kind': 'percent', 'sites.0.lines.1.discount.value': '150' }, 'sites.0.lines.1.discount.value'],
    [{ 'sites.0.lines.1.discount.kind': 'amount', 'sites.0.lines.1.discount.value': '-20' }, 'sites.0.lines.1.discount.value'],
    [{ 'sites.0.lines.1.discount.kind': 'amount', 'sites.0.lines.1.discount.value': '301' }, 'sites.0.lines.1.discount.value'],
    [{ 'quoteDiscount.kind': 'amount', 'quoteDiscount.value': '5000' }, 'quoteDiscount.value'],
    [{ 'sites.0.lines.1.productId': 'cam' }, 'sites.0.lines.1.productId'],
    [{ 'sites.0.lines.0.quantity': '-1' }, 'sites.0.lines.0.quantity'],
    [{ 'customLines.0.siteId': 'site-1', 'customLines.0.description': 'Trench', 'customLines.0.cents': '-5', 'customLines.0.reason': 'Lawn' }, 'customLines.0.cents'],
    [{ 'customLines.0.siteId': 'elsewhere', 'customLines.0.description': 'Trench', 'customLines.0.cents': '5', 'customLines.0.reason': 'Lawn' }, 'customLines.0.siteId'],
  ])('refuses a tampered or impossible field %j with an error naming it, and saves nothing', async (fields, name) => {
    const { reference, quote } = await requestWithQuote();
    const outcome = await save(staff.sales, reference, fields);
    expect(outcome).toMatchObject({ ok: false, status: 422 });
    expect(!outcome.ok && outcome.issues?.map((issue) => issue.path[0])).toContain(name);
    expect(await draftRow(quote.id)).toBeUndefined();
  });

  it('never changes a sent revision: a later draft and send make revision 3 beside it', async () => {
    const { reference, quote } = await requestWithQuote();
    await save(staff.sales, reference, { 'sites.0.lines.0.quantity': '5' });
    await send(staff.sales, reference);
    const second = await getRevision(handle.db, quote.id, 2);
    const [secondRow] = await handle.db.select().from(quoteRevisions).where(eq(quoteRevisions.quoteId, quote.id)).orderBy(quoteRevisions.number).offset(1);
    await save(staff.sales, reference, { 'sites.0.lines.0.quantity': '6', 'quoteDiscount.kind': 'amount', 'quoteDiscount.value': '10' });
    expect(await send(staff.sales, reference)).toMatchObject({ ok: true, notice: expect.stringContaining('Version 3') });
    expect(await getRevision(handle.db, quote.id, 2)).toEqual(second);
    const [after] = await handle.db.select().from(quoteRevisions).where(eq(quoteRevisions.id, secondRow!.id));
    expect(after).toEqual(secondRow);
    expect((await getQuoteById(handle.db, quote.id))!.revision.number).toBe(3);
    // Nothing left to send until a new draft is saved.
    expect(await send(staff.sales, reference)).toMatchObject({ ok: false, status: 409 });
  });

  it('refuses every step on a draft someone saved after the page was opened, and changes nothing', async () => {
    const { reference, quote } = await requestWithQuote();
    await save(staff.sales, reference, { 'quoteDiscount.kind': 'percent', 'quoteDiscount.value': '15' });
    // The salesperson and the manager each open the builder; then the manager deepens the discount.
    const salesSaw = await seenBy(staff.sales, reference);
    const managerSaw = await seenBy(staff.manager, reference);
    expect(await saveDraft(handle.db, staff.manager, reference, { 'quoteDiscount.kind': 'percent', 'quoteDiscount.value': '25' }, managerSaw, ctx())).toMatchObject({ ok: true });
    const stored = await draftRow(quote.id);
    const events = await kinds(quote.id);

    const stale = [
      () => saveDraft(handle.db, staff.sales, reference, { 'quoteDiscount.kind': 'percent', 'quoteDiscount.value': '10' }, salesSaw, ctx()),
      () => sendRevision(handle.db, staff.sales, reference, salesSaw, ctx()),
      () => decideApproval(handle.db, staff.manager, reference, { decision: 'approve' }, managerSaw, ctx()),
      () => sendRevision(handle.db, staff.sales, reference, '', ctx()),
    ];
    for (const step of stale) expect(await step()).toMatchObject({ ok: false, status: 409, message: expect.stringContaining('changed after you opened this page') });
    expect(await draftRow(quote.id)).toEqual(stored);
    expect(await kinds(quote.id)).toEqual(events);
    expect((await getQuoteById(handle.db, quote.id))!.revision.number).toBe(1);

    // An approval leaves the draft as the salesperson saw it: their send from that page goes ahead.
    const salesSawAgain = await seenBy(staff.sales, reference);
    // The manager saved these discounts, so the admin decides on them.
    expect(await decide(staff.admin, reference, { decision: 'approve', reason: 'Loyal customer' })).toMatchObject({ ok: true });
    expect(await sendRevision(handle.db, staff.sales, reference, salesSawAgain, ctx())).toMatchObject({ ok: true });
  });

  it('answers 403 to a sales user on a request assigned to someone else, for every step', async () => {
    const { reference, quote } = await requestWithQuote(staff.otherSales.id);
    expect(await save(staff.sales, reference, { 'sites.0.lines.0.quantity': '2' })).toMatchObject({ ok: false, status: 403 });
    expect(await send(staff.sales, reference)).toMatchObject({ ok: false, status: 403 });
    expect(await draftRow(quote.id)).toBeUndefined();
    // The manager works every request.
    expect(await save(staff.manager, reference, { 'sites.0.lines.0.quantity': '2' })).toMatchObject({ ok: true });
  });
});
