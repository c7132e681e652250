import { count, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import type { CustomerRequest } from '~/domain/requests/request';
import { newRowId } from '~/server/db/row-id';
import { outbox, quoteRevisions, quotes, requests, timelineEvents } from '~/server/db/schema';
import { insertRequests, type RequestRecord } from '~/server/requests/store';
import { IdempotencyConflictError, submitRequest } from '~/server/requests/submit';
import { backends, databaseForSuite } from '../../helpers/db';

/**
 * Submissions that arrive together are committed together (group-commit.ts, requests/store.ts):
 * whatever mix of new keys, keys repeated within the burst and keys stored before, every submission
 * gets the answer it would get alone, and each key is stored once with all its rows.
 */

const data = fixtureData;
const mail = { settings: data.settings, installerEmail: 'installer@example.com', siteUrl: 'https://quotes.example.com' };
const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }, { productId: 'nvr', quantity: 1 }])]);

/** Two contents a key may carry: a retry sends the same one, a misused key the other. */
function installation(content: 0 | 1): CustomerRequest {
  return {
    kind: 'installation',
    contact: { name: 'Ada Lovelace', email: 'ada@example.com' },
    addresses: [{ siteId: 'site-1', line1: '12 Analytical Way', city: 'Bayview', postalCode: '12345' }],
    windows: [],
    notes: content === 0 ? 'Dog in the yard.' : 'Gate code 4411.',
    consent: true,
    configuration,
  };
}

const service: CustomerRequest = {
  kind: 'service',
  contact: { name: 'Grace Hopper', email: 'grace@example.com' },
  address: { line1: '1 Harbor Way', city: 'Bayview', postalCode: '94100' },
  system: 'intrusion',
  problem: 'The keypad beeps.',
  urgency: 'soon',
  windows: [],
  consent: true,
};

function serviceRecord(reference: string, idempotencyKey: string): RequestRecord {
  return { id: newRowId(), reference, request: service, quote: null, idempotencyKey, fingerprint: idempotencyKey, messages: [], now: new Date() };
}

describe.each(backends)('submission bursts on $name', (backend) => {
  const db = databaseForSuite(backend);
  const rows = async (table: typeof requests | typeof quotes | typeof quoteRevisions | typeof outbox) => (await db().select({ n: count() }).from(table))[0]!.n;

  beforeEach(async () => {
    await db().delete(requests);
    await db().delete(quotes);
  });

  it('answers every submission of a burst as it would be answered alone, and stores each key once with all its rows', async () => {
    let run = 0;
    const submission = fc.record({ key: fc.integer({ min: 0, max: 3 }), content: fc.constantFrom<0 | 1>(0, 1) });
    await fc.assert(
      fc.asyncProperty(fc.array(submission, { maxLength: 3 }), fc.array(submission, { minLength: 1, maxLength: 12 }), async (before, burst) => {
        run++;
        await db().delete(requests);
        await db().delete(quotes);
        const keyOf = (key: number) => `burst-${run}-${key}`;
        // What each key holds once stored: the content of its first submission, earlier or in the burst.
        const stored = new Map<number, { content: 0 | 1; reference: string }>();
        for (const { key, content } of before) {
          if (stored.has(key)) continue;
          const { reference } = await submitRequest(db(), installation(content), { idempotencyKey: keyOf(key), data, mail });
          stored.set(key, { content, reference });
        }
        const answers = await Promise.all(
          burst.map(({ key, content }) => submitRequest(db(), installation(content), { idempotencyKey: keyOf(key), data, mail }).catch((error: unknown) => error)),
        );
        const firstInBurst = new Map<number, number>();
        burst.forEach(({ key }, i) => firstInBurst.set(key, firstInBurst.get(key) ?? i));
        burst.forEach(({ key, content }, i) => {
          const answer = answers[i];
          const winner = stored.get(key)?.content ?? burst[firstInBurst.get(key)!]!.content;
          if (content !== winner) return expect(answer).toBeInstanceOf(IdempotencyConflictError);
          expect(answer).toMatchObject({ replayed: stored.has(key) || firstInBurst.get(key) !== i });
          const reference = stored.get(key)?.reference ?? (answers[firstInBurst.get(key)!] as { reference: string }).reference;
          expect((answer as { reference: string }).reference).toBe(reference);
        });
        const keys = new Set([...before, ...burst].map(({ key }) => key)).size;
        expect([await rows(requests), await rows(quotes), await rows(quoteRevisions), await rows(outbox)]).toEqual([keys, keys, keys, 2 * keys]);
        const submitted = await db().select({ n: count() }).from(timelineEvents).where(eq(timelineEvents.kind, 'request.submitted'));
        expect(submitted[0]!.n).toBe(keys);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('tells only the request whose reference was already taken to draw again, and stores the others of its burst', async () => {
    await insertRequests(db(), [serviceRecord('NG-TAKEN1', 'reference-stored-before')]);
    const burst = [serviceRecord('NG-FRESH1', 'reference-burst-1'), serviceRecord('NG-TAKEN1', 'reference-burst-2'), serviceRecord('NG-FRESH2', 'reference-burst-3')];
    expect(await insertRequests(db(), burst)).toEqual(['stored', 'reference-taken', 'stored']);
    const references = await db().select({ reference: requests.reference, key: requests.idempotencyKey }).from(requests).orderBy(requests.reference);
    expect(references).toEqual([
      { reference: 'NG-FRESH1', key: 'reference-burst-1' },
      { reference: 'NG-FRESH2', key: 'reference-burst-3' },
      { reference: 'NG-TAKEN1', key: 'reference-stored-before' },
    ]);
  });

  it('stores none of a burst when a statement fails for another reason, and answers each with the error', async () => {
    const broken = { ...serviceRecord('NG-BROKEN', 'broken-burst-2'), id: 'not-a-uuid' };
    await expect(insertRequests(db(), [serviceRecord('NG-WHOLE1', 'broken-burst-1'), broken])).rejects.toThrow();
    expect(await rows(requests)).toBe(0);
  });
});
