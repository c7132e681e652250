import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PipelineState } from '~/domain/pipeline/pipeline';
import type { Database } from '../db/client';
import { quoteRevisions, quotes, requests, staffAccounts } from '../db/schema';

/**
 * The pipeline's storage: requests with their current quote revision and assignee, filtered, searched
 * and paged in SQL, a count per state, one request by reference, a quote's revisions, and the
 * request's pipeline columns. The use cases (pipeline.ts) decide who may see and change what.
 */

export type RequestRow = typeof requests.$inferSelect;

export interface PipelineFilter {
  state?: PipelineState;
  /** A staff id, or null for the unassigned ones; absent for anyone. */
  assignee?: string | null;
  /** Only these (a sales user's own) or unassigned; absent for every request. */
  visibleTo?: string;
  audience?: 'home' | 'business';
  /** Submitted on or after / on or before these days (YYYY-MM-DD) in `timeZone`. */
  from?: string;
  to?: string;
  timeZone: string;
  search?: string;
}

/** `%` and `_` typed into the search box are searched for as themselves. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(filter: PipelineFilter, withState: boolean): SQL | undefined {
  const submittedOn = sql`(${requests.createdAt} at time zone ${filter.timeZone})::date`;
  const parts: (SQL | undefined)[] = [
    withState && filter.state ? eq(requests.status, filter.state) : undefined,
    filter.assignee === undefined ? undefined : filter.assignee === null ? isNull(requests.assignedTo) : eq(requests.assignedTo, filter.assignee),
    filter.visibleTo === undefined ? undefined : or(isNull(requests.assignedTo), eq(requests.assignedTo, filter.visibleTo)),
    filter.audience ? eq(quotes.audience, filter.audience) : undefined,
    filter.from ? gte(submittedOn, sql`${filter.from}::date`) : undefined,
    filter.to ? lte(submittedOn, sql`${filter.to}::date`) : undefined,
  ];
  if (filter.search) {
    const pattern = likePattern(filter.search);
    parts.push(
      or(
        ilike(requests.reference, pattern),
        ilike(requests.contactName, pattern),
        ilike(requests.contactEmail, pattern),
        sql`exists (select 1 from jsonb_array_elements(${requests.addresses}) as site where site->>'postalCode' ilike ${pattern})`,
      ),
    );
  }
  return and(...parts.filter((part) => part !== undefined));
}

const currentRevision = and(eq(quoteRevisions.quoteId, quotes.id), eq(quoteRevisions.number, quotes.currentRevision));

export interface PipelineRow {
  reference: string;
  kind: RequestRow['kind'];
  state: PipelineState;
  contactName: string;
  company: string | null;
  audience: 'home' | 'business' | null;
  siteCount: number;
  oneTimeLowCents: number | null;
  oneTimeHighCents: number | null;
  assigneeName: string | null;
  submittedAt: Date;
}

/** One page of requests, newest first, and how many match in all. */
export async function pipelinePage(db: Database, filter: PipelineFilter, page: { offset: number; limit: number }): Promise<{ rows: PipelineRow[]; total: number }> {
  const where = conditions(filter, true);
  const [rows, totals] = await Promise.all([
    db
      .select({
        reference: requests.reference,
        kind: requests.kind,
        state: requests.status,
        contactName: requests.contactName,
        company: requests.company,
        audience: quotes.audience,
        // A quote's sites; a service call's one address (a request staff started has no address yet).
        siteCount: sql<number>`coalesce(jsonb_array_length(${quoteRevisions.configuration}->'sites'), jsonb_array_length(${requests.addresses}))`.mapWith(Number),
        oneTimeLowCents: quoteRevisions.oneTimeLowCents,
        oneTimeHighCents: quoteRevisions.oneTimeHighCents,
        assigneeName: staffAccounts.name,
        submittedAt: requests.createdAt,
      })
      .from(requests)
      .leftJoin(quotes, eq(quotes.id, requests.quoteId))
      .leftJoin(quoteRevisions, currentRevision)
      .leftJoin(staffAccounts, eq(staffAccounts.id, requests.assignedTo))
      .where(where)
      .orderBy(desc(requests.createdAt), asc(requests.reference))
      .offset(page.offset)
      .limit(page.limit),
    db.select({ total: count() }).from(requests).leftJoin(quotes, eq(quotes.id, requests.quoteId)).where(where),
  ]);
  return { rows, total: totals[0]?.total ?? 0 };
}

/** How many requests are in each state under every filter but the state itself. */
export async function countsByState(db: Database, filter: PipelineFilter): Promise<Map<PipelineState, number>> {
  const rows = await db
    .select({ state: requests.status, total: count() })
    .from(requests)
    .leftJoin(quotes, eq(quotes.id, requests.quoteId))
    .where(conditions(filter, false))
    .groupBy(requests.status);
  return new Map(rows.map((row) => [row.state, row.total]));
}

/** A request by its id or by the quote it came with. */
export type RequestSubject = { requestId: string } | { quoteId: string };

const subjectIs = (subject: RequestSubject) => ('requestId' in subject ? eq(requests.id, subject.requestId) : eq(requests.quoteId, subject.quoteId));

/** The request, locked until the transaction ends, so two events cannot both move it from one state. */
export async function lockRequest(tx: Database, subject: RequestSubject): Promise<RequestRow | null> {
  const rows = await tx.select().from(requests).where(subjectIs(subject)).limit(1).for('update');
  return rows[0] ?? null;
}

/** The assigned salesperson's address, when the request has one whose account is not disabled. */
export async function assigneeEmail(db: Database, subject: RequestSubject): Promise<string | null> {
  const rows = await db
    .select({ email: staffAccounts.email })
    .from(requests)
    .innerJoin(staffAccounts, and(eq(staffAccounts.id, requests.assignedTo), isNull(staffAccounts.disabledAt)))
    .where(subjectIs(subject))
    .limit(1);
  return rows[0]?.email ?? null;
}

export async function requestByReference(db: Database, reference: string, lock = false): Promise<RequestRow | null> {
  const query = db.select().from(requests).where(eq(requests.reference, reference.toUpperCase())).limit(1);
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export type RevisionRow = Pick<typeof quoteRevisions.$inferSelect, 'number' | 'pricedAt' | 'validUntil' | 'oneTimeLowCents' | 'oneTimeHighCents' | 'monthlyCents' | 'createdBy'>;

/** Every revision of a quote, first to last. */
export async function revisionsOf(db: Database, quoteId: string): Promise<RevisionRow[]> {
  return db
    .select({
      number: quoteRevisions.number,
      pricedAt: quoteRevisions.pricedAt,
      validUntil: quoteRevisions.validUntil,
      oneTimeLowCents: quoteRevisions.oneTimeLowCents,
      oneTimeHighCents: quoteRevisions.oneTimeHighCents,
      monthlyCents: quoteRevisions.monthlyCents,
      createdBy: quoteRevisions.createdBy,
    })
    .from(quoteRevisions)
    .where(eq(quoteRevisions.quoteId, quoteId))
    .orderBy(asc(quoteRevisions.number));
}

export async function updatePipelineColumns(db: Database, id: string, columns: Partial<Pick<RequestRow, 'status' | 'assignedTo' | 'lostReason'>>): Promise<void> {
  await db.update(requests).set(columns).where(eq(requests.id, id));
}

/** Names of staff accounts by id, disabled ones included (the timeline names who did what back then). */
export async function staffNames(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: staffAccounts.id, name: staffAccounts.name }).from(staffAccounts).where(inArray(staffAccounts.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** Accounts a request can be assigned to: every one not disabled, by name. */
export async function assignableStaff(db: Database): Promise<{ id: string; name: string }[]> {
  return db.select({ id: staffAccounts.id, name: staffAccounts.name }).from(staffAccounts).where(isNull(staffAccounts.disabledAt)).orderBy(asc(staffAccounts.name));
}
