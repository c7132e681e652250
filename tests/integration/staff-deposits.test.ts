import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/server/db/client';
import { deposits } from '~/server/db/schema';
import { newRowId } from '~/server/db/row-id';
import { depositFor } from '~/server/payments/checkout';
import type { SavedQuote } from '~/server/quotes/quote';
import { seedAcceptedRequest } from '../helpers/bookings';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from '../helpers/server';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { get, post, setUpTeam, type Team } from '../helpers/staff';
import { startFakeStripe, type FakeStripe } from '../helpers/stripe-server';

/**
 * The deposit forms of a request's staff page, posted without JavaScript to the production server
 * with the real Stripe library talking to the local stand-in: a manager refunds part and then the
 * rest of a card deposit (each a refund on Stripe and a line on the timeline, with the reason); a
 * sales user may not refund but records a check taken offline, which moves the request to "Deposit
 * paid". Each wrong field is named beside it, with what was typed kept.
 */

let server: TestServer;
let smtp: TestSmtp;
let fake: FakeStripe;
let team: Team;
let removeData: () => void;
const seeded = {} as Record<'card' | 'check', { quote: SavedQuote; reference: string }>;

beforeAll(async () => {
  const { dir, remove } = await freshDataDir();
  removeData = remove;
  const handle = await openDatabase({ dataDir: dir });
  seeded.card = await seedAcceptedRequest(handle.db, 'Ada', 'deposit_paid');
  seeded.check = await seedAcceptedRequest(handle.db, 'Bo', 'accepted');
  const { quote } = seeded.card;
  await handle.db.insert(deposits).values({ id: newRowId(), quoteId: quote.id, revision: 1, amountCents: depositFor(quote), currency: 'USD', method: 'stripe', status: 'paid', attempt: 1, paymentIntentId: 'pi_test_portal', paidAt: new Date() });
  await handle.close();
  [smtp, fake] = await Promise.all([startSmtp(), startFakeStripe()]);
  server = await startServer({ dataDir: dir, env: { SMTP_URL: smtp.url, OUTBOX_INTERVAL_SECONDS: '1', STRIPE_SECRET_KEY: fake.secretKey, STRIPE_WEBHOOK_SECRET: fake.webhookSecret, STRIPE_API_URL: fake.url } });
  team = await setUpTeam(server, smtp);
}, 300_000);

afterAll(async () => {
  await server?.stop();
  removeData?.();
  await Promise.all([smtp?.close(), fake?.close()]);
}, STOP_TIMEOUT_MS);

const page = async (reference: string, session: string) => (await get(server, `/staff/requests/${reference}`, session)).html;
const act = (reference: string, fields: Record<string, string>, session: string) => post(server, `/staff/requests/${reference}`, fields, { session });
const depositId = (html: string) => /name="deposit" value="([^"]+)"/.exec(html)?.[1] ?? '';
const errorOf = (html: string, name: string) => new RegExp(`id="f-${name}-error"[^>]*>([\\s\\S]*?)</p>`).exec(html)?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
const kinds = (html: string) => [...html.matchAll(/<li data-kind="([^"]+)"/g)].map((m) => m[1]!);
const money = (cents: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

describe('refunding a deposit', { timeout: 60_000 }, () => {
  it('is a manager’s: a sales user sees no form and is refused', async () => {
    const html = await page(seeded.card.reference, team.sales);
    expect(html).toContain('Only a manager can refund a deposit.');
    expect(html).not.toContain('name="refundReason"');
    const id = depositId(await page(seeded.card.reference, team.manager));
    const refused = await act(seeded.card.reference, { intent: 'refund', deposit: id, refundReason: 'Because', refundConfirm: 'yes' }, team.sales);
    expect(refused.status).toBe(403);
    expect(fake.calls.filter((call) => call.path === '/v1/refunds')).toEqual([]);
  });

  it('names each wrong field beside it and keeps what was typed', async () => {
    const id = depositId(await page(seeded.card.reference, team.manager));
    const answer = await act(seeded.card.reference, { intent: 'refund', deposit: id, refundAmount: 'ten dollars', refundReason: '   ' }, team.manager);
    expect(answer.status).toBe(422);
    expect(errorOf(answer.html, 'refundReason')).toContain('say why the deposit is refunded');
    expect(errorOf(answer.html, 'refundConfirm')).toContain('tick the box to confirm the refund');
    const tooMuch = await act(seeded.card.reference, { intent: 'refund', deposit: id, refundAmount: '99999', refundReason: 'Canceled', refundConfirm: 'yes' }, team.manager);
    expect(tooMuch.status).toBe(422);
    expect(errorOf(tooMuch.html, 'refundAmount')).toContain(`what is left of the deposit (${money(depositFor(seeded.card.quote))})`);
    expect(tooMuch.html).toContain('value="99999"');
    expect(fake.calls.filter((call) => call.path === '/v1/refunds')).toEqual([]);
  });

  it('refunds part and then the rest on Stripe, each on the timeline with its reason', async () => {
    const due = depositFor(seeded.card.quote);
    const id = depositId(await page(seeded.card.reference, team.manager));
    const part = await act(seeded.card.reference, { intent: 'refund', deposit: id, refundAmount: '10.00', refundReason: 'Smaller camera', refundConfirm: 'yes' }, team.manager);
    expect(part.status, part.html).toBe(200);
    expect(part.html).toContain('Refunded $10.00.');
    const rest = await act(seeded.card.reference, { intent: 'refund', deposit: id, refundAmount: '', refundReason: 'Customer canceled', refundConfirm: 'yes' }, team.manager);
    expect(rest.html).toContain(`Refunded ${money(due - 1000)}, the whole deposit.`);
    expect(fake.calls.filter((call) => call.path === '/v1/refunds').map((call) => call.body)).toEqual([
      { payment_intent: 'pi_test_portal', amount: '1000' },
      { payment_intent: 'pi_test_portal', amount: String(due - 1000) },
    ]);
    const after = await page(seeded.card.reference, team.manager);
    expect(after).not.toContain('name="refundReason"');
    expect(after).toContain('data-deposit="refunded"');
    expect(kinds(after).filter((kind) => kind === 'deposit.refunded')).toHaveLength(2);
    expect(after).toContain('Reason: Customer canceled');
  });
});

describe('recording a deposit taken offline', { timeout: 60_000 }, () => {
  it('refuses an amount that is not one, keeping the rest', async () => {
    const answer = await act(seeded.check.reference, { intent: 'offline', offlineAmount: '-5', offlineMethod: '', offlineReference: '1042' }, team.sales);
    expect(answer.status).toBe(422);
    expect(errorOf(answer.html, 'offlineMethod')).toContain('choose how it was paid');
    expect(answer.html).toContain('value="1042"');
    const wrong = await act(seeded.check.reference, { intent: 'offline', offlineAmount: '-5', offlineMethod: 'check', offlineReference: '1042' }, team.sales);
    expect(errorOf(wrong.html, 'offlineAmount')).toContain('enter the amount taken');
  });

  it('records the check, moves the request to "Deposit paid" and takes no second one', async () => {
    const before = await page(seeded.check.reference, team.sales);
    expect(before).toContain(`name="offlineAmount"`);
    expect(before).toContain(`value="${(depositFor(seeded.check.quote) / 100).toFixed(2)}"`);
    const recorded = await act(seeded.check.reference, { intent: 'offline', offlineAmount: '450', offlineMethod: 'check', offlineReference: '1042' }, team.sales);
    expect(recorded.status, recorded.html).toBe(200);
    expect(recorded.html).toContain('Recorded a deposit of $450.00 (Check, 1042).');
    expect(recorded.html).toMatch(/data-state="deposit_paid"/);
    // One transaction, one timestamp: the two come in either order.
    expect(kinds(recorded.html).slice(-2).sort()).toEqual(['deposit.recorded_offline', 'request.moved']);
    expect(recorded.html).not.toContain('name="offlineAmount"');
    const again = await act(seeded.check.reference, { intent: 'offline', offlineAmount: '450', offlineMethod: 'cash' }, team.sales);
    expect(again.status).toBe(409);
  });
});
