import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { openDatabase } from '~/server/db/client';
import { addRanges, formatMoney, formatRange } from '~/domain/money';
import { depositCents } from '~/domain/acceptance/deposit';
import { offerOf } from '~/server/quotes/options';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { loadData, packagesQuoteInput } from '../helpers/configuration';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer, type TestServer } from '../helpers/server';
import { startFakeStripe, type FakeStripe } from '../helpers/stripe-server';
import { expectAccessible } from './support/axe';
import { desktop, launchChromium, visit } from './support/browser';

/**
 * A homeowner closes the deal on the quote link: keeps the Recommended package of the three offered,
 * adds an add-on and updates the total, signs, pays the deposit on the local
 * Stripe stand-in's checkout page (its Pay button sends the signed webhook), picks an installation
 * window and downloads the invite. Screenshots of each state at 320 px and 1280 px go to
 * test-results/close-the-deal/.
 */

const shots = 'test-results/close-the-deal';
let server: TestServer;
let browser: Browser;
let fake: FakeStripe;
let quote: SavedQuote;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  const { dir } = await freshDataDir();
  const handle = await openDatabase({ dataDir: dir });
  quote = await createQuote(handle.db, { ...packagesQuoteInput('recommended'), firstName: 'Ada', status: 'requested' }, loadData());
  await handle.close();
  fake = await startFakeStripe();
  [server, browser] = await Promise.all([
    startServer({ dataDir: dir, env: { STRIPE_SECRET_KEY: fake.secretKey, STRIPE_WEBHOOK_SECRET: fake.webhookSecret, STRIPE_API_URL: fake.url } }),
    launchChromium(),
  ]);
  fake.webhookUrl = `${server.url}/api/webhooks/stripe`;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  server?.cleanUp();
  await fake?.close();
});

describe('closing the deal on the quote link', () => {
  it('accepts, pays the deposit on the checkout page, books a window and downloads an invite that parses', async ({ expect }) => {
    const { page, errors } = await visit(browser, server.url, desktop);
    const shoot = async (state: string) => {
      for (const width of [320, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        await page.locator('#answer').screenshot({ path: `${shots}/${state}-${width}.png` });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    };
    const { currency, locale } = quote.revision.snapshot.estimate;
    const offer = offerOf(quote.revision.snapshot);
    const [recommended] = offer.alternatives;
    const addOn = offer.addOns[0]!;
    const total = addRanges(recommended!.oneTime, addOn.oneTime);
    await page.goto(`/quote/${quote.publicId}`);
    expect(await page.getByRole('radio', { name: /^Recommended, version 1/ }).isChecked()).toBe(true);
    await page.getByText('Accepting one option means the others lapse').waitFor();
    await shoot('open');

    await page.getByRole('checkbox', { name: new RegExp(addOn.name) }).check();
    await page.getByRole('button', { name: 'Update total' }).click();
    await page.locator('[data-choice-total]', { hasText: formatRange(total, currency, locale, false) }).waitFor();
    expect(await page.getByRole('checkbox', { name: new RegExp(addOn.name) }).isChecked()).toBe(true);
    await page.getByText(formatMoney(depositCents(total, quote.revision.snapshot.settings), currency, locale)).first().waitFor();
    await shoot('total');

    await page.getByRole('button', { name: 'Accept Recommended' }).click();
    await page.getByText('Tick the box to agree to sign electronically').first().waitFor();
    await shoot('error');
    await page.getByLabel('Your full name, as your signature').fill('Ada Lovelace');
    await page.getByLabel(/I agree to sign this quote electronically/).check();
    await page.getByRole('button', { name: 'Accept Recommended' }).click();
    await page.getByRole('heading', { name: 'You accepted this quote' }).waitFor();
    await page.getByText(`with ${addOn.name}`).waitFor();
    await expectAccessible(page, 'the accepted quote');
    await shoot('accepted');

    await page.getByRole('button', { name: 'Pay the deposit' }).click();
    await page.getByRole('heading', { name: 'Test checkout' }).waitFor();
    // Stripe is asked for the deposit of the package with its add-on, the figure the page showed.
    await page.getByRole('button', { name: `Pay ${formatMoney(depositCents(total, quote.revision.snapshot.settings), currency, locale)}` }).click();
    await page.getByText('Deposit received, thank you.').waitFor();
    await shoot('paid');

    const first = page.locator('input[name="slot"]').first();
    await first.focus();
    await page.keyboard.press('Space');
    expect(await first.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Book this date' }).click();
    await page.getByText(/^Booked:/).waitFor();
    await expectAccessible(page, 'the booked quote');
    await shoot('booked');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Add it to your calendar/ }).click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const { default: ICAL } = await import('ical.js');
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8')));
    const event = calendar.getFirstSubcomponent('vevent')!;
    expect(String(event.getFirstPropertyValue('summary'))).toContain('installation');
    expect(calendar.getFirstSubcomponent('vtimezone')).not.toBeNull();
    expect(errors).toEqual([]);
  });
});
