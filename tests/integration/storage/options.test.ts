import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { depositCents } from '~/domain/acceptance/deposit';
import { jobLength } from '~/domain/scheduling/capacity';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import { addRanges, formatRange } from '~/domain/money';
import { installerToday } from '~/domain/settings/today';
import { acceptQuote, snapshotHash, type AnswerContext } from '~/server/acceptance/accept';
import { deposits, outbox, quoteAcceptances, requests } from '~/server/db/schema';
import { depositFor, startDepositCheckout } from '~/server/payments/checkout';
import { stripeFor } from '~/server/payments/stripe';
import { addOnOfLines, offerOf, SINGLE_OPTION } from '~/server/quotes/options';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { freezeEstimate } from '~/server/quotes/snapshot';
import { getQuoteById } from '~/server/quotes/store';
import { openSlotsFor } from '~/server/scheduling/booking';
import { timelineOf } from '~/server/timeline/store';
import { backends, type TestDatabase } from '../../helpers/db';
import { startFakeStripe, type FakeStripe } from '../../helpers/stripe-server';
import { insertRequestFor } from '~tests/helpers/requests';

/**
 * A revision with alternatives and add-ons: the customer's choice is priced from the stored
 * revision and stored with the signature, and the deposit and the booking's crew-days follow it;
 * an id the revision does not offer is refused and nothing is stored. A revision with one option
 * keeps its snapshot as before (the other acceptance, payment and booking tests hold it to that).
 */

const essential = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }, { productId: 'nvr', quantity: 1 }])]);
const recommended = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 4 }, { productId: 'nvr', quantity: 1 }])]);
const complete = fixtureConfig([fixtureSite([{ productId: 'cam-best', quantity: 6 }, { productId: 'nvr', quantity: 1 }])]);
const signature = { revision: 1, fullName: 'Ada Lovelace', consent: true as const };

describe.each(backends)('quote options on $name', (backend) => {
  let handle: TestDatabase;
  let fake: FakeStripe;
  beforeAll(async () => {
    [handle, fake] = await Promise.all([backend.open(), startFakeStripe()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([handle?.dispose(), fake?.close()]);
  });

  const ctx = (): AnswerContext => ({
    settings: fixtureData.settings,
    mail: { settings: fixtureData.settings, installerEmail: 'office@installer.example' },
    url: 'https://quotes.example.com/quote/x',
    clientAddress: '203.0.113.7',
    userAgent: 'Test browser',
  });

  /** Three packages, Recommended the customer's, and two add-ons priced from catalog lines on it. */
  async function packagesQuote(): Promise<SavedQuote> {
    const today = installerToday(fixtureData.settings);
    const addOns = [
      addOnOfLines({ id: 'smoke', name: 'Smoke alarms', detail: 'One on each floor' }, recommended, 'site-1', [{ productId: 'smoke', quantity: 3, reused: 0 }], fixtureData, today),
      addOnOfLines({ id: 'more-cameras', name: 'Ten more cameras', detail: null }, recommended, 'site-1', [{ productId: 'cam', quantity: 10, reused: 0 }], fixtureData, today),
    ];
    const quote = await createQuote(
      handle.db,
      {
        configuration: recommended,
        status: 'requested',
        firstName: 'Ada',
        options: {
          primary: { id: 'recommended', name: 'Recommended' },
          alternatives: [
            { id: 'essential', name: 'Essential', configuration: essential },
            { id: 'complete', name: 'Complete', configuration: complete },
          ],
          addOns,
        },
      },
      fixtureData,
    );
    await insertRequestFor(handle.db, quote);
    return quote;
  }

  it('prices each alternative on the server and reads the same offer back from the database', async () => {
    const quote = await packagesQuote();
    const stored = await getQuoteById(handle.db, quote.id);
    const offer = offerOf(stored!.revision.snapshot);
    expect(offer.alternatives.map((a) => [a.id, a.name])).toEqual([
      ['recommended', 'Recommended'],
      ['essential', 'Essential'],
      ['complete', 'Complete'],
    ]);
    const today = stored!.revision.snapshot.pricedOn;
    for (const [alternative, configuration] of [
      [offer.alternatives[1]!, essential],
      [offer.alternatives[2]!, complete],
    ] as const) {
      expect(alternative.oneTime).toEqual(freezeEstimate(configuration, fixtureData, today).estimate.oneTime);
    }
    expect(offer.addOns.every((addOn) => addOn.oneTime.low > 0 && addOn.personHours > 0)).toBe(true);
    expect(snapshotHash(stored!)).toBe(snapshotHash(quote));
  });

  it('stores the chosen package and add-ons, and asks the deposit, mails the total and sizes the booking from them', async () => {
    const quote = await packagesQuote();
    const offer = offerOf(quote.revision.snapshot);
    const [, , completeOffered] = offer.alternatives;
    const bigAddOn = offer.addOns.find((a) => a.id === 'more-cameras')!;
    const outcome = await acceptQuote(handle.db, quote, { ...signature, option: 'complete', addOns: ['more-cameras'] }, ctx());
    expect(outcome).toMatchObject({ ok: true, recorded: true });
    const [row] = await handle.db.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, quote.id));
    expect(row).toMatchObject({ option: 'complete', addOns: ['more-cameras'] });

    const total = addRanges(completeOffered!.oneTime, bigAddOn.oneTime);
    const expected = depositCents(total, fixtureData.settings);
    expect(expected).toBeGreaterThan(depositCents(quote.revision.snapshot.estimate.oneTime, fixtureData.settings));
    expect(depositFor(quote, row!)).toBe(expected);
    const stripe = stripeFor(fake.secretKey, fake.url);
    await startDepositCheckout(handle.db, stripe, quote, { successUrl: 'https://quotes.example.com/ok', cancelUrl: 'https://quotes.example.com/no', holdMinutes: 30 });
    const [deposit] = await handle.db.select().from(deposits).where(eq(deposits.quoteId, quote.id));
    expect(deposit!.amountCents).toBe(expected);

    const [copy] = await handle.db.select({ text: outbox.text }).from(outbox).innerJoin(requests, eq(requests.id, outbox.requestId)).where(and(eq(requests.quoteId, quote.id), eq(outbox.kind, 'signed-quote')));
    const { currency, locale } = quote.revision.snapshot.estimate;
    expect(copy!.text).toContain('Accepted: Complete, version 1');
    // Beside its parts each range is to the cent, so they add up as mailed.
    expect(copy!.text).toContain(`Complete: ${formatRange(completeOffered!.oneTime, currency, locale, false)}`);
    expect(copy!.text).toContain(`Add-on, Ten more cameras: ${formatRange(bigAddOn.oneTime, currency, locale, false)}`);
    expect(copy!.text).toContain(`One-time estimate: ${formatRange(total, currency, locale, false)}`);
    const [event] = (await timelineOf(handle.db, { quoteId: quote.id })).filter((e) => e.kind === 'quote.accepted');
    expect(event!.detail).toMatchObject({ option: 'Complete', addOns: ['Ten more cameras'] });

    const personHours = completeOffered!.personHours + bigAddOn.personHours;
    const slots = await openSlotsFor(handle.db, quote, fixtureData.settings);
    expect(slots.length).toBeGreaterThan(0);
    for (const slot of slots) {
      const crew = fixtureData.settings.booking.crews.find((c) => c.id === slot.crewId)!;
      const length = jobLength(personHours, crew, fixtureData.settings.crew.hoursPerDay);
      expect(slot.days).toHaveLength(length.kind === 'days' ? length.days : 1);
    }
    // The add-on's hours count: without them the same crew would need fewer days somewhere.
    const crews = fixtureData.settings.booking.crews;
    expect(crews.some((crew) => JSON.stringify(jobLength(personHours, crew, 8)) !== JSON.stringify(jobLength(completeOffered!.personHours, crew, 8)))).toBe(true);
  });

  it('refuses an alternative or an add-on the revision does not offer, and stores nothing', async () => {
    const quote = await packagesQuote();
    expect(await acceptQuote(handle.db, quote, { ...signature, option: 'platinum', addOns: [] }, ctx())).toMatchObject({ ok: false, refusal: { reason: 'unknown-option', issues: [{ path: ['option'] }] } });
    expect(await acceptQuote(handle.db, quote, { ...signature, option: 'essential', addOns: ['smoke', 'free-tv'] }, ctx())).toMatchObject({ ok: false, refusal: { reason: 'unknown-option', issues: [{ path: ['addOns'] }] } });
    expect(await handle.db.select().from(quoteAcceptances).where(eq(quoteAcceptances.quoteId, quote.id))).toHaveLength(0);
  });

  it('keeps a single-option snapshot as it was: no new fields, "This quote", the deposit of its own estimate', async () => {
    const quote = await createQuote(handle.db, { configuration: recommended, status: 'requested' }, fixtureData);
    const { snapshot } = quote.revision;
    expect(Object.keys(snapshot)).not.toContain('primary');
    expect(Object.keys(snapshot)).not.toContain('alternatives');
    expect(Object.keys(snapshot)).not.toContain('addOns');
    expect(offerOf(snapshot)).toMatchObject({ alternatives: [{ ...SINGLE_OPTION, oneTime: snapshot.estimate.oneTime }], addOns: [] });
    expect(depositFor(quote)).toBe(depositCents(snapshot.estimate.oneTime, fixtureData.settings));
  });
});
