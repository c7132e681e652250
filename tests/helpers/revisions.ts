import type { Configuration } from '~/domain/configuration/configuration';
import { addDays } from '~/domain/estimate/dates';
import { installerToday } from '~/domain/settings/today';
import type { SiteData } from '~/domain/site-data';
import type { Database } from '~/server/db/client';
import { validateConfiguration, type SavedQuote } from '~/server/quotes/quote';
import { freezeEstimate } from '~/server/quotes/snapshot';
import { insertRevision } from '~/server/quotes/store';

/**
 * The next revision of a stored quote with another configuration, priced and frozen by the same code
 * as revision 1 (prepareQuote), as a staff member's change will make it. Returns the quote as it
 * now reads.
 */
export async function addRevision(db: Database, quote: SavedQuote, configuration: Configuration, data: SiteData, now = new Date()): Promise<SavedQuote> {
  const valid = validateConfiguration(configuration, data.catalog);
  const today = installerToday(data.settings, now);
  const revision = {
    number: quote.revision.number + 1,
    configuration: valid,
    snapshot: freezeEstimate(valid, data, today, quote.revision.snapshot.customer ?? null),
    pricedAt: now,
    validUntil: addDays(today, data.settings.quoteValidityDays),
  };
  await insertRevision(db, quote.id, revision);
  return { ...quote, revision };
}
