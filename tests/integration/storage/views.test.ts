import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import { outbox } from '~/server/db/schema';
import type { MailMessage } from '~/server/mail/templates';
import { createQuote } from '~/server/quotes/quote';
import { timelineOf } from '~/server/timeline/store';
import { insertView, viewsOf } from '~/server/views/store';
import { backends, databaseForSuite } from '../../helpers/db';

/** Views in the database: many at once tell the installer once per revision, and read back per revision. */

const mail: MailMessage = { kind: 'quote-first-viewed', to: 'installer@example.com', subject: 'Quote viewed', text: 'Viewed', html: '<p>Viewed</p>' };
const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]);

describe.each(backends)('views on $name', (backend) => {
  const database = databaseForSuite(backend);

  it('counts every view, but only the first of each revision writes a mail and a timeline event, even when views arrive together', async () => {
    const db = database();
    const quote = await createQuote(db, { configuration, status: 'sent' }, fixtureData);
    const at = (minute: number) => new Date(Date.UTC(2030, 0, 15, 10, minute));
    const firsts = await Promise.all(Array.from({ length: 6 }, (_, i) => insertView(db, { quoteId: quote.id, revision: 1, agent: 'safari', at: at(i), firstViewMail: mail })));
    expect(firsts.filter((f) => f.first)).toHaveLength(1);
    await insertView(db, { quoteId: quote.id, revision: 2, agent: 'chrome', at: at(30), firstViewMail: mail });
    expect(await viewsOf(db, quote.id)).toEqual([
      { revision: 1, firstViewedAt: at(0), lastViewedAt: at(5), count: 6 },
      { revision: 2, firstViewedAt: at(30), lastViewedAt: at(30), count: 1 },
    ]);
    expect(await db.select().from(outbox).where(eq(outbox.kind, 'quote-first-viewed'))).toHaveLength(2);
    expect((await timelineOf(db, { quoteId: quote.id })).map((e) => [e.kind, e.detail])).toEqual([
      ['quote.viewed', { revision: 1 }],
      ['quote.viewed', { revision: 2 }],
    ]);
    expect(await viewsOf(db, crypto.randomUUID())).toEqual([]);
  });
});
