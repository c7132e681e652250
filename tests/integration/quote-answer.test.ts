import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '~/server/db/client';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { homeConfiguration, loadData } from '../helpers/configuration';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from '../helpers/server';

/**
 * Answering a quote on its page without JavaScript: the forms post to the page, an error stands
 * beside its field with everything typed kept, a form that went through is answered with a redirect,
 * and an expired quote offers to ask for updated prices instead of accepting.
 */

const data = loadData();
let server: TestServer;
let removeData: () => void;
const quotes = {} as Record<'open' | 'expired' | 'declining', SavedQuote>;

beforeAll(async () => {
  const { dir, remove } = await freshDataDir();
  removeData = remove;
  const handle = await openDatabase({ dataDir: dir });
  quotes.open = await createQuote(handle.db, { configuration: homeConfiguration(), firstName: 'Ada', status: 'requested' }, data);
  quotes.declining = await createQuote(handle.db, { configuration: homeConfiguration(), firstName: 'Bo', status: 'requested' }, data);
  quotes.expired = await createQuote(handle.db, { configuration: homeConfiguration(), firstName: 'Cy', status: 'requested' }, data, new Date('2025-01-10T12:00:00Z'));
  await handle.close();
  server = await startServer({ dataDir: dir });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  removeData?.();
}, STOP_TIMEOUT_MS);

async function post(quote: SavedQuote, action: string, fields: Record<string, string>) {
  return fetch(`${server.url}/quote/${quote.publicId}?_action=${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
    body: new URLSearchParams({ quote: quote.publicId, revision: String(quote.revision.number), ...fields }),
    redirect: 'manual',
  });
}
const page = async (quote: SavedQuote) => (await fetch(`${server.url}/quote/${quote.publicId}`)).text();

describe('answering a quote without JavaScript', { timeout: 60_000 }, () => {
  it('offers to accept, ask for changes or decline', async () => {
    const html = await page(quotes.open);
    expect(html).toContain('Accept and sign');
    expect(html).toContain('name="fullName"');
    expect(html).toContain('name="consent"');
    expect(html).toContain('This quote, version 1');
    expect(html).toContain('Ask for changes');
    expect(html).toContain('Decline this quote');
  });

  it('keeps what was typed and says what is missing beside the field', async () => {
    const response = await post(quotes.open, 'acceptQuote', { option: 'quote', fullName: 'Ada Lovelace' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Tick the box to agree to sign electronically');
    expect(html).toContain('value="Ada Lovelace"');
    expect(html).not.toContain('You accepted this quote');
  });

  it('records a signature once, answers with a redirect and then shows the acceptance', async () => {
    const fields = { option: 'quote', fullName: 'Ada Lovelace', consent: 'yes' };
    const [first, second] = await Promise.all([post(quotes.open, 'acceptQuote', fields), post(quotes.open, 'acceptQuote', fields)]);
    for (const response of [first, second]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe(`/quote/${quotes.open.publicId}?done=accepted#answer`);
    }
    const html = await page(quotes.open);
    expect(html).toContain('You accepted this quote');
    expect(html).toContain('signed by Ada Lovelace');
    expect(html).not.toContain('name="fullName"');
  });

  it('takes a change request and a decline', async () => {
    const short = await post(quotes.declining, 'requestQuoteChanges', { message: 'no' });
    expect(await short.text()).toContain('Say what you would like changed');
    const changes = await post(quotes.declining, 'requestQuoteChanges', { message: 'One more camera at the gate.' });
    expect(changes.headers.get('location')).toContain('done=changes-requested');
    const declined = await post(quotes.declining, 'declineQuote', { reason: 'Not this year.' });
    expect(declined.status).toBe(303);
    expect(await page(quotes.declining)).toContain('This quote was declined.');
  });

  it('offers updated prices instead of accepting an expired quote, and refuses to accept it', async () => {
    const html = await page(quotes.expired);
    expect(html).toContain('so this quote can no longer be accepted');
    expect(html).toContain('Ask for updated prices');
    expect(html).not.toContain('name="fullName"');
    const refused = await post(quotes.expired, 'acceptQuote', { option: 'quote', fullName: 'Cy Young', consent: 'yes' });
    expect(await refused.text()).toContain('The prices of this quote have expired');
    const asked = await post(quotes.expired, 'requestUpdatedPrices', {});
    expect(asked.headers.get('location')).toContain('done=price-update-requested');
  });
});

describe('booking the installation without online payment', { timeout: 60_000 }, () => {
  it('says the installer collects the deposit, books a window, serves its invite and cancels it', async () => {
    const html = await page(quotes.open);
    expect(html).toContain('We collect the deposit when we confirm the installation');
    const slot = /name="slot" value="([^"]+)"/.exec(html)?.[1];
    expect(slot).toBeDefined();
    expect(html).toContain('Week of');

    const missing = await post(quotes.open, 'bookWindow', {});
    expect(await missing.text()).toContain('Pick a date and time');
    const booked = await post(quotes.open, 'bookWindow', { slot: slot! });
    expect(booked.headers.get('location')).toContain('done=booked');
    const after = await page(quotes.open);
    expect(after).toContain('Booked:');
    expect(after).toContain('installation.ics');

    const invite = await fetch(`${server.url}/quote/${quotes.open.publicId}/installation.ics`);
    expect(invite.headers.get('content-type')).toContain('text/calendar');
    const ics = await invite.text();
    const { default: ICAL } = await import('ical.js');
    const event = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(String(event.getFirstPropertyValue('dtstart'))).toContain(slot!.split('|')[0]!);

    const cancelled = await post(quotes.open, 'cancelBooking', {});
    expect(cancelled.headers.get('location')).toContain('done=booking-canceled');
    expect((await fetch(`${server.url}/quote/${quotes.open.publicId}/installation.ics`)).status).toBe(404);
  });
});
