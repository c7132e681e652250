import * as z from 'zod';
import { validate, type Issue } from '~/domain/issues';
import { pipelineEventSchema, pipelineStateLabels, transition, type PipelineEventType, type PipelineState } from '~/domain/pipeline/pipeline';
import { trimmedText } from '~/domain/schema';
import { can } from '~/domain/staff/roles';
import type { Database } from '../db/client';
import type { StaffUser } from '../staff/sessions';
import { recordTimelineEvent, type TimelineKind } from '../timeline/store';
import { assignableStaff, requestByReference, updatePipelineColumns, type RequestRow } from './store';

/**
 * What staff do to a request in the pipeline: assign it, add a note, move it through the states the
 * domain allows. Each change and its timeline event are written in one transaction, with the request
 * row locked, so two people clicking at once cannot both move it from the same state.
 */

export type Outcome = { ok: true; notice: string } | { ok: false; status: 403 | 404 | 409 | 422; message: string; issues?: Issue[] };

/** The events a person sends from a request's page; the others come from quotes, payments and bookings as they happen. */
export const staffEvents = ['contact', 'mark_lost', 'reopen'] as const satisfies readonly PipelineEventType[];
type StaffEvent = (typeof staffEvents)[number];

const eventKinds: Record<StaffEvent, TimelineKind> = { contact: 'request.contacted', mark_lost: 'request.lost', reopen: 'request.reopened' };

/** A sales user works the requests assigned to them and the unassigned ones; managers and admins every one. */
export function mayWork(user: StaffUser, request: Pick<RequestRow, 'assignedTo'>): boolean {
  return can(user.role, 'viewAllRequests') || request.assignedTo === null || request.assignedTo === user.id;
}

export const notWorkable = 'This request is assigned to someone else; ask a manager to reassign it.';

/** Locks the request and runs `change` when the user may work it. */
export async function withRequest(db: Database, user: StaffUser, reference: string, change: (tx: Database, request: RequestRow) => Promise<Outcome>): Promise<Outcome> {
  return db.transaction(async (tx) => {
    const request = await requestByReference(tx, reference, true);
    if (!request) return { ok: false, status: 404, message: `There is no request ${reference}.` };
    if (!mayWork(user, request)) return { ok: false, status: 403, message: notWorkable };
    return change(tx, request);
  });
}

/** The note form's one field. */
export const noteSchema = z.object({
  /** What happened or what to remember, as staff typed it; shown on the timeline. */
  note: trimmedText(1, 2000, 'write the note first'),
});

export function addNote(db: Database, user: StaffUser, reference: string, input: unknown): Promise<Outcome> {
  const checked = validate(noteSchema, input);
  if (!checked.ok) return Promise.resolve({ ok: false, status: 422, message: 'The note was not added.', issues: checked.issues });
  return withRequest(db, user, reference, async (tx, request) => {
    await recordTimelineEvent(tx, { kind: 'request.note', actor: 'staff', staffId: user.id, requestId: request.id, quoteId: request.quoteId, detail: { text: checked.value.note } });
    return { ok: true, notice: 'Note added.' };
  });
}

/** The assign form: "me", or (managers) another account's id. */
export const assignSchema = z.object({
  /** The staff account to take the request; "me" for the signed-in person. */
  assignee: z.string().min(1, 'choose who takes the request'),
});

export function assign(db: Database, user: StaffUser, reference: string, input: unknown): Promise<Outcome> {
  const checked = validate(assignSchema, input);
  if (!checked.ok) return Promise.resolve({ ok: false, status: 422, message: 'The request was not assigned.', issues: checked.issues });
  const wanted = checked.value.assignee === 'me' ? user.id : checked.value.assignee;
  if (wanted !== user.id && !can(user.role, 'viewAllRequests')) return Promise.resolve({ ok: false, status: 403, message: 'Only a manager can assign a request to someone else.' });
  return withRequest(db, user, reference, async (tx, request) => {
    const person = (await assignableStaff(tx)).find((account) => account.id === wanted);
    if (!person) return { ok: false, status: 422, message: 'The request was not assigned.', issues: [{ path: ['assignee'], message: 'Choose someone with an active staff account' }] };
    if (request.assignedTo === person.id) return { ok: true, notice: `Already assigned to ${person.name}.` };
    await updatePipelineColumns(tx, request.id, { assignedTo: person.id });
    await recordTimelineEvent(tx, { kind: 'request.assigned', actor: 'staff', staffId: user.id, requestId: request.id, quoteId: request.quoteId, detail: { assigneeId: person.id, assigneeName: person.name } });
    return { ok: true, notice: `Assigned to ${person.id === user.id ? 'you' : person.name}.` };
  });
}

const staffEventSchema = z.object({ type: z.enum(staffEvents) });

/** Moves the request by one of the staff events, through the domain's `transition`; an illegal move is refused with its reason. */
export function move(db: Database, user: StaffUser, reference: string, input: Record<string, string>): Promise<Outcome> {
  const kind = validate(staffEventSchema, { type: input.event });
  if (!kind.ok) return Promise.resolve({ ok: false, status: 422, message: 'That is not a change this page can make.' });
  const checked = validate(pipelineEventSchema, kind.value.type === 'mark_lost' ? { type: 'mark_lost', reason: input.reason ?? '' } : { type: kind.value.type });
  if (!checked.ok) return Promise.resolve({ ok: false, status: 422, message: 'The lead was not marked as lost.', issues: checked.issues });
  const event = checked.value;
  return withRequest(db, user, reference, async (tx, request) => {
    const result = transition(request.status, event);
    if (!result.ok) return { ok: false, status: 409, message: result.reason };
    const lostReason = event.type === 'mark_lost' ? event.reason : null;
    await updatePipelineColumns(tx, request.id, { status: result.state, lostReason });
    await recordTimelineEvent(tx, {
      kind: eventKinds[kind.value.type],
      actor: 'staff',
      staffId: user.id,
      requestId: request.id,
      quoteId: request.quoteId,
      detail: { from: request.status, to: result.state, ...(lostReason ? { reason: lostReason } : {}) },
    });
    return { ok: true, notice: `Moved to ${stateWords(result.state)}.` };
  });
}

const stateWords = (state: PipelineState) => `"${pipelineStateLabels[state]}"`;
