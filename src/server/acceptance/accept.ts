import { createHash } from 'node:crypto';
import { acceptability, type Acceptability, type Acceptance } from '~/domain/acceptance/acceptance';
import { depositCents, depositRule } from '~/domain/acceptance/deposit';
import type { Issue } from '~/domain/issues';
import type { Settings } from '~/domain/settings/settings';
import { installerToday } from '~/domain/settings/today';
import type { Database } from '../db/client';
import { newRowId } from '../db/row-id';
import type { MailContext } from '../mail/templates';
import { depositTermsOf } from '../payments/checkout';
import { priceChoiceOn } from '../quotes/options';
import type { SavedQuote } from '../quotes/quote';
import { staffInboxFor } from '../pipeline/inbox';
import { signedQuoteCopy, staffResponseNotice, type ResponseKind } from './mail';
import { acceptanceOf, insertAcceptance, recordQuoteEvent, requestOfQuote, type AcceptanceRow } from './store';

/**
 * The customer's answer on the quote link: accept the current revision (sign it), decline it, ask
 * for changes, or ask for updated prices once it expired. Storage is store.ts's; each answer is
 * recorded with its timeline event and mail in one transaction.
 */

/** JSON with every object's keys sorted: jsonb reorders keys, and the hash must not depend on where the snapshot was read from. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Hex SHA-256 of the snapshot's canonical JSON (keys sorted), the signature's tie to the exact record. */
export function snapshotHash(quote: SavedQuote): string {
  return createHash('sha256').update(canonicalJson(quote.revision.snapshot)).digest('hex');
}

/** Whether the revision `number` of the quote can be accepted today. */
export function standingOf(quote: SavedQuote, acceptance: AcceptanceRow | null, number: number, today: string): Acceptability {
  return acceptability(
    { number, validUntil: quote.revision.validUntil, latestSent: quote.revision.number, accepted: acceptance?.revision ?? null, declined: quote.status === 'declined' },
    today,
  );
}

export interface AnswerContext {
  settings: Settings;
  mail: MailContext;
  /** The quote link, absolute, for the mail. */
  url: string;
  clientAddress: string | null;
  userAgent: string | null;
  now?: Date;
}

export type AcceptOutcome =
  /** `recorded` false when this was the same acceptance again (a double submit, a second tab). */
  | { ok: true; acceptance: AcceptanceRow; recorded: boolean }
  | { ok: false; refusal: Exclude<Acceptability, { ok: true }> }
  /** An alternative or add-on the revision does not offer (a tampered form): the issues name the field. */
  | { ok: false; refusal: { reason: 'unknown-option'; issues: Issue[] } };

export async function acceptQuote(db: Database, quote: SavedQuote, input: Acceptance, ctx: AnswerContext): Promise<AcceptOutcome> {
  const now = ctx.now ?? new Date();
  const existing = await acceptanceOf(db, quote.id);
  if (existing) return { ok: true, acceptance: existing, recorded: false };
  const standing = standingOf(quote, null, input.revision, installerToday(ctx.settings, now));
  if (!standing.ok) return { ok: false, refusal: standing };
  const priced = priceChoiceOn(quote, { alternative: input.option, addOns: input.addOns });
  if (!priced.ok) return { ok: false, refusal: { reason: 'unknown-option', issues: priced.issues } };
  const { choice } = priced;

  const request = await requestOfQuote(db, quote.id);
  const acceptance = {
    id: newRowId(),
    quoteId: quote.id,
    revision: quote.revision.number,
    snapshotSha256: snapshotHash(quote),
    option: choice.alternative.id,
    addOns: choice.addOns.map((addOn) => addOn.id),
    fullName: input.fullName,
    clientAddress: ctx.clientAddress,
    userAgent: ctx.userAgent?.slice(0, 500) ?? null,
    acceptedAt: now,
  } satisfies AcceptanceRow;
  const terms = depositTermsOf(quote);
  const copy = { quote, url: ctx.url, choice, fullName: input.fullName, acceptedAt: now, snapshotSha256: acceptance.snapshotSha256, depositCents: depositCents(choice.oneTime, terms), depositRule: depositRule(terms) };
  const who = { name: request?.contactName ?? input.fullName, email: request?.contactEmail ?? null, reference: request?.reference ?? null };
  const staffInbox = await staffInboxFor(db, { quoteId: quote.id }, ctx.mail.installerEmail);
  const messages = [staffResponseNotice('accepted', quote, who, ctx.url, null, staffInbox, ctx.mail), ...(request ? [signedQuoteCopy(request.contactEmail, copy, ctx.mail)] : [])];
  const recorded = await insertAcceptance(db, acceptance, {
    requestId: request?.id ?? null,
    event: { kind: 'quote.accepted', actor: 'customer', detail: { revision: acceptance.revision, option: choice.alternative.name, ...(choice.addOns.length > 0 ? { addOns: choice.addOns.map((addOn) => addOn.name) } : {}), fullName: input.fullName } },
    messages,
    now,
    pipelineEvent: { type: 'accept' },
  });
  if (recorded) return { ok: true, acceptance, recorded };
  const winner = await acceptanceOf(db, quote.id);
  return { ok: true, acceptance: winner!, recorded: false };
}

const timelineKindOf = {
  declined: 'quote.declined',
  'changes-requested': 'quote.changes_requested',
  'price-update-requested': 'quote.price_update_requested',
} as const;

export type Response = Exclude<ResponseKind, 'accepted'>;

/**
 * A decline (with its optional reason), a change request or a request for updated prices: on the
 * timeline and mailed to the assigned salesperson (or the installer's inbox). A change request moves
 * the pipeline; a decline does not (staff mark a lead lost, with the reason, when they give up on it).
 * Refused once the quote is accepted, and a decline once declined.
 */
export async function respondToQuote(db: Database, quote: SavedQuote, kind: Response, message: string | null, ctx: AnswerContext): Promise<{ ok: boolean }> {
  const now = ctx.now ?? new Date();
  if (await acceptanceOf(db, quote.id)) return { ok: false };
  if (kind === 'declined' && quote.status === 'declined') return { ok: true };
  const request = await requestOfQuote(db, quote.id);
  const who = { name: request?.contactName ?? quote.firstName ?? 'The customer', email: request?.contactEmail ?? null, reference: request?.reference ?? null };
  await recordQuoteEvent(
    db,
    {
      quoteId: quote.id,
      requestId: request?.id ?? null,
      event: { kind: timelineKindOf[kind], actor: 'customer', detail: { revision: quote.revision.number, ...(message ? { message } : {}) } },
      messages: [staffResponseNotice(kind, quote, who, ctx.url, message, await staffInboxFor(db, { quoteId: quote.id }, ctx.mail.installerEmail), ctx.mail)],
      now,
      ...(kind === 'changes-requested' ? { pipelineEvent: { type: 'request_changes' } as const } : {}),
    },
    kind === 'declined' ? 'declined' : undefined,
  );
  return { ok: true };
}
