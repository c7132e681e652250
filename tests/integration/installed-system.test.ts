import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '~/domain/estimate/dates';
import { warrantyEndDate } from '~/domain/installation/installation';
import { installerToday } from '~/domain/settings/today';
import type { CustomerRequest } from '~/domain/requests/request';
import { openDatabase } from '~/server/db/client';
import { updatePipelineColumns, requestByReference } from '~/server/pipeline/store';
import { submitRequest } from '~/server/requests/submit';
import { homeConfiguration, installationRequest, loadData } from '../helpers/configuration';
import { freshDataDir } from '../helpers/pglite-template';
import { startServer, STOP_TIMEOUT_MS, type TestServer } from '../helpers/server';
import { get, post, printedLink } from '../helpers/staff';

/**
 * After the installation, on the production server: staff mark a scheduled job installed on the
 * request's page (a plain form: the day, the lines as fitted, a substitute, a line left out), the
 * timeline says what differs from the quote and the lead is "Installed"; the customer's quote link
 * then shows their system with every fitted product's handover steps and warranty end, the plan's
 * term, and "Something is not working" links that open the service form filled in.
 */

const data = loadData();
const { catalog, settings } = data;
const configuration = homeConfiguration();
const lines = configuration.sites[0]!.lines;
let server: TestServer;
let removeData: () => void;
let reference = '';
let publicId = '';
let admin = '';
const today = installerToday(settings);
const page = (path: string, session?: string) => get(server, path, session);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;|&rsquo;/g, '’').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const decode = (html: string) => html.replace(/&amp;/g, '&');

beforeAll(async () => {
  const { dir, remove } = await freshDataDir();
  removeData = remove;
  const handle = await openDatabase({ dataDir: dir });
  const request = installationRequest({ configuration }) as CustomerRequest;
  const stored = await submitRequest(handle.db, request, { data, mail: { settings, installerEmail: 'office@installer.example', siteUrl: 'http://localhost' } });
  reference = stored.reference;
  publicId = stored.quote!.publicId;
  // The automatic moves to "scheduled" are another part of the pipeline; here the job stands scheduled.
  const row = (await requestByReference(handle.db, reference))!;
  await updatePipelineColumns(handle.db, row.id, { status: 'scheduled' });
  await handle.close();
  server = await startServer({ dataDir: dir });
  const setup = await printedLink(server, /\/staff\/setup\?token=/);
  admin = (await post(server, setup, { name: 'Ada Admin', email: 'ada@installer.example', password: 'admin lantern oboe' })).session!;
}, 300_000);

afterAll(async () => {
  await server?.stop();
  removeData?.();
}, STOP_TIMEOUT_MS);

const camera = lines[0]!;
const substitute = catalog.alternatives(catalog.get(camera.productId)!)[0]!;
const leftOut = lines.at(-1)!;
const fitted = (overrides: Record<string, string> = {}) => ({
  intent: 'installed',
  installedOn: today,
  note: 'Spare key fob left in the kitchen drawer.',
  ...Object.fromEntries(lines.map((line, i) => [`lines.${i}.quantity`, String(line.quantity)])),
  'lines.0.quantity': String(camera.quantity - 1),
  'lines.0.substituteId': substitute.id,
  [`lines.${lines.length - 1}.quantity`]: '0',
  ...overrides,
});

describe('marking a job installed', { timeout: 60_000 }, () => {
  it('offers the form with every accepted line, and refuses a day after today keeping what was typed', async () => {
    const before = await page(`/staff/requests/${reference}`, admin);
    expect(before.status).toBe(200);
    expect(before.html).toContain('id="installed"');
    for (const line of lines) expect(before.html).toContain(`data-line="${line.productId}"`);
    const refused = await post(server, `/staff/requests/${reference}`, fitted({ installedOn: '2999-01-01' }), { session: admin });
    expect(refused.status).toBe(422);
    expect(text(refused.html)).toContain('The installation date cannot be after today');
    expect(refused.html).toContain('value="2999-01-01"');
    expect(refused.html).toMatch(new RegExp(`<option value="${substitute.id}" selected`));
  });

  it('records it: the timeline says what differs from the quote and the lead is installed; a second time is refused', async () => {
    const done = await post(server, `/staff/requests/${reference}`, fitted(), { session: admin });
    expect(done.status, done.html).toBe(200);
    expect(text(done.html)).toContain('Marked as installed');
    expect(done.html).toContain('data-state="installed"');
    const event = /<li data-kind="job.installed"[^>]*>([\s\S]*?)<\/li>/.exec(done.html)?.[1] ?? '';
    const said = text(event);
    expect(said).toContain(`${substitute.name} fitted instead of ${catalog.get(camera.productId)!.name}`);
    expect(said).toContain(`Left out: ${leftOut.quantity} × ${catalog.get(leftOut.productId)!.name}`);
    expect(said).toContain('Spare key fob left in the kitchen drawer.');
    expect(done.html).not.toContain('id="installed"');
    const again = await post(server, `/staff/requests/${reference}`, fitted(), { session: admin });
    expect(again.status).toBe(409);
  });
});

describe('the system page on the quote link', { timeout: 60_000 }, () => {
  it('shows every installed product with its handover steps and warranty end, the plan’s end date and the note', async () => {
    const { status, html } = await page(`/quote/${publicId}`);
    expect(status).toBe(200);
    expect(html).toContain('Your security system');
    const shown = [...html.matchAll(/<li class="system__item" data-product="([^"]+)"[^>]*>([\s\S]*?)<\/li>\s*(?=<li class="system__item"|<\/ul>)/g)].map((m) => ({ id: m[1]!, html: m[2]! }));
    const expected = [substitute.id, ...lines.slice(1, -1).map((line) => line.productId)];
    expect(shown.map((item) => item.id)).toEqual(expected);
    for (const item of shown) {
      const product = catalog.get(item.id)!;
      for (const step of product.howToUse) expect(text(item.html), `${item.id} step`).toContain(text(step));
      const years = 'warrantyYears' in product ? product.warrantyYears : 0;
      const ends = warrantyEndDate(today, years);
      if (ends) expect(text(item.html)).toContain(`to ${formatDate(ends, settings.locale)}`);
    }
    expect(shown[0]!.html).toContain(`${camera.quantity - 1} ×`);
    expect(html).not.toContain(`data-product="${leftOut.productId}"`);
    const plan = catalog.get(configuration.sites[0]!.planId!)!;
    expect(text(html)).toContain(`Monitoring: ${plan.name}`);
    expect(html).toContain('data-plan-ends');
    expect(text(html)).toContain('Spare key fob left in the kitchen drawer.');
    const quote = await page(`/quote/${publicId}?view=quote`);
    expect(quote.html).not.toContain('Your security system');
  });

  it('links "Something is not working" to the service form filled in with the site and the system', async () => {
    const { html } = await page(`/quote/${publicId}`);
    const links = [...html.matchAll(/href="(\/service\?[^"]+)"/g)].map((m) => decode(m[1]!));
    expect(links.length).toBeGreaterThanOrEqual(2);
    expect(links.some((link) => link.includes('system=video'))).toBe(true);
    for (const link of links) {
      const params = new URL(link, server.url).searchParams;
      const form = await page(link);
      expect(form.status).toBe(200);
      expect(form.html).toMatch(new RegExp(`<option value="${params.get('system')}"[^>]* selected`));
      expect(form.html).toContain('value="12 Analytical Way"');
      expect(form.html).toContain('value="94100"');
    }
  });
});
