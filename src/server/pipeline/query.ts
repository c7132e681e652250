import * as z from 'zod';
import { pipelineStates } from '~/domain/pipeline/pipeline';
import { can } from '~/domain/staff/roles';
import type { StaffUser } from '../staff/sessions';
import type { PipelineFilter } from './store';

/**
 * The pipeline's filters as the address carries them (GET, so a filtered list can be bookmarked and
 * works without JavaScript). A value that cannot be read is dropped rather than refused: the list
 * shows everything that filter would have narrowed, and the form shows it unset.
 */

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((text) => !Number.isNaN(Date.parse(text)));

export const pipelineQuerySchema = z.object({
  /** One pipeline state; absent for every state. */
  state: z.enum(pipelineStates).optional().catch(undefined),
  /** "me", "unassigned", "anyone", or (managers) a staff id. */
  assignee: z.string().max(64).optional().catch(undefined),
  audience: z.enum(['home', 'business']).optional().catch(undefined),
  /** Submitted on or after this day (YYYY-MM-DD). */
  from: day.optional().catch(undefined),
  /** Submitted on or before this day (YYYY-MM-DD). */
  to: day.optional().catch(undefined),
  /** Reference, name, email or postal code, in part. */
  q: z.string().trim().max(100).optional().catch(undefined),
  /** 1 for the first page. */
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PipelineQuery = z.infer<typeof pipelineQuerySchema>;

export function readPipelineQuery(params: URLSearchParams): PipelineQuery {
  const raw = Object.fromEntries([...params.entries()].filter(([, value]) => value !== ''));
  return pipelineQuerySchema.parse(raw);
}

/**
 * The storage filter for a person: a sales user sees their own and unassigned requests whatever the
 * address says (so "anyone", the default, is those for them); another person's id is a manager's choice.
 */
export function filterFor(query: PipelineQuery, user: StaffUser, timeZone: string): PipelineFilter {
  const seesAll = can(user.role, 'viewAllRequests');
  const assignee = query.assignee ?? 'anyone';
  const chosen = assignee === 'me' ? user.id : assignee === 'unassigned' ? null : assignee === 'anyone' ? undefined : seesAll && z.uuid().safeParse(assignee).success ? assignee : undefined;
  return {
    state: query.state,
    assignee: chosen,
    visibleTo: seesAll ? undefined : user.id,
    audience: query.audience,
    from: query.from,
    to: query.to,
    timeZone,
    search: query.q || undefined,
  };
}

/** The same filters in an address, with one changed: for the state counts, the page links and "clear". */
export function queryHref(query: PipelineQuery, change: Partial<PipelineQuery>): string {
  const merged = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) if (value !== undefined && value !== '' && !(key === 'page' && value === 1)) params.set(key, String(value));
  const text = params.toString();
  return text ? `/staff?${text}` : '/staff';
}
