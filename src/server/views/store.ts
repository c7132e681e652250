import { and, asc, count, eq, max, min } from 'drizzle-orm';
import type { Database } from '../db/client';
import { newRowId } from '../db/row-id';
import { outbox, quoteViews, quotes, type ViewAgent } from '../db/schema';
import type { MailMessage } from '../mail/templates';
import { recordPipelineEvent } from '../pipeline/record';
import { recordTimelineEvent } from '../timeline/store';

/** Views of quote revisions: one row per view, read back per revision for the staff portal. */

export interface RevisionViews {
  revision: number;
  firstViewedAt: Date;
  lastViewedAt: Date;
  count: number;
}

export interface NewView {
  quoteId: string;
  revision: number;
  agent: ViewAgent;
  at: Date;
  /** What to tell staff when this is the revision's first view. */
  firstViewMail: MailMessage;
}

/**
 * Stores a view. The first view of a revision also writes its timeline event, the mail to staff and
 * the request's move to "viewed" (when the pipeline allows it), in the same transaction; the quote's
 * row is locked first, so two first views at once tell staff once.
 */
export async function insertView(db: Database, view: NewView): Promise<{ first: boolean }> {
  return db.transaction(async (tx) => {
    await tx.select({ id: quotes.id }).from(quotes).where(eq(quotes.id, view.quoteId)).for('update');
    const [earlier] = await tx
      .select({ count: count() })
      .from(quoteViews)
      .where(and(eq(quoteViews.quoteId, view.quoteId), eq(quoteViews.revision, view.revision)));
    await tx.insert(quoteViews).values({ id: newRowId(), quoteId: view.quoteId, revision: view.revision, agent: view.agent, viewedAt: view.at });
    const first = (earlier?.count ?? 0) === 0;
    if (first) {
      await recordTimelineEvent(tx, { kind: 'quote.viewed', actor: 'customer', quoteId: view.quoteId, detail: { revision: view.revision }, at: view.at });
      const { kind, to, replyTo, subject, text, html } = view.firstViewMail;
      await tx.insert(outbox).values({ kind, to, replyTo: replyTo ?? null, subject, text, html, createdAt: view.at, nextAttemptAt: view.at });
      await recordPipelineEvent(tx, { quoteId: view.quoteId }, { type: 'view' }, { actor: 'customer' });
    }
    return { first };
  });
}

/** First viewed, last viewed and the count of each revision that was viewed, oldest revision first. */
export async function viewsOf(db: Database, quoteId: string): Promise<RevisionViews[]> {
  const rows = await db
    .select({ revision: quoteViews.revision, firstViewedAt: min(quoteViews.viewedAt), lastViewedAt: max(quoteViews.viewedAt), count: count() })
    .from(quoteViews)
    .where(eq(quoteViews.quoteId, quoteId))
    .groupBy(quoteViews.revision)
    .orderBy(asc(quoteViews.revision));
  return rows.map((row) => ({ revision: row.revision, firstViewedAt: new Date(row.firstViewedAt!), lastViewedAt: new Date(row.lastViewedAt!), count: row.count }));
}
