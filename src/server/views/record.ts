import { loadData } from '../content/collections';
import { getDb } from '../db/client';
import { quoteFirstViewed } from '../mail/quote-viewed';
import { kickOutbox, mailSetup } from '../mail/worker';
import { staffInboxFor } from '../pipeline/inbox';
import { quoteUrl } from '../quotes/public-id';
import { getQuoteByPublicId, getRevision } from '../quotes/store';
import { agentFamily, hasStaffCookie, isBot } from './agent';
import { insertView } from './store';

/**
 * A customer's view of a quote revision, as the quote page's script reports it. Staff sessions and
 * known bots are answered like anyone else but not counted, so neither learns anything from it.
 */

export interface ViewReport {
  publicId: string;
  revision: number;
  userAgent: string | null;
  cookie: string | null;
  site: string;
}

export type ViewOutcome = 'counted' | 'not-counted' | 'no-quote' | 'no-revision';

export async function recordView(report: ViewReport, now = new Date()): Promise<ViewOutcome> {
  const db = await getDb();
  const quote = await getQuoteByPublicId(db, report.publicId);
  if (!quote) return 'no-quote';
  const revision = report.revision === quote.revision.number ? quote.revision : await getRevision(db, quote.id, report.revision);
  if (!revision) return 'no-revision';
  if (hasStaffCookie(report.cookie) || isBot(report.userAgent)) return 'not-counted';
  const [data, mail] = await Promise.all([loadData(), mailSetup()]);
  const firstViewMail = quoteFirstViewed(
    { revision: revision.number, firstName: quote.firstName, url: quoteUrl(report.site, quote.publicId), snapshot: revision.snapshot },
    now,
    await staffInboxFor(db, { quoteId: quote.id }, mail.installerEmail),
    { settings: data.settings },
  );
  const { first } = await insertView(db, { quoteId: quote.id, revision: revision.number, agent: agentFamily(report.userAgent), at: now, firstViewMail });
  if (first) void kickOutbox();
  return 'counted';
}
