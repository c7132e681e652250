import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRanges, formatMoney, formatRange } from '~/domain/money';
import { depositCents } from '~/domain/acceptance/deposit';
import { choiceKey } from '~/domain/acceptance/choice';
import { openDatabase } from '~/server/db/client';
import { offerOf } from '~/server/quotes/options';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { loadData, packagesQuoteInput } from '../helpers/configuration';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from '../helpers/server';

/**
 * Picking among a quote's packages and add-ons without JavaScript: "Update total" renders the page
 * again with the server's total of the pick (and keeps what was typed), the page says the other
 * options lapse, a tampered id gets an error beside its field, and the signature stores the pick.
 */

const data = loadData();
let server: TestServer;
let removeData: () => void;
let quote: SavedQuote;
let tampered: SavedQuote;

beforeAll(async () => {
  const { dir, remove } = await freshDataDir();
  removeData = remove;
  const handle = await openDatabase({ dataDir: dir });
  quote = await createQuote(handle.db, { ...packagesQuoteInput('recommended'), firstName: 'Ada', status: 'requested' }, data);
  tampered = await createQuote(handle.db, { ...packagesQuoteInput('recommended'), firstName: 'Bo', status: 'requested' }, data);
  await handle.close();
  server = await startServer({ dataDir: dir });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  removeData?.();
}, STOP_TIMEOUT_MS);

function post(target: SavedQuote, action: string, fields: readonly (readonly [string, string])[]) {
  return fetch(`${server.url}/quote/${target.publicId}?_action=${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    body: new URLSearchParams([['quote', target.publicId], ['revision', String(target.revision.number)], ...fields.map(([name, value]) => [name, value])]),
    redirect: 'manual',
  });
}
const money = (range: { low: number; high: number }) => (range.low === range.high ? formatMoney(range.low, data.settings.currency, data.settings.locale) : formatRange(range, data.settings.currency, data.settings.locale));
/** To the cent, as a total stands beside its parts. */
const exact = (range: { low: number; high: number }) => formatRange(range, data.settings.currency, data.settings.locale, false);
/** The figure in the form's total line. */
const totalIn = (html: string) => /data-choice-total[^>]*>([^<]+)</.exec(html)?.[1];

describe('picking an option and add-ons without JavaScript', { timeout: 60_000 }, () => {
  it('offers each package and add-on, the Recommended one picked, and says the others lapse', async () => {
    const html = await (await fetch(`${server.url}/quote/${quote.publicId}`)).text();
    const offer = offerOf(quote.revision.snapshot);
    for (const alternative of offer.alternatives) expect(html).toContain(`value="${alternative.id}"`);
    expect(html).toMatch(/value="recommended"\s+checked/);
    for (const [i, addOn] of offer.addOns.entries()) expect(html).toContain(`name="addOns.${i}" value="${addOn.id}"`);
    expect(html).toContain('Accepting one option means the others lapse');
    expect(totalIn(html)).toBe(money(offer.alternatives[0]!.oneTime));
    expect(html).toContain('Update total');
  });

  it('updates the total from the stored revision, with the deposit, and keeps the name typed', async () => {
    const offer = offerOf(quote.revision.snapshot);
    const complete = offer.alternatives.find((a) => a.id === 'complete')!;
    const response = await post(quote, 'updateQuoteTotal', [['option', 'complete'], ['addOns.1', offer.addOns[1]!.id], ['fullName', 'Ada Lovelace']]);
    expect(response.status).toBe(200);
    const html = await response.text();
    const total = addRanges(complete.oneTime, offer.addOns[1]!.oneTime);
    expect(totalIn(html)).toBe(exact(total));
    expect(html).toMatch(/value="complete"\s+checked/);
    expect(html).toContain(formatMoney(depositCents(total, quote.revision.snapshot.settings), data.settings.currency, data.settings.locale));
    expect(html).toContain('value="Ada Lovelace"');
    expect(html).toContain(`value="${choiceKey({ alternative: 'complete', addOns: [offer.addOns[1]!.id] }).replaceAll('"', '&quot;')}"`);
    expect(html).not.toContain('You accepted this quote');
  });

  it('answers a tampered package or add-on with an error beside its field, and stores nothing', async () => {
    for (const [field, fields] of [
      ['option', [['option', 'platinum']]],
      ['addOns', [['option', 'essential'], ['addOns.0', 'free-television']]],
    ] as const) {
      const response = await post(tampered, 'acceptQuote', [...fields, ['fullName', 'Bo Peep'], ['consent', 'yes']]);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toContain(field === 'option' ? 'Pick one of the options listed' : 'Pick add-ons from the list');
      expect(html).toContain(`href="#f-${field}"`);
      expect(html).not.toContain('You accepted this quote');
    }
    const page = await (await fetch(`${server.url}/quote/${tampered.publicId}`)).text();
    expect(page).toContain('Accept and sign');
  });

  it('refuses a signature for a pick whose total was not shown, then signs the one shown and shows what was accepted', async () => {
    const offer = offerOf(quote.revision.snapshot);
    const shownForRecommended = choiceKey({ alternative: 'recommended', addOns: [] });
    const changed = await post(quote, 'acceptQuote', [['option', 'essential'], ['shown', shownForRecommended], ['fullName', 'Ada Lovelace'], ['consent', 'yes']]);
    expect(changed.status).toBe(400);
    const again = await changed.text();
    expect(again).toContain('You changed your pick after the total was worked out');
    expect(totalIn(again)).toBe(money(offer.alternatives.find((a) => a.id === 'essential')!.oneTime));

    const addOn = offer.addOns[0]!;
    const signed = await post(quote, 'acceptQuote', [['option', 'essential'], ['addOns.0', addOn.id], ['shown', choiceKey({ alternative: 'essential', addOns: [addOn.id] })], ['fullName', 'Ada Lovelace'], ['consent', 'yes']]);
    expect(signed.status).toBe(303);
    const html = await (await fetch(`${server.url}/quote/${quote.publicId}`)).text();
    expect(html).toContain('You accepted this quote');
    expect(html).toContain(`with ${addOn.name}`);
    expect(html).toContain('The other options lapsed when you signed.');
    expect(/data-headline[^>]*>([^<]+)</.exec(html)?.[1]).toBe(exact(addRanges(offer.alternatives.find((a) => a.id === 'essential')!.oneTime, addOn.oneTime)));
  });
});
