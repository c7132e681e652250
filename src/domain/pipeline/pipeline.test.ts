import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../issues';
import {
  allowedEvents,
  pipelineEventSchema,
  pipelineEventTypes,
  pipelineStateLabels,
  pipelineStates,
  transition,
  type PipelineEvent,
  type PipelineEventType,
  type PipelineState,
} from './pipeline';

const event = (type: PipelineEventType): PipelineEvent => (type === 'mark_lost' ? { type, reason: 'Went with another installer' } : { type });

/** Every legal move, written out by hand rather than read from the module's table. */
const legal: [PipelineState, PipelineEventType, PipelineState][] = [
  ['new', 'contact', 'contacted'],
  ['new', 'send_quote', 'quote_sent'],
  ['contacted', 'send_quote', 'quote_sent'],
  ['quote_sent', 'view', 'viewed'],
  ['quote_sent', 'request_changes', 'changes_requested'],
  ['viewed', 'request_changes', 'changes_requested'],
  ['changes_requested', 'send_revision', 'quote_sent'],
  ['quote_sent', 'accept', 'accepted'],
  ['viewed', 'accept', 'accepted'],
  ['accepted', 'pay_deposit', 'deposit_paid'],
  ['accepted', 'record_offline_payment', 'deposit_paid'],
  ['deposit_paid', 'schedule', 'scheduled'],
  ['scheduled', 'reschedule', 'scheduled'],
  ['scheduled', 'cancel_booking', 'deposit_paid'],
  ['scheduled', 'mark_installed', 'installed'],
  ['lost', 'reopen', 'contacted'],
  ...(['new', 'contacted', 'quote_sent', 'viewed', 'changes_requested', 'accepted', 'deposit_paid', 'scheduled'] as const).map(
    (from): [PipelineState, PipelineEventType, PipelineState] => [from, 'mark_lost', 'lost'],
  ),
];
const legalTo = (state: PipelineState, type: PipelineEventType) => legal.find(([from, t]) => from === state && t === type)?.[2];

describe('pipeline transitions', () => {
  it.each(legal)('%s --%s--> %s', (from, type, to) => {
    expect(transition(from, event(type))).toEqual({ ok: true, state: to });
  });

  it('refuses every other pair with a reason naming the state, and allows exactly the legal events', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pipelineStates), fc.constantFrom(...pipelineEventTypes), (state, type) => {
        const result = transition(state, event(type));
        const to = legalTo(state, type);
        if (to) expect(result).toEqual({ ok: true, state: to });
        else expect(result).toEqual({ ok: false, reason: expect.stringContaining(`"${pipelineStateLabels[state]}"`) });
        expect(allowedEvents(state).includes(type)).toBe(to !== undefined);
      }),
    );
  });

  it('reaches every state from "new"', () => {
    const reached = new Set<PipelineState>(['new']);
    const queue: PipelineState[] = ['new'];
    for (let state = queue.shift(); state; state = queue.shift()) {
      for (const type of allowedEvents(state)) {
        const result = transition(state, event(type));
        if (result.ok && !reached.has(result.state)) {
          reached.add(result.state);
          queue.push(result.state);
        }
      }
    }
    expect([...reached].sort()).toEqual([...pipelineStates].sort());
  });

  it('ends at "installed": nothing moves an installed lead', () => {
    expect(allowedEvents('installed')).toEqual([]);
  });

  it('says in plain words why a move is refused', () => {
    expect(transition('new', { type: 'schedule' })).toEqual({ ok: false, reason: 'The lead is "New": the installation is scheduled once the deposit is paid.' });
  });

  it('needs a reason to mark a lead lost', () => {
    expect(validate(pipelineEventSchema, { type: 'mark_lost', reason: '   ' })).toEqual({ ok: false, issues: [{ path: ['reason'], message: 'say why the lead was lost' }] });
    expect(transition('viewed', { type: 'mark_lost', reason: ' ' })).toEqual({ ok: false, reason: 'Say why the lead was lost.' });
    expect(validate(pipelineEventSchema, { type: 'mark_lost', reason: ' Too expensive ' })).toEqual({ ok: true, value: { type: 'mark_lost', reason: 'Too expensive' } });
  });

  it('labels every state in US English with a capital first letter', () => {
    expect(pipelineStateLabels).toMatchObject({ quote_sent: 'Quote sent', changes_requested: 'Changes requested', deposit_paid: 'Deposit paid' });
    for (const label of Object.values(pipelineStateLabels)) expect(label).toMatch(/^[A-Z][a-z ]+$/);
  });
});
