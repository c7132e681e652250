import { pipelineStateLabels, type PipelineState } from '~/domain/pipeline/pipeline';
import type { TimelineEvent, TimelineKind } from '~/server/timeline/store';

/**
 * A timeline event as a line staff read: what happened, what it carried (a note's text, a reason, who
 * a request went to) and who did it. Kinds this table does not name yet read as their own id.
 */

const what: Partial<Record<TimelineKind, string>> = {
  'request.submitted': 'Request submitted',
  'request.started': 'Quote started',
  'request.assigned': 'Assigned',
  'request.note': 'Note',
  'request.contacted': 'Marked as contacted',
  'request.lost': 'Marked as lost',
  'request.reopened': 'Reopened',
  'request.moved': 'Pipeline moved',
  'quote.revised': 'Quote revised',
  'quote.approval_requested': 'Discount approval requested',
  'quote.approved': 'Discounts approved',
  'quote.approval_refused': 'Discounts refused',
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
  'booking.reminded': 'Reminder mailed',
  'booking.rescheduled': 'Installation moved',
  'booking.canceled': 'Installation canceled',
  'job.installed': 'Installed',
};

/** The install day and what was fitted other than quoted ("as quoted" when nothing differs). */
function installedText(d: Record<string, unknown>): string {
  const changes = Array.isArray(d.changes) ? d.changes.filter((c): c is string => typeof c === 'string') : [];
  const note = text(d.note);
  return [`On ${text(d.installedOn) ?? 'a day not given'}`, changes.length > 0 ? changes.join('; ') : 'fitted as quoted', ...(note ? [note] : [])].join('. ');
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);

/** "Outdoor camera 25% (under the margin floor); limit 10% for sales". */
function approvalDetail(d: Record<string, unknown>): string | null {
  if (!Array.isArray(d.lines)) return null;
  const lines = (d.lines as { description?: unknown; percent?: unknown; belowFloor?: unknown }[]).map((line) => `${text(line.description) ?? 'a line'} ${String(line.percent)}%${line.belowFloor ? ' (under the margin floor)' : ''}`);
  return `${lines.join('; ')}; limit ${String(d.maxPercent)}% for ${text(d.role) ?? 'this role'}`;
}

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
        : event.kind === 'request.lost' || event.kind === 'quote.approval_refused' || (event.kind === 'deposit.refunded' && text(d.reason))
          ? `Reason: ${text(d.reason) ?? 'none given'}`
          : event.kind === 'job.installed'
            ? installedText(d)
            : event.kind === 'quote.approved' || event.kind === 'mail.sent'
              ? (text(d.reason) ?? text(d.text))
              : event.kind === 'quote.approval_requested'
                ? approvalDetail(d)
                : event.kind === 'quote.revised' || event.kind === 'quote.sent'
                  ? `Version ${String(d.revision)}`
                  : to && to in pipelineStateLabels
                    ? `Now “${pipelineStateLabels[to]}”`
                    : null;
  const who = event.actor === 'staff' ? (event.staffId ? (names.get(event.staffId) ?? 'A former staff account') : 'Staff') : event.actor === 'customer' ? `${customerName} (customer)` : 'The system';
  return { title: what[event.kind as TimelineKind] ?? event.kind, detail, who };
}
