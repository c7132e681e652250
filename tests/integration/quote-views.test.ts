import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from '~/domain/configuration/configuration';
import { describeDiff } from '~/domain/quote-revisions/describe';
import { diffRevisions } from '~/domain/quote-revisions/diff';
import { revisionContent } from '~/domain/quote-revisions/revision';
import { openDatabase } from '~/server/db/client';
import { outbox, quoteViews } from '~/server/db/schema';
import { escapeHtml } from '~/server/mail/templates';
import { createQuote, type SavedQuote } from '~/server/quotes/quote';
import { timelineOf } from '~/server/timeline/store';
import { viewsOf } from '~/server/views/store';
import { quoteFormat } from '~/components/quote/format';
import { homeConfiguration, loadData, productFor } from '../helpers/configuration';
import { freshDataDir } from '../helpers/pglite-template';
import { addRevision } from '../helpers/revisions';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from '../helpers/server';

/**
 * A quote with a second revision on the customer's page (what changed since version 1), the share
 * card of a quote link, and the views the page reports: counted per revision, not for staff or
 * bots, the first view of each revision mailed to the installer and put on the timeline once.
 */

const data = loadData();
const chrome = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const firefox = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const RATE_LIMIT = 20;

let server: TestServer;
let dataDir: { dir: string; remove: () => void };
let single: SavedQuote;
let revised: SavedQuote;
let original: SavedQuote;

/** Revision 2: one more outdoor camera, no smoke alarms, an entry contact more. */
function changedConfiguration(): Configuration {
  const config = homeConfiguration();
  const site = config.sites[0]!;
  site.lines = site.lines
    .filter((line) => line.productId !== productFor('smoke-alarm').id)
    .map((line) => (line.productId === productFor('camera-outdoor').id ? { ...line, quantity: line.quantity + 1 } : line));
  return config;
}

beforeAll(async () => {
  dataDir = await freshDataDir();
  const handle = await openDatabase({ dataDir: dataDir.dir });
  single = await createQuote(handle.db, { configuration: homeConfiguration(), firstName: 'Ada', status: 'requested' }, data);
  original = await createQuote(handle.db, { configuration: homeConfiguration(), firstName: 'Zelda', status: 'sent' }, data);
  revised = await addRevision(handle.db, original, changedConfiguration(), data);
  await handle.close();
  server = await startServer({ dataDir: dataDir.dir, env: { TRUST_PROXY: '1', RATE_LIMIT_ESTIMATES: String(RATE_LIMIT) } });
}, 300_000);

afterAll(async () => {
  await server?.stop();
  dataDir?.remove();
}, STOP_TIMEOUT_MS);

let lastAddress = 0;
const nextAddress = () => `2001:db8::${(++lastAddress).toString(16)}`;

function view(publicId: string, revision: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/api/quotes/${publicId}/views`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': chrome, 'x-forwarded-for': nextAddress(), ...headers },
    body: JSON.stringify({ revision }),
  });
}

describe('what changed since the previous version', { timeout: 30_000 }, () => {
  it('shows the changes in words and both totals, which reconcile with the difference', async () => {
    const html = await (await fetch(`${server.url}/quote/${revised.publicId}`)).text();
    const before = original.revision.snapshot;
    const after = revised.revision.snapshot;
    const { currency, locale } = after.estimate;
    const diff = diffRevisions(revisionContent(before), revisionContent(after));
    const sentences = describeDiff(diff, { currency, locale });
    expect(html).toContain('What changed since version 1');
    expect(sentences.some((s) => s.startsWith('Quantity of') && s.includes('from 3 to 4'))).toBe(true);
    expect(sentences.some((s) => s.startsWith('Removed 3 ×'))).toBe(true);
    for (const sentence of sentences) expect(html).toContain(escapeHtml(`${sentence}.`));
    // The difference the page states is the second total less the first.
    expect(diff.totals.oneTime.low).toBe(after.estimate.oneTime.low - before.estimate.oneTime.low);
    expect(diff.totals.oneTime.high).toBe(after.estimate.oneTime.high - before.estimate.oneTime.high);
    expect(diff.totals.oneTime.high).not.toBe(0);
    const { amount } = quoteFormat(currency, locale);
    expect(html).toContain(`data-revision-total="previous">${escapeHtml(amount(before.estimate.oneTime))}<`);
    expect(html).toContain(`data-revision-total="current">${escapeHtml(amount(after.estimate.oneTime))}<`);
  });

  it('is not shown on a quote of one version', async () => {
    const html = await (await fetch(`${server.url}/quote/${single.publicId}`)).text();
    expect(html).not.toContain('What changed since');
  });
});

describe('the share card of a quote link', { timeout: 30_000 }, () => {
  it('names the installer and says "Your security quote", never the customer or a price', async () => {
    const html = await (await fetch(`${server.url}/quote/${single.publicId}`)).text();
    const meta = Object.fromEntries([...html.matchAll(/<meta (?:property|name)="((?:og|twitter):[a-z_:]+)" content="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const company = escapeHtml(data.settings.company.name);
    expect(meta['og:title']).toBe('Your security quote');
    expect(meta['og:site_name']).toBe(company);
    expect(meta['og:description']).toContain(company);
    expect(meta['twitter:card']).toBe('summary');
    const card = [...Object.values(meta), html.match(/<title>([^<]*)<\/title>/)![1]!, html.match(/<meta name="description" content="([^"]*)"/)![1]!].join('\n');
    expect(html).toContain('Quote for Ada');
    expect(card).not.toContain('Ada');
    expect(card).not.toMatch(/\$|\d[\d,]*\.\d\d/);
  });
});

describe('views of a quote', { timeout: 60_000 }, () => {
  it('loads the view report on the page with the revision it shows', async () => {
    const html = await (await fetch(`${server.url}/quote/${revised.publicId}`)).text();
    expect(html).toMatch(new RegExp(`data-view-report[^>]*data-quote="${revised.publicId}"[^>]*data-revision="2"[^>]*data-seconds="${data.settings.quoteViewSeconds}"`));
    expect(html).toMatch(/<script type="module" src="\/_astro\/[^"]+\.js"><\/script>|<script type="module">[^<]*quote-viewed/);
  });

  it('refuses unknown quotes with 404, unknown revisions with 422, and anything but a view report', async () => {
    expect((await view('AAAAAAAAAAAAAAAAAAAAAAAA', 1)).status).toBe(404);
    expect((await view('not-an-id', 1)).status).toBe(404);
    const unknownRevision = await view(single.publicId, 2);
    expect(unknownRevision.status).toBe(422);
    expect(((await unknownRevision.json()) as { errors: { path: string }[] }).errors).toEqual([expect.objectContaining({ path: 'revision' })]);
    expect((await view(single.publicId, 0)).status).toBe(422);
    expect((await view(single.publicId, '1')).status).toBe(422);
  });

  it('answers bots and staff sessions like anyone, and counts customers per revision', async () => {
    for (const agent of ['Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)', 'facebookexternalhit/1.1', 'Mozilla/5.0 (compatible; Googlebot/2.1)', 'Microsoft Office Safe Links', '']) {
      expect((await view(single.publicId, 1, { 'user-agent': agent })).status, agent).toBe(204);
    }
    expect((await view(single.publicId, 1, { cookie: '__Host-staff=x' })).status).toBe(204);
    expect((await view(single.publicId, 1, { cookie: 'staff=x' })).status).toBe(204);
    for (let i = 0; i < 2; i++) expect((await view(single.publicId, 1)).status).toBe(204);
    expect((await view(revised.publicId, 1)).status).toBe(204);
    for (let i = 0; i < 3; i++) expect((await view(revised.publicId, 2, { 'user-agent': firefox })).status).toBe(204);
  });

  it('limits the views one address sends', async () => {
    const address = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMIT; i++) statuses.push((await view('AAAAAAAAAAAAAAAAAAAAAAAA', 1, { 'x-forwarded-for': address })).status);
    expect(statuses.slice(0, RATE_LIMIT).every((s) => s === 404)).toBe(true);
    const limited = await view(single.publicId, 1, { 'x-forwarded-for': address });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('stored per revision: first and last viewed and the count, one mail and one timeline event per revision', async () => {
    await server.stop();
    const handle = await openDatabase({ dataDir: dataDir.dir });
    try {
      const { db } = handle;
      const ofSingle = await viewsOf(db, single.id);
      expect(ofSingle.map(({ revision, count }) => ({ revision, count }))).toEqual([{ revision: 1, count: 2 }]);
      expect(ofSingle[0]!.firstViewedAt.getTime()).toBeLessThanOrEqual(ofSingle[0]!.lastViewedAt.getTime());
      const ofRevised = await viewsOf(db, revised.id);
      expect(ofRevised.map(({ revision, count }) => ({ revision, count }))).toEqual([
        { revision: 1, count: 1 },
        { revision: 2, count: 3 },
      ]);
      const agents = await db.select({ agent: quoteViews.agent }).from(quoteViews).where(and(eq(quoteViews.quoteId, revised.id), eq(quoteViews.revision, 2)));
      expect(agents.map((a) => a.agent)).toEqual(['firefox', 'firefox', 'firefox']);

      const mails = await db.select().from(outbox).where(eq(outbox.kind, 'quote-first-viewed'));
      expect(mails.map((m) => m.subject).sort()).toEqual(['Quote viewed: version 1 for Ada', 'Quote viewed: version 1 for Zelda', 'Quote viewed: version 2 for Zelda']);
      expect(new Set(mails.map((m) => m.to))).toEqual(new Set([data.settings.company.email]));
      for (const mail of mails) expect(mail.text).toContain('/quote/');

      const viewed = async (quoteId: string) => (await timelineOf(db, { quoteId })).filter((e) => e.kind === 'quote.viewed').map((e) => e.detail);
      expect(await viewed(single.id)).toEqual([{ revision: 1 }]);
      expect(await viewed(revised.id)).toEqual([{ revision: 1 }, { revision: 2 }]);
    } finally {
      await handle.close();
    }
  });
});
