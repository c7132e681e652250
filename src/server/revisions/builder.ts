import { createHash } from 'node:crypto';
import * as z from 'zod';
import { addDays } from '~/domain/estimate/dates';
import { validate } from '~/domain/issues';
import { describeDiff } from '~/domain/quote-revisions/describe';
import { diffRevisions } from '~/domain/quote-revisions/diff';
import { revisionContent } from '~/domain/quote-revisions/revision';
import { noStaffChanges } from '~/domain/quote-revisions/staff-changes';
import { trimmedText } from '~/domain/schema';
import { installerToday } from '~/domain/settings/today';
import type { SiteData } from '~/domain/site-data';
import { can, type StaffRole } from '~/domain/staff/roles';
import { canonicalJson } from '../acceptance/accept';
import type { Database } from '../db/client';
import { quoteRevisionMail } from '../mail/quote-revision';
import type { MailContext } from '../mail/templates';
import { withRequest, type Outcome } from '../pipeline/pipeline';
import { recordPipelineEvent } from '../pipeline/record';
import type { RequestRow } from '../pipeline/store';
import { quoteUrl } from '../quotes/public-id';
import type { SavedQuote } from '../quotes/quote';
import { freezeEstimate, jsonCopy } from '../quotes/snapshot';
import { getQuoteById, previousShownRevision } from '../quotes/store';
import type { StaffUser } from '../staff/sessions';
import type { NewTimelineEvent } from '../timeline/store';
import { readDraftForm } from './form';
import { priceDraft, type Draft, type PricedDraft } from './price';
import { draftOf, setApproval, storeSentRevision, writeDraft, type DraftRow } from './store';

/**
 * The staff quote builder's decisions: a draft of the next revision is saved from the builder's form
 * (priced again by the server, its discounts held to the editor's role and the margin floor), a
 * manager approves or refuses discounts past the limit, and sending freezes the draft into the
 * quote's next revision and mails the customer the link. Each step locks the request row
 * (pipeline's `withRequest`), so a sales user gets 403 on someone else's request and two people
 * cannot send one draft twice. Each step also names the draft its page showed (`draftStamp`): when
 * someone else has saved it since, the step is refused, so nobody sends, approves or overwrites a
 * draft they have not seen.
 */

export interface BuilderContext {
  data: SiteData;
  now: Date;
}

export interface SendContext extends BuilderContext {
  siteUrl: string;
  mail: MailContext;
}

/** The current revision's choices, as a draft to start from. */
function draftOfRevision(quote: SavedQuote): Draft {
  const staff = quote.revision.snapshot.staff;
  return { configuration: quote.revision.configuration, changes: staff ? { customLines: staff.customLines, discounts: staff.discounts } : noStaffChanges };
}

export interface Builder {
  request: RequestRow;
  quote: SavedQuote;
  /** The stored draft; null while nobody has saved one since the last revision. */
  row: DraftRow | null;
  draft: Draft;
  /** Whose limit the discounts are held to. */
  editorRole: StaffRole;
  priced: PricedDraft;
}

/** The builder for a request: its stored draft (or the current revision's choices) priced today. */
export async function builderOf(db: Database, request: RequestRow, viewer: StaffUser, ctx: BuilderContext): Promise<Builder | null> {
  const quote = request.quoteId ? await getQuoteById(db, request.quoteId) : null;
  if (!quote) return null;
  const row = await draftOf(db, quote.id);
  const draft = row ? { configuration: row.configuration, changes: row.changes } : draftOfRevision(quote);
  const editorRole = row?.editorRole ?? viewer.role;
  return { request, quote, row, draft, editorRole, priced: priceDraft(draft, editorRole, ctx.data, installerToday(ctx.data.settings, ctx.now)) };
}

/**
 * The draft as a page shows it, in a few characters: the version it revises, its choices and whose
 * limit holds them. A page sends it back with each step; an approval or refusal leaves it as it is.
 */
export function draftStamp(builder: Builder): string {
  const shown = { revision: builder.quote.revision.number, draft: builder.draft, editorRole: builder.editorRole };
  return createHash('sha256').update(canonicalJson(shown)).digest('base64url').slice(0, 22);
}

type Step = (tx: Database, builder: Builder) => Promise<Outcome>;

/**
 * Runs `step` on the request's builder, the request locked; refuses a quote the customer already
 * accepted, and a draft that changed since the page that asked (`seen`, its `draftStamp`) showed it.
 */
function onBuilder(db: Database, user: StaffUser, reference: string, seen: string, ctx: BuilderContext, changed: string, step: Step): Promise<Outcome> {
  return withRequest(db, user, reference, async (tx, request) => {
    const builder = await builderOf(tx, request, user, ctx);
    if (!builder) return { ok: false, status: 404, message: 'This request has no quote to revise.' };
    if (builder.quote.status === 'accepted') return { ok: false, status: 409, message: 'The customer has accepted this quote; it can no longer be revised.' };
    if (seen !== draftStamp(builder)) return { ok: false, status: 409, message: `The draft changed after you opened this page. ${changed}` };
    return step(tx, builder);
  });
}

const subject = (builder: Builder) => ({ quoteId: builder.quote.id, requestId: builder.request.id });

/** What an approver needs in the timeline: each line past the limit or under the floor. */
function overLimitDetail(priced: Extract<PricedDraft, { ok: true }>): Record<string, unknown> {
  if (priced.evaluation.status !== 'needs_approval') return {};
  const { over } = priced.evaluation;
  return { role: over.role, maxPercent: over.maxPercent, lines: over.lines.map((line) => ({ description: line.description, percent: line.percent, belowFloor: line.belowFloor })) };
}

/** Saves the builder's form as the draft; discounts past the editor's limit ask a manager for approval. */
export function saveDraft(db: Database, user: StaffUser, reference: string, fields: Record<string, string>, seen: string, ctx: BuilderContext): Promise<Outcome> {
  if (!can(user.role, 'buildQuotes')) return Promise.resolve({ ok: false, status: 403, message: 'Your role does not build quotes.' });
  const changed = 'Check the draft as it is now, then save again to replace it with your changes.';
  return onBuilder(db, user, reference, seen, ctx, changed, async (tx, builder) => {
    const form = readDraftForm(fields, builder.draft, ctx.data.catalog);
    const priced = priceDraft(form.input, user.role, ctx.data, installerToday(ctx.data.settings, ctx.now));
    // Every problem at once; a field the form already named once is not named again.
    const named = new Set(form.issues.map((issue) => issue.path[0]));
    const issues = [...form.issues, ...(priced.ok ? [] : priced.issues.filter((issue) => !named.has(issue.path[0])))];
    if (issues.length > 0 || !priced.ok) return { ok: false, status: 422, message: 'The draft was not saved.', issues };
    const needsApproval = priced.evaluation.status === 'needs_approval';
    const unchanged = builder.row !== null && canonicalJson(priced.draft) === canonicalJson(builder.draft) && builder.row.editorRole === user.role;
    if (unchanged) return { ok: true, notice: 'Nothing changed.' };
    const events: NewTimelineEvent[] = needsApproval ? [{ kind: 'quote.approval_requested', actor: 'staff', staffId: user.id, ...subject(builder), detail: overLimitDetail(priced), at: ctx.now }] : [];
    await writeDraft(
      tx,
      {
        quoteId: builder.quote.id,
        baseRevision: builder.row?.baseRevision ?? builder.quote.revision.number,
        configuration: priced.draft.configuration,
        changes: priced.draft.changes,
        editorRole: user.role,
        approval: needsApproval ? 'requested' : 'not_needed',
        decidedBy: null,
        updatedBy: user.id,
        updatedAt: ctx.now,
      },
      events,
    );
    return { ok: true, notice: needsApproval ? `Draft saved. Its discounts are past your limit, so ${deciderFor(user.role)} must approve them before it can be sent.` : 'Draft saved. It is ready to send.' };
  });
}

export const decisionSchema = z.object({
  decision: z.enum(['approve', 'refuse'], 'choose approve or refuse'),
  /** Required to refuse, so the salesperson knows what to change; optional to approve. */
  reason: z.string().trim().max(400, 'at most 400 characters').optional(),
});
const refusalReason = trimmedText(3, 400, 'say why in at least 3 characters', 'at most 400 characters');

/** Who decides on discounts a person of this role saved past their limit: never the one who saved them (see `isOwnDraft`). */
export const deciderFor = (savedBy: StaffRole): string => (can(savedBy, 'approveDiscount') ? 'another manager or an admin' : 'a manager');

/** Nobody approves or refuses discounts they saved themselves: a manager's own limit would otherwise bind nobody. */
export const isOwnDraft = (user: StaffUser, builder: Builder): boolean => builder.row?.updatedBy === user.id;

export const OWN_DRAFT_DECISION = `You saved this draft, so ${deciderFor('manager')} must approve or refuse its discounts.`;

/** A manager approves or refuses the draft's discounts, with a reason on the timeline. */
export function decideApproval(db: Database, user: StaffUser, reference: string, input: Record<string, string>, seen: string, ctx: BuilderContext): Promise<Outcome> {
  if (!can(user.role, 'approveDiscount')) return Promise.resolve({ ok: false, status: 403, message: 'Only a manager can approve or refuse discounts.' });
  const checked = validate(decisionSchema, input);
  if (!checked.ok) return Promise.resolve({ ok: false, status: 422, message: 'Nothing was decided.', issues: checked.issues });
  const { decision } = checked.value;
  const reason = decision === 'refuse' ? validate(refusalReason, checked.value.reason ?? '') : null;
  if (reason && !reason.ok) return Promise.resolve({ ok: false, status: 422, message: 'The discounts were not refused.', issues: reason.issues.map((issue) => ({ ...issue, path: ['reason'] })) });
  return onBuilder(db, user, reference, seen, ctx, 'Check its discounts as they are now, then decide again.', async (tx, builder) => {
    if (builder.row?.approval !== 'requested') return { ok: false, status: 409, message: 'This draft is not waiting for approval.' };
    if (isOwnDraft(user, builder)) return { ok: false, status: 403, message: OWN_DRAFT_DECISION };
    const text = reason?.ok ? reason.value : checked.value.reason || undefined;
    await setApproval(
      tx,
      builder.quote.id,
      { approval: decision === 'approve' ? 'approved' : 'refused', decidedBy: user.id },
      { kind: decision === 'approve' ? 'quote.approved' : 'quote.approval_refused', actor: 'staff', staffId: user.id, ...subject(builder), detail: text ? { reason: text } : {}, at: ctx.now },
    );
    return { ok: true, notice: decision === 'approve' ? 'Discounts approved: the draft can be sent.' : 'Discounts refused: the draft must be changed before it is sent.' };
  });
}

/** Why a draft cannot go out yet; null when it can. */
function notSendable(builder: Builder): string | null {
  const { row, priced } = builder;
  if (!row) return 'Save a draft first: there is nothing new to send.';
  if (row.baseRevision !== builder.quote.revision.number) return `The quote moved on to version ${builder.quote.revision.number} since this draft was started; start it again.`;
  if (!priced.ok) return 'The draft no longer matches the catalog; open it and save it again.';
  if (priced.evaluation.status === 'needs_approval' && row.approval !== 'approved') {
    return row.approval === 'refused' ? 'A manager refused these discounts; change them and save the draft again.' : 'A manager must approve the discounts before this draft can be sent.';
  }
  return null;
}

/** Whether the builder's draft can be sent now, and why not: for the page's buttons. */
export const sendBlocker = notSendable;

/** Freezes the draft into the next revision (prices and validity from today), mails the customer the link and records it all. */
export function sendRevision(db: Database, user: StaffUser, reference: string, seen: string, ctx: SendContext): Promise<Outcome> {
  if (!can(user.role, 'buildQuotes')) return Promise.resolve({ ok: false, status: 403, message: 'Your role does not send quotes.' });
  return onBuilder(db, user, reference, seen, ctx, 'Nothing was sent: check the draft as it is now, then send it again.', async (tx, builder) => {
    const blocker = notSendable(builder);
    if (blocker || !builder.priced.ok) return { ok: false, status: 409, message: blocker ?? 'The draft cannot be sent.' };
    const { quote, request, row, priced } = builder;
    const today = installerToday(ctx.data.settings, ctx.now);
    const frozen = freezeEstimate(priced.draft.configuration, ctx.data, today, quote.revision.snapshot.customer ?? null);
    const snapshot = { ...frozen, estimate: jsonCopy(priced.estimate), staff: { ...priced.draft.changes, sentBy: user.id, approvedBy: row?.approval === 'approved' ? row.decidedBy : null } };
    const revision = { number: quote.revision.number + 1, configuration: priced.draft.configuration, snapshot, pricedAt: ctx.now, validUntil: addDays(today, ctx.data.settings.quoteValidityDays) };
    const url = quoteUrl(ctx.siteUrl, quote.publicId);
    const { currency, locale } = snapshot.estimate;
    const shown = await previousShownRevision(tx, quote.id, revision.number);
    const changes = shown ? describeDiff(diffRevisions(revisionContent(shown.snapshot), revisionContent(snapshot)), { currency, locale, siteNames: snapshot.estimate.sites.length > 1 }) : [];
    const mail = quoteRevisionMail({ contact: { name: request.contactName, email: request.contactEmail }, reference: request.reference, revision: revision.number, url, validUntil: revision.validUntil, snapshot, changes, since: shown?.number ?? null }, ctx.mail);
    const at = ctx.now;
    const by = { actor: 'staff' as const, staffId: user.id, ...subject(builder), at };
    await storeSentRevision(tx, {
      quoteId: quote.id,
      requestId: request.id,
      revision,
      staffId: user.id,
      mail,
      events: [
        { kind: 'quote.revised', ...by, detail: { revision: revision.number, oneTimeLow: snapshot.estimate.oneTime.low, oneTimeHigh: snapshot.estimate.oneTime.high } },
        { kind: 'quote.sent', ...by, detail: { revision: revision.number, validUntil: revision.validUntil } },
        { kind: 'mail.sent', ...by, detail: { text: `Quote link (version ${revision.number}) queued to ${request.contactEmail}` } },
      ],
    });
    // A first quote or the answer to requested changes moves the lead; a revision sent while the customer is still deciding leaves it where it is.
    await recordPipelineEvent(tx, { requestId: request.id }, { type: request.status === 'changes_requested' ? 'send_revision' : 'send_quote' }, { actor: 'staff', staffId: user.id });
    return { ok: true, notice: `Version ${revision.number} sent to ${request.contactEmail}.` };
  });
}
