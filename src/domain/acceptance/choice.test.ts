import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { depositBases, depositCents } from './deposit';
import { choiceKey, defaultChoice, priceChoice, type Offer } from './choice';

const cents = fc.nat({ max: 5_000_000 });
/** A one-time range with the tax in it: tax at most the amount at each end. */
const priced = fc.tuple(cents, cents, fc.nat({ max: 100 })).map(([a, b, taxPercent]) => {
  const oneTime = { low: Math.min(a, b), high: Math.max(a, b) };
  return { oneTime, tax: { low: Math.floor((oneTime.low * taxPercent) / 100), high: Math.floor((oneTime.high * taxPercent) / 100) } };
});
const id = fc.string({ minLength: 1, maxLength: 12 });
const hours = fc.integer({ min: 0, max: 400 });

const offerArb: fc.Arbitrary<Offer> = fc.record({
  alternatives: fc.uniqueArray(fc.record({ id, name: fc.string({ minLength: 1 }), price: priced, monthlyCents: cents, personHours: hours }), { selector: (a) => a.id, minLength: 1, maxLength: 4 }),
  addOns: fc.uniqueArray(fc.record({ id, name: fc.string({ minLength: 1 }), detail: fc.constant(null), price: priced, personHours: hours }), { selector: (a) => a.id, maxLength: 6 }),
}).map(({ alternatives, addOns }) => ({
  alternatives: alternatives.map(({ price, ...rest }) => ({ ...rest, ...price })),
  addOns: addOns.map(({ price, ...rest }) => ({ ...rest, ...price })),
}));

/** An offer with one of its alternatives and a subset of its add-ons (some named twice, in any order). */
const offerAndChoice = offerArb.chain((offer) =>
  fc.record({
    offer: fc.constant(offer),
    alternative: fc.constantFrom(...offer.alternatives),
    addOns: fc.subarray(offer.addOns),
    repeated: fc.boolean(),
  }),
);

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('a choice among a revision’s options', () => {
  it('totals the alternative plus exactly the add-ons picked, each counted once, in the offer’s order', () => {
    fc.assert(
      fc.property(offerAndChoice, ({ offer, alternative, addOns, repeated }) => {
        const ids = addOns.map((a) => a.id).reverse();
        const result = priceChoice(offer, { alternative: alternative.id, addOns: repeated ? [...ids, ...ids] : ids });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { choice } = result;
        expect(choice.alternative).toEqual(alternative);
        expect(choice.addOns.map((a) => a.id)).toEqual(offer.addOns.filter((a) => addOns.includes(a)).map((a) => a.id));
        expect(choice.oneTime).toEqual({ low: alternative.oneTime.low + sum(addOns.map((a) => a.oneTime.low)), high: alternative.oneTime.high + sum(addOns.map((a) => a.oneTime.high)) });
        expect(choice.tax).toEqual({ low: alternative.tax.low + sum(addOns.map((a) => a.tax.low)), high: alternative.tax.high + sum(addOns.map((a) => a.tax.high)) });
        expect(choice.personHours).toBe(alternative.personHours + sum(addOns.map((a) => a.personHours)));
        expect(choice.monthlyCents).toBe(alternative.monthlyCents);
        expect(choice.oneTime.low).toBeLessThanOrEqual(choice.oneTime.high);
      }),
    );
  });

  it('asks a deposit of the whole choice: the alternative’s alone without add-ons, never less with them', () => {
    fc.assert(
      fc.property(offerAndChoice, fc.constantFrom(...depositBases), fc.integer({ min: 0, max: 100 }), ({ offer, alternative, addOns }, depositBasis, depositPercent) => {
        const terms = { depositBasis, depositPercent };
        const bare = priceChoice(offer, { alternative: alternative.id, addOns: [] });
        const withAddOns = priceChoice(offer, { alternative: alternative.id, addOns: addOns.map((a) => a.id) });
        if (!bare.ok || !withAddOns.ok) throw new Error('an offered choice was refused');
        expect(depositCents(bare.choice.oneTime, terms)).toBe(depositCents(alternative.oneTime, terms));
        expect(depositCents(withAddOns.choice.oneTime, terms)).toBeGreaterThanOrEqual(depositCents(alternative.oneTime, terms));
        if (addOns.length === 0) expect(withAddOns.choice).toEqual(bare.choice);
      }),
    );
  });

  it('refuses an alternative or an add-on the offer does not hold, naming the field', () => {
    fc.assert(
      fc.property(offerAndChoice, id, ({ offer, alternative, addOns }, stranger) => {
        fc.pre(!offer.alternatives.some((a) => a.id === stranger) && !offer.addOns.some((a) => a.id === stranger));
        const valid = addOns.map((a) => a.id);
        expect(priceChoice(offer, { alternative: stranger, addOns: valid })).toEqual({ ok: false, issues: [{ path: ['option'], message: 'Pick one of the options listed' }] });
        const tampered = priceChoice(offer, { alternative: alternative.id, addOns: [...valid, stranger] });
        expect(tampered.ok).toBe(false);
        expect(!tampered.ok && tampered.issues.map((issue) => issue.path)).toEqual([['addOns']]);
        // An alternative's id is not an add-on's, nor the other way round.
        if (offer.addOns[0] && !offer.alternatives.some((a) => a.id === offer.addOns[0]!.id)) expect(priceChoice(offer, { alternative: offer.addOns[0].id, addOns: [] }).ok).toBe(false);
      }),
    );
  });

  it('starts from the first alternative without add-ons, and keys a choice the same whatever the order of its add-ons', () => {
    fc.assert(
      fc.property(offerAndChoice, ({ offer, alternative, addOns }) => {
        expect(defaultChoice(offer)).toEqual({ alternative: offer.alternatives[0]!.id, addOns: [] });
        const ids = addOns.map((a) => a.id);
        expect(choiceKey({ alternative: alternative.id, addOns: [...ids].reverse() })).toBe(choiceKey({ alternative: alternative.id, addOns: [...ids, ...ids] }));
        const other = offer.alternatives.find((a) => a !== alternative);
        if (other) expect(choiceKey({ alternative: other.id, addOns: ids })).not.toBe(choiceKey({ alternative: alternative.id, addOns: ids }));
        if (ids.length > 0) expect(choiceKey({ alternative: alternative.id, addOns: ids.slice(1) })).not.toBe(choiceKey({ alternative: alternative.id, addOns: ids }));
      }),
    );
  });
});
