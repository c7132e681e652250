import { transition, type PipelineEvent, type PipelineState } from '~/domain/pipeline/pipeline';
import type { Database } from '../db/client';
import { logger } from '../ops/log';
import { recordTimelineEvent, type NewTimelineEvent } from '../timeline/store';
import { lockRequest, updatePipelineColumns, type RequestSubject } from './store';

/**
 * The pipeline moving by itself as things happen to a request: the customer views, asks for changes,
 * accepts; a deposit is paid or recorded; a booking is made, moved or canceled; staff send a quote or
 * mark the job installed. Callers pass their own transaction, so the move commits with the event it
 * follows. A move the domain refuses (out of order, or a replay of one already made) changes nothing
 * and is logged, never an error to whoever caused it: the event itself still happened.
 */

/** Who caused the event, as the timeline names them. */
export type PipelineActor = Pick<NewTimelineEvent, 'actor' | 'staffId'>;

export type PipelineMove = { moved: true; from: PipelineState; to: PipelineState } | { moved: false; reason: string };

export async function recordPipelineEvent(tx: Database, subject: RequestSubject, event: PipelineEvent, by: PipelineActor): Promise<PipelineMove> {
  const request = await lockRequest(tx, subject);
  if (!request) return { moved: false, reason: 'The quote has no request.' };
  const result = transition(request.status, event);
  if (!result.ok) {
    // Only the event and the state: ids and names stay out of the log.
    logger().info({ pipelineEvent: event.type, state: request.status }, `pipeline event ignored: ${result.reason}`);
    return { moved: false, reason: result.reason };
  }
  if (result.state !== request.status) {
    await updatePipelineColumns(tx, request.id, { status: result.state, lostReason: event.type === 'mark_lost' ? event.reason : null });
    await recordTimelineEvent(tx, { kind: 'request.moved', actor: by.actor, staffId: by.staffId ?? null, requestId: request.id, quoteId: request.quoteId, detail: { event: event.type, from: request.status, to: result.state } });
  }
  return { moved: true, from: request.status, to: result.state };
}
