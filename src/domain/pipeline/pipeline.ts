import * as z from 'zod/mini';
import { trimmedText } from '../schema';

/**
 * Where a lead stands, from the first request to the finished installation, and the events that move
 * it. Pure: the server stores the state and records who sent which event; this module only says
 * whether an event may happen in a state and where it leads. One table (`moves`) is the whole
 * machine; `transition`, `allowedEvents` and the tests are read from it.
 */

export const pipelineStates = ['new', 'contacted', 'quote_sent', 'viewed', 'changes_requested', 'accepted', 'deposit_paid', 'scheduled', 'installed', 'lost'] as const;
/** A lead's place in the pipeline. */
export const pipelineStateSchema = z.enum(pipelineStates);
export type PipelineState = (typeof pipelineStates)[number];

/** What staff see for each state, in lists, filters and the lead's page. */
export const pipelineStateLabels: Record<PipelineState, string> = {
  new: 'New',
  contacted: 'Contacted',
  quote_sent: 'Quote sent',
  viewed: 'Viewed',
  changes_requested: 'Changes requested',
  accepted: 'Accepted',
  deposit_paid: 'Deposit paid',
  scheduled: 'Scheduled',
  installed: 'Installed',
  lost: 'Lost',
};

export const pipelineEventTypes = [
  'contact',
  'send_quote',
  'view',
  'request_changes',
  'accept',
  'pay_deposit',
  'record_offline_payment',
  'schedule',
  'reschedule',
  'cancel_booking',
  'mark_installed',
  'mark_lost',
  'reopen',
  'send_revision',
] as const;
export type PipelineEventType = (typeof pipelineEventTypes)[number];

/** What the buttons that send each event say. */
export const pipelineEventLabels: Record<PipelineEventType, string> = {
  contact: 'Mark as contacted',
  send_quote: 'Send quote',
  view: 'Mark as viewed',
  request_changes: 'Request changes',
  accept: 'Accept quote',
  pay_deposit: 'Pay deposit',
  record_offline_payment: 'Record payment made offline',
  schedule: 'Schedule installation',
  reschedule: 'Reschedule installation',
  cancel_booking: 'Cancel booking',
  mark_installed: 'Mark as installed',
  mark_lost: 'Mark as lost',
  reopen: 'Reopen',
  send_revision: 'Send revised quote',
};

const plainEvent = <T extends Exclude<PipelineEventType, 'mark_lost'>>(type: T) => z.object({ type: z.literal(type) });

/**
 * An event that moves a lead. Only `mark_lost` carries data: why the lead was lost, in words staff
 * can learn from ("Went with a cheaper installer").
 */
export const pipelineEventSchema = z.discriminatedUnion('type', [
  plainEvent('contact'),
  plainEvent('send_quote'),
  plainEvent('view'),
  plainEvent('request_changes'),
  plainEvent('accept'),
  plainEvent('pay_deposit'),
  plainEvent('record_offline_payment'),
  plainEvent('schedule'),
  plainEvent('reschedule'),
  plainEvent('cancel_booking'),
  plainEvent('mark_installed'),
  z.object({
    type: z.literal('mark_lost'),
    /** Why the lead was lost, trimmed; required so the pipeline report can say why leads are lost. */
    reason: trimmedText(1, 400, 'say why the lead was lost'),
  }),
  plainEvent('reopen'),
  plainEvent('send_revision'),
]);
export type PipelineEvent = z.infer<typeof pipelineEventSchema>;

/** States a lead can still be lost from: everything before the installation is done. */
const open: readonly PipelineState[] = pipelineStates.filter((s) => s !== 'installed' && s !== 'lost');

/**
 * The machine: for each event, the states it may happen in and where it leads. Notes on the choices:
 * a quote can be accepted before the customer's view is recorded (staff take an acceptance by phone);
 * a revision answers requested changes; work is scheduled only once the deposit is in, and
 * cancelling a booking goes back to "deposit paid"; reopening a lost lead starts again at
 * "contacted", from where a new quote is sent.
 */
const moves: Record<PipelineEventType, { from: readonly PipelineState[]; to: PipelineState }> = {
  contact: { from: ['new'], to: 'contacted' },
  send_quote: { from: ['new', 'contacted'], to: 'quote_sent' },
  view: { from: ['quote_sent'], to: 'viewed' },
  request_changes: { from: ['quote_sent', 'viewed'], to: 'changes_requested' },
  send_revision: { from: ['changes_requested'], to: 'quote_sent' },
  accept: { from: ['quote_sent', 'viewed'], to: 'accepted' },
  pay_deposit: { from: ['accepted'], to: 'deposit_paid' },
  record_offline_payment: { from: ['accepted'], to: 'deposit_paid' },
  schedule: { from: ['deposit_paid'], to: 'scheduled' },
  reschedule: { from: ['scheduled'], to: 'scheduled' },
  cancel_booking: { from: ['scheduled'], to: 'deposit_paid' },
  mark_installed: { from: ['scheduled'], to: 'installed' },
  mark_lost: { from: open, to: 'lost' },
  reopen: { from: ['lost'], to: 'contacted' },
};

/** Why an event cannot happen, by what it needs, in words for staff. */
const needs: Record<PipelineEventType, string> = {
  contact: 'only a new lead can be marked as contacted',
  send_quote: 'a first quote is sent to a new or contacted lead; after that, send a revision when changes are requested',
  view: 'only a quote that has been sent and not yet viewed can be marked as viewed',
  request_changes: 'changes can be requested only on a quote that has been sent',
  send_revision: 'a revised quote is sent when the customer has requested changes',
  accept: 'only a quote that has been sent can be accepted',
  pay_deposit: 'the deposit is paid once the quote is accepted, and only once',
  record_offline_payment: 'a payment is recorded once the quote is accepted, and only once',
  schedule: 'the installation is scheduled once the deposit is paid',
  reschedule: 'only a scheduled installation can be rescheduled',
  cancel_booking: 'only a scheduled installation can be canceled',
  mark_installed: 'only a scheduled installation can be marked as installed',
  mark_lost: 'an installed or already lost lead cannot be marked as lost',
  reopen: 'only a lost lead can be reopened',
};

export type TransitionResult = { ok: true; state: PipelineState } | { ok: false; reason: string };

/** Where `event` takes a lead in `state`, or why it cannot happen there ("Quote sent: only a lead …"). */
export function transition(state: PipelineState, event: PipelineEvent): TransitionResult {
  const move = moves[event.type];
  if (!move.from.includes(state)) return { ok: false, reason: `The lead is "${pipelineStateLabels[state]}": ${needs[event.type]}.` };
  if (event.type === 'mark_lost' && event.reason.trim() === '') return { ok: false, reason: 'Say why the lead was lost.' };
  return { ok: true, state: move.to };
}

/** The events that may happen in `state`, in the table's order, for the buttons a lead's page offers. */
export function allowedEvents(state: PipelineState): PipelineEventType[] {
  return pipelineEventTypes.filter((type) => moves[type].from.includes(state));
}
