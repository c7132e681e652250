import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import { runStatement } from '~/server/db/client';
import { oneStatement, rowsOf } from '~/server/db/one-statement';
import { outbox, timelineActors, timelineEvents } from '~/server/db/schema';
import { createQuote } from '~/server/quotes/quote';
import { timelineKinds } from '~/server/timeline/store';
import { backends, databaseForSuite } from '../../helpers/db';

/**
 * Submissions are written by SQL the server composes itself (one-statement.ts), not by drizzle's
 * insert builder. Whatever the rows hold (JSON of any shape, quotes and backslashes in text, nulls,
 * columns left to their defaults, timestamps), they read back exactly as the same rows written by
 * drizzle's builder do.
 */

const text = fc.string({ maxLength: 30, unit: fc.constantFrom('a', 'é', "'", '"', '\\', '$1', ' ', '\n', '😀') });
const json = fc.jsonValue({ maxDepth: 3 }).filter((value) => !JSON.stringify(value).includes('\\u0000'));
const instant = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true });

const event = fc.record(
  { kind: fc.constantFrom(...timelineKinds), actor: fc.constantFrom(...timelineActors), detail: fc.dictionary(text, json, { maxKeys: 4, noNullPrototype: true }), createdAt: instant },
  { requiredKeys: ['kind', 'actor'] },
);
const message = fc.record(
  { kind: text, to: text, replyTo: fc.option(text), subject: text, text, html: text, attachments: fc.array(fc.record({ filename: text, contentType: text, content: text }), { maxLength: 2 }), attempts: fc.nat(5), lockedUntil: fc.option(instant) },
  { requiredKeys: ['kind', 'to', 'subject', 'text', 'html'] },
);

describe.each(backends)('one statement of inserts on $name', (backend) => {
  const database = databaseForSuite(backend);

  it('stores every row as drizzle’s own insert of the same rows does', async () => {
    const db = database();
    // An event is about a quote or a request.
    const { id: quoteId } = await createQuote(db, { configuration: fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 1 }])]), status: 'sent' }, fixtureData);
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 6 }), fc.array(message, { minLength: 1, maxLength: 6 }), async (events, messages) => {
        const written = (tag: string) => ({
          events: events.map((e) => ({ ...e, id: crypto.randomUUID(), quoteId })),
          messages: messages.map((m) => ({ ...m, kind: `${tag}${m.kind}` })),
        });
        // Each run's messages are told apart from earlier runs' by their kind.
        const run = crypto.randomUUID();
        const ours = written(`ours-${run}:`);
        const drizzles = written(`drizzle-${run}:`);
        await runStatement(db, oneStatement([rowsOf(timelineEvents, ours.events), rowsOf(outbox, ours.messages)]));
        await db.insert(timelineEvents).values(drizzles.events);
        await db.insert(outbox).values(drizzles.messages);

        const readEvents = async (rows: { id: string }[]) => {
          const found = await db.select().from(timelineEvents).where(inArray(timelineEvents.id, rows.map((row) => row.id)));
          const byId = new Map(found.map(({ id, ...rest }) => [id, rest]));
          return rows.map((row) => ({ ...byId.get(row.id)!, createdAt: 'createdAt' in row ? byId.get(row.id)!.createdAt : 'now' }));
        };
        expect(await readEvents(ours.events)).toEqual(await readEvents(drizzles.events));

        const readMessages = async (tag: string) => {
          const found = await db.select().from(outbox).where(inArray(outbox.kind, messages.map((m) => `${tag}${m.kind}`)));
          return found
            .sort((a, b) => a.id - b.id)
            .map(({ id: _id, createdAt: _created, nextAttemptAt: _next, kind, ...rest }) => ({ ...rest, kind: kind.slice(tag.length) }));
        };
        expect(await readMessages(`ours-${run}:`)).toEqual(await readMessages(`drizzle-${run}:`));
      }),
      { numRuns: 25 },
    );
  });
});
