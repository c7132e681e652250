import { ActionError, defineAction, type ActionAPIContext } from 'astro:actions';
import { z } from 'astro/zod';
import type { core } from 'zod/mini';
import { acceptanceSchema, changeRequestSchema, choiceSchema, declineSchema } from '../domain/acceptance/acceptance';
import { choiceKey } from '../domain/acceptance/choice';
import { validate, type Issue } from '../domain/issues';
import { formToObject, type FormOptions } from '../domain/requests/form';
import { acceptQuote, respondToQuote, type AnswerContext, type Response } from '../server/acceptance/accept';
import { payDeposit } from '../server/acceptance/deposit';
import { depositFor } from '../server/payments/checkout';
import { acceptanceOf } from '../server/acceptance/store';
import { stripeClient } from '../server/payments/stripe';
import { latestDeposit } from '../server/payments/store';
import { bookWindow, cancelBooking, type BookingContext } from '../server/scheduling/booking';
import { loadData } from '../server/content/collections';
import { getDb } from '../server/db/client';
import { clientAddress } from '../server/http/rate-limit';
import { siteUrl } from '../server/http/site-url';
import { kickOutbox, mailSetup } from '../server/mail/worker';
import { priceChoiceOn } from '../server/quotes/options';
import { quoteUrl } from '../server/quotes/public-id';
import type { SavedQuote } from '../server/quotes/quote';
import { getQuoteByPublicId } from '../server/quotes/store';

/**
 * The forms on the quote page (/quote/<id>) post here, so they work without JavaScript: the page
 * renders the result, with each error beside its field and everything typed kept. Each form carries
 * the quote's public id in a hidden `quote` field; the link is the only key to the quote.
 */

// One checkbox per add-on, named by its place in the list ("addOns.2"), so the unticked ones leave no gap.
export const quoteFormOptions: FormOptions = { booleans: ['consent'], ignore: ['quote'], compact: ['addOns'] };

interface QuoteForm<T> {
  quote: SavedQuote;
  fields: T;
}

/** Checks the fields against the quote itself: what only the stored revision can tell. */
type QuoteCheck<T> = (quote: SavedQuote, fields: T) => Issue[];

type ChoiceFields = { revision: number; option: string; addOns: string[]; shown?: string | undefined };

/**
 * The alternative and add-ons picked must be ones the current revision offers (an older revision is
 * refused as superseded instead), and a signature must be for the choice whose total the page showed.
 */
const offeredChoice: QuoteCheck<ChoiceFields> = (quote, fields) => {
  if (fields.revision !== quote.revision.number) return [];
  const choice = { alternative: fields.option, addOns: fields.addOns };
  const priced = priceChoiceOn(quote, choice);
  if (!priced.ok) return priced.issues;
  if (fields.shown !== undefined && fields.shown !== choiceKey(choice)) {
    return [{ path: ['option'], message: 'You changed your pick after the total was worked out: check the total below, then sign again' }];
  }
  return [];
};

function quoteForm<S extends core.$ZodType>(schema: S, check?: QuoteCheck<core.output<S>>) {
  return z.unknown().transform(async (raw, ctx): Promise<QuoteForm<core.output<S>>> => {
    if (!(raw instanceof FormData)) {
      ctx.addIssue({ code: 'custom', message: 'Send the form as form data' });
      return z.NEVER;
    }
    const id = raw.get('quote');
    const quote = typeof id === 'string' ? await getQuoteByPublicId(await getDb(), id) : null;
    if (!quote) {
      ctx.addIssue({ code: 'custom', path: ['quote'], message: 'This quote link is not known: check the link in your email.' });
      return z.NEVER;
    }
    const result = validate(schema, formToObject(raw, quoteFormOptions).value);
    const issues = result.ok ? (check?.(quote, result.value) ?? []) : result.issues;
    if (!result.ok || issues.length > 0) {
      for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      return z.NEVER;
    }
    return { quote, fields: result.value };
  });
}

async function answerContext(context: ActionAPIContext, quote: SavedQuote): Promise<AnswerContext> {
  const [{ settings }, mail] = await Promise.all([loadData(), mailSetup()]);
  return {
    settings,
    mail: { settings, installerEmail: mail.installerEmail },
    url: quoteUrl(siteUrl(context.site, context.url), quote.publicId),
    clientAddress: clientAddress(context.request, context.clientAddress),
    userAgent: context.request.headers.get('user-agent'),
  };
}

const refusals = {
  expired: 'The prices of this quote have expired, so it can no longer be accepted. Ask us for updated prices below.',
  superseded: 'There is a newer version of this quote: read it and accept that one.',
  declined: 'This quote was declined. Call or write to us to take it up again.',
  'unknown-option': 'Pick one of the options listed.',
} as const;

const bookingPickSchema = z.object({
  revision: z.coerce.number().int().positive(),
  /** "<first day>|<window>", one radio button per open window. */
  slot: z.string('Pick a date and time').regex(/^\d{4}-\d{2}-\d{2}\|(morning|afternoon|whole-days)$/, 'Pick a date and time'),
});

const bookingRefusals = {
  taken: 'Someone booked that time a moment ago. Please pick another one.',
  'too-late': 'It is too close to the installation to change it online. Please call us.',
} as const;

async function bookingContext(context: ActionAPIContext, quote: SavedQuote): Promise<BookingContext> {
  const { settings, mail, url } = await answerContext(context, quote);
  return { settings, mail, url };
}

function respond(kind: Response) {
  return async ({ quote, fields }: QuoteForm<{ revision: number; reason?: string | undefined; message?: string | undefined }>, context: ActionAPIContext) => {
    const outcome = await respondToQuote(await getDb(), quote, kind, fields.reason || fields.message || null, await answerContext(context, quote));
    if (!outcome.ok) throw new ActionError({ code: 'CONFLICT', message: 'This quote is accepted already: call or write to us about any change.' });
    void kickOutbox();
    return { kind };
  };
}

export const quoteActions = {
  /** "Update total": the page renders again with the total of what was picked, worked out from the revision; nothing is stored. */
  updateQuoteTotal: defineAction({
    accept: 'form',
    input: quoteForm(choiceSchema, offeredChoice),
    handler: async () => ({ kind: 'total' as const }),
  }),
  acceptQuote: defineAction({
    accept: 'form',
    input: quoteForm(acceptanceSchema, offeredChoice),
    handler: async ({ quote, fields }, context) => {
      const outcome = await acceptQuote(await getDb(), quote, fields, await answerContext(context, quote));
      // Accepted already (a double submit, a second tab) is the same answer: the page shows the acceptance.
      if (!outcome.ok && outcome.refusal.reason !== 'accepted') throw new ActionError({ code: 'CONFLICT', message: refusals[outcome.refusal.reason] });
      if (outcome.ok && outcome.recorded) void kickOutbox();
      return { kind: 'accepted' as const };
    },
  }),
  declineQuote: defineAction({ accept: 'form', input: quoteForm(declineSchema), handler: respond('declined') }),
  requestQuoteChanges: defineAction({ accept: 'form', input: quoteForm(changeRequestSchema), handler: respond('changes-requested') }),
  /** Starts the deposit's Checkout Session; the page sends the customer to Stripe with a 303. */
  payDeposit: defineAction({
    accept: 'form',
    input: quoteForm(z.object({ revision: z.coerce.number().int().positive() })),
    handler: async ({ quote }, context) => {
      const db = await getDb();
      if (!(await acceptanceOf(db, quote.id))) throw new ActionError({ code: 'CONFLICT', message: 'Accept the quote first: the deposit is asked for once it is signed.' });
      const url = quoteUrl(siteUrl(context.site, context.url), quote.publicId);
      const { settings } = await loadData();
      const checkout = await payDeposit(db, stripeClient(), quote, { successUrl: `${url}?deposit=returned`, cancelUrl: `${url}#deposit`, holdMinutes: settings.booking.holdMinutes });
      return checkout.kind === 'checkout' ? { kind: 'checkout' as const, url: checkout.url } : { kind: 'deposit' as const };
    },
  }),
  /** Picks (or moves to) an installation window: held while the deposit is paid online, else confirmed. */
  bookWindow: defineAction({
    accept: 'form',
    input: quoteForm(bookingPickSchema),
    handler: async ({ quote, fields }, context) => {
      const db = await getDb();
      const accepted = await acceptanceOf(db, quote.id);
      if (!accepted) throw new ActionError({ code: 'CONFLICT', message: 'Accept the quote first: the installation is booked once it is signed.' });
      const [start, window] = fields.slot.split('|') as [string, 'morning' | 'afternoon' | 'whole-days'];
      const deposit = await latestDeposit(db, quote.id, quote.revision.number);
      const waitForDeposit = stripeClient() !== null && depositFor(quote, accepted) > 0 && deposit?.status !== 'paid';
      const outcome = await bookWindow(db, quote, { start, window }, waitForDeposit, await bookingContext(context, quote));
      if (!outcome.ok) throw new ActionError({ code: 'CONFLICT', message: bookingRefusals[outcome.reason] });
      void kickOutbox();
      return { kind: outcome.booking.status === 'held' ? ('held' as const) : ('booked' as const) };
    },
  }),
  cancelBooking: defineAction({
    accept: 'form',
    input: quoteForm(z.object({ revision: z.coerce.number().int().positive() })),
    handler: async ({ quote }, context) => {
      const outcome = await cancelBooking(await getDb(), quote, await bookingContext(context, quote));
      if (!outcome.ok) throw new ActionError({ code: 'CONFLICT', message: bookingRefusals[outcome.reason] });
      void kickOutbox();
      return { kind: 'booking-canceled' as const };
    },
  }),
  requestUpdatedPrices: defineAction({ accept: 'form', input: quoteForm(z.object({ revision: z.coerce.number().int().positive() })), handler: respond('price-update-requested') }),
};
