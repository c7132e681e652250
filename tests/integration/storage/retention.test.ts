import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixtureConfig, fixtureData, fixtureSite } from '~/domain/fixtures';
import type { CustomerRequest } from '~/domain/requests/request';
import { outbox, quoteRevisions, quotes, requests, shortLinks } from '~/server/db/schema';
import { deliverDue } from '~/server/mail/outbox';
import { purgeExpired, retentionCutoffs } from '~/server/privacy/retention';
import { createShortLink, openShortLink } from '~/server/share/short-links';
import { submitRequest } from '~/server/requests/submit';
import { backends, databaseForSuite } from '../../helpers/db';

/**
 * The privacy notice's periods are enforced: what is older than a period is deleted, what is newer
 * is kept, and two purges at once (two instances) do the work once.
 */

const data = fixtureData;
const { privacy } = data.settings;
const mail = { settings: data.settings, installerEmail: 'installer@example.com', siteUrl: 'https://quotes.example.com' };
const configuration = fixtureConfig([fixtureSite([{ productId: 'cam', quantity: 2 }])]);

const installation = (name: string): CustomerRequest => ({
  kind: 'installation',
  contact: { name, email: `${name.toLowerCase()}@example.com` },
  addresses: [{ siteId: 'site-1', line1: '12 Analytical Way', city: 'Bayview', postalCode: '12345' }],
  windows: [],
  consent: true,
  configuration,
});

const now = new Date('2030-06-15T12:00:00Z');
const monthsBefore = (months: number, days = 0) => {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return new Date(date.getTime() - days * 86_400_000);
};

describe('retention cutoffs', () => {
  it('are the settings’ periods before now, in calendar months and days', () => {
    const cutoffs = retentionCutoffs({ ...privacy, requestRetentionMonths: 24, mailRetentionDays: 90, deadLetterRetentionDays: 30 }, now);
    expect(cutoffs.requestsBefore.toISOString()).toBe('2028-06-15T12:00:00.000Z');
    expect(cutoffs.mailBefore.toISOString()).toBe('2030-03-17T12:00:00.000Z');
    expect(cutoffs.deadLettersBefore.toISOString()).toBe('2030-05-16T12:00:00.000Z');
  });
});

describe.each(backends)('retention on $name', (backend) => {
  const db = databaseForSuite(backend);
  const rows = async (table: typeof requests | typeof quotes | typeof outbox | typeof quoteRevisions | typeof shortLinks) => (await db().select({ n: count() }).from(table))[0]!.n;

  beforeEach(async () => {
    await db().delete(outbox);
    await db().delete(requests);
    await db().delete(quotes);
    await db().delete(shortLinks);
  });

  async function submitAt(name: string, at: Date) {
    const stored = await submitRequest(db(), installation(name), { data, mail, now: at });
    // No mail server: each message is logged, which counts as sent.
    await deliverDue(db(), { transport: null, from: 'quotes@example.com', retryBaseMs: 1000, claimMs: 120_000, policy: data.settings.outbox, now: at, log: () => undefined });
    return stored;
  }

  it('deletes requests, their quotes, mail and short links older than the period, and keeps newer ones', async () => {
    await submitAt('Old', monthsBefore(privacy.requestRetentionMonths, 1));
    const recent = await submitAt('Recent', monthsBefore(privacy.requestRetentionMonths - 1));
    const oldLink = await createShortLink(db(), configuration, monthsBefore(privacy.requestRetentionMonths, 1));
    const newLink = await createShortLink(db(), configuration, monthsBefore(0, 1));
    expect(await rows(requests)).toBe(2);
    expect(await rows(quotes)).toBe(2);

    const report = await purgeExpired(db(), privacy, now);

    expect(report).toMatchObject({ requests: 1, quotes: 1, shortLinks: 1 });
    const left = await db().select({ name: requests.contactName, quoteId: requests.quoteId }).from(requests);
    expect(left).toEqual([{ name: 'Recent', quoteId: recent.quote!.id }]);
    expect(await rows(quotes)).toBe(1);
    expect(await rows(quoteRevisions)).toBe(1);
    // The old request's mail went with it; the recent one's was sent long ago, past the mail period.
    expect(await rows(outbox)).toBe(0);
    expect(await openShortLink(db(), oldLink)).toBeNull();
    expect(await openShortLink(db(), newLink)).toEqual(configuration);
  });

  it('keeps mail copies younger than the mail period, and mail not yet delivered', async () => {
    await submitAt('Sent', new Date(now.getTime() - (privacy.mailRetentionDays - 1) * 86_400_000));
    // Not delivered yet, though older than the mail period: it must still go out.
    await submitRequest(db(), installation('Waiting'), { data, mail, now: new Date(now.getTime() - (privacy.mailRetentionDays + 5) * 86_400_000) });

    const report = await purgeExpired(db(), privacy, now);

    expect(report).toMatchObject({ requests: 0, messages: 0 });
    expect(await rows(outbox)).toBe(4);
    const later = await purgeExpired(db(), privacy, new Date(now.getTime() + 2 * 86_400_000));
    expect(later).toMatchObject({ messages: 2 });
    expect(await rows(outbox)).toBe(2);
  });

  it('keeps a dead letter for the dead-letter period after its last try, however old the message, then deletes it', async () => {
    // Made long before the mail period; given up on recently.
    await submitRequest(db(), installation('Refused'), { data, mail, now: new Date(now.getTime() - (privacy.mailRetentionDays + 30) * 86_400_000) });
    const [letter] = await db().select({ id: outbox.id }).from(outbox).limit(1);
    const deadAt = new Date(now.getTime() - (privacy.deadLetterRetentionDays - 1) * 86_400_000);
    await db().update(outbox).set({ status: 'dead', attempts: data.settings.outbox.maxAttempts, deadAt }).where(eq(outbox.id, letter!.id));

    expect(await purgeExpired(db(), privacy, now)).toMatchObject({ messages: 0 });
    expect(await rows(outbox)).toBe(2);
    const later = await purgeExpired(db(), privacy, new Date(now.getTime() + 2 * 86_400_000));
    // The dead letter goes; its twin, still waiting to be delivered, stays.
    expect(later).toMatchObject({ messages: 1 });
    expect(await db().select({ status: outbox.status }).from(outbox)).toEqual([{ status: 'pending' }]);
  });

  it('two purges at the same moment delete once: one of them holds the lock', async () => {
    await submitAt('Old', monthsBefore(privacy.requestRetentionMonths, 1));
    const reports = await Promise.all([purgeExpired(db(), privacy, now), purgeExpired(db(), privacy, now)]);
    const done = reports.filter((r) => r !== null);
    expect(done.reduce((sum, r) => sum + r.requests, 0)).toBe(1);
    expect(await rows(requests)).toBe(0);
  });
});
