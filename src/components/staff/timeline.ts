import { pipelineStateLabels, type PipelineState } from '~/domain/pipeline/pipeline';
import type { TimelineEvent, TimelineKind } from '~/server/timeline/store';

/**
 * A timeline event as a line staff read: what happened, what it carried (a note's text, a reason, who
 * a request went to) and who did it. Kinds this table does not name yet read as their own id.
 */

const what: Partial<Record<TimelineKind, string>> = {
  'request.submitted': 'Request submitted',
  'request.assigned': 'Assigned',
  'request.note': 'Note',
  'request.contacted': 'Marked as contacted',
  'request.lost': 'Marked as lost',
  'request.reopened': 'Reopened',
  'request.moved': 'Pipeline moved',
  'quote.revised': 'Quote revised',
  'quote.sent': 'Quote sent',
  'quote.viewed': 'Quote viewed',
  'quote.changes_requested': 'Changes requested',
  'quote.accepted': 'Quote accepted',
  'quote.declined': 'Quote declined',
  'quote.price_update_requested': 'Updated prices requested',
  'mail.sent': 'Mail sent',
  'deposit.paid': 'Deposit paid',
  'deposit.refunded': 'Deposit refunded',
  'deposit.recorded_offline': 'Deposit taken offline recorded',
  'booking.confirmed': 'Installation booked',
  'booking.rescheduled': 'Installation moved',
  'booking.canceled': 'Installation canceled',
  'job.installed': 'Installed',
};

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

export interface TimelineLine {
  title: string;
  detail: string | null;
  who: string;
}

export function timelineLine(event: TimelineEvent, names: Map<string, string>, customerName: string): TimelineLine {
  const d = event.detail;
  const to = text(d.to) as PipelineState | null;
  const detail =
    event.kind === 'request.note'
      ? text(d.text)
      : event.kind === 'request.assigned'
        ? `To ${text(d.assigneeName) ?? 'a staff account'}`
        : event.kind === 'request.lost' || (event.kind === 'deposit.refunded' && text(d.reason))
          ? `Reason: ${text(d.reason) ?? 'none given'}`
          : to && to in pipelineStateLabels
            ? `Now “${pipelineStateLabels[to]}”`
            : null;
  const who = event.actor === 'staff' ? (event.staffId ? (names.get(event.staffId) ?? 'A former staff account') : 'Staff') : event.actor === 'customer' ? `${customerName} (customer)` : 'The system';
  return { title: what[event.kind as TimelineKind] ?? event.kind, detail, who };
}
