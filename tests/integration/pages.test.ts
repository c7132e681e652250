import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import { roleIds, systemInfo, systems } from '~/domain/catalog/roles';
import { compareRows, priceText } from '~/domain/catalog/specs';
import { formatLength } from '~/domain/units';
import { loadData } from '~/server/content/collections';
import Home from '~/pages/index.astro';
import SystemPage from '~/pages/[system].astro';
import ProductPage from '~/pages/products/[id].astro';
import ComparePage from '~/pages/compare/[role].astro';
import CompareIndex from '~/pages/compare/index.astro';
import PrivacyPage from '~/pages/privacy.astro';
import TermsPage from '~/pages/terms.astro';
import AccessibilityPage from '~/pages/accessibility.astro';
import { isPlan } from '~/domain/catalog/guards';
import { formatMoney } from '~/domain/money';

/**
 * Renders the static pages from the real content collections with Astro's container API and checks
 * what a customer reads: headings, prices, model numbers, marked differences, and no JavaScript.
 */

let container: AstroContainer;
const { catalog, settings } = await loadData();

beforeAll(async () => {
  container = await AstroContainer.create();
});

type Page = Parameters<AstroContainer['renderToString']>[0];

/**
 * A full page as the browser gets it, without the source-location attributes dev rendering adds and
 * the scoping attributes of component styles (data-astro-cid-…), which say nothing about content.
 * Pages with getStaticPaths are typed by the props it returns (none here), which the container's
 * signature does not accept, hence the cast.
 */
async function render(page: unknown, params?: Record<string, string>): Promise<string> {
  const html = await container.renderToString(page as Page, { partial: false, ...(params ? { params } : {}) });
  return html.replace(/ data-astro-source-(file|loc)="[^"]*"/g, '').replace(/ data-astro-cid-[a-z0-9]+/g, '');
}

/** Text without tags, with whitespace squeezed, so assertions read like the page. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

function count(html: string, pattern: RegExp): number {
  return html.match(pattern)?.length ?? 0;
}

/** What every page shares: one h1, the skip link, main landmark, the footer's company details, no scripts. */
function expectPageShell(html: string) {
  expect(count(html, /<h1[\s>]/g)).toBe(1);
  expect(html).toMatch(/<a class="skip-link" href="#main">/);
  expect(html).toMatch(/<main id="main"/);
  expect(html).toMatch(/<html lang="en-US"/);
  expect(html).toContain(settings.company.phone);
  expect(html).toContain(settings.company.licence);
  expect(html).toContain('href="/assessment"');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/client:/);
}

/** Every <img> has width, height and an alt attribute. */
function expectImagesSized(html: string) {
  for (const img of html.match(/<img\b[^>]*>/g) ?? []) {
    expect(img).toMatch(/\swidth="\d+"/);
    expect(img).toMatch(/\sheight="\d+"/);
    // Astro writes an empty alt as a bare attribute, which HTML reads as alt="".
    expect(img).toMatch(/\salt(="[^"]*")?[\s>]/);
  }
}

describe('home page', () => {
  it('introduces the four systems, how it works and why us, with both calls to action', async () => {
    const html = await render(Home);
    expectPageShell(html);
    const page = text(html);
    expect(page).toContain('What we install');
    for (const info of Object.values(systemInfo)) expect(html).toContain(`href="/${info.slug}"`);
    expect(page).toMatch(/How it works.*Describe your premises.*See recommended options.*Compare and tune.*honest estimate.*Request installation/);
    for (const promise of ['Prices online', 'Model numbers shown', 'Plain contract terms', 'Quote links that never change']) {
      expect(page).toContain(promise);
    }
    expect(html).toContain('href="/configure"');
    expect(page).toContain('Start an assessment');
    expect(page).toContain('Build your own system');
  });
});

describe('system page', () => {
  it('quotes how far our glass-break detectors hear and what pets our motion sensors ignore, from their specs', async () => {
    const page = text(await render(SystemPage, { system: systemInfo.intrusion.slug }));
    const ranges = catalog.byRole('glass-break').flatMap((p) => ('rangeM' in p.specs && typeof p.specs.rangeM === 'number' ? [p.specs.rangeM] : []));
    expect(ranges.length).toBeGreaterThan(0);
    expect(page).toContain(`windows. Ours hear breaking glass up to ${formatLength(Math.max(...ranges), settings.units, settings.locale)} away`);
    expect(page).toContain('Our pet-immune models ignore pets up to 40 lb or 79 lb.');
  });

  it('explains smoke alarm placement and lists every fire product with price and model', async () => {
    const html = await render(SystemPage, { system: systemInfo.fire.slug });
    expectPageShell(html);
    expectImagesSized(html);
    const page = text(html);
    expect(html).toMatch(/<h1>Fire and CO safety<\/h1>/);
    expect(page).toContain('One in every bedroom');
    expect(page).toMatch(/within 21 ft of every bedroom door/);
    expect(page).toMatch(/every story, including the basement/);
    expect(page).toMatch(/at a fixed temperature \(ours: 135 °F\)/);
    for (const product of catalog.byGroup('fire')) {
      expect(html).toContain(`href="/products/${product.id}"`);
      expect(page).toContain(`${product.brand} ${product.model}`);
      expect(page).toContain(priceText(product, settings));
    }
  });

  it('gives the pixel density to identify a face on the cameras page', async () => {
    const html = await render(SystemPage, { system: 'cameras' });
    expectPageShell(html);
    expect(text(html)).toMatch(/Identify a stranger’s face: about 76 pixels per foot/);
    expect(html).toContain('href="/compare/camera-outdoor"');
  });
});

describe('product page', () => {
  const camera = catalog.ofType('camera').find((c) => c.role === 'camera-outdoor' && c.install.wiredMinutes !== undefined);

  it('shows the price, model, specs, install labor, steps and alternatives of a camera', async () => {
    expect(camera, 'an outdoor wired camera in the catalog').toBeDefined();
    if (!camera) return;
    const html = await render(ProductPage, { id: camera.id });
    expectPageShell(html);
    expectImagesSized(html);
    const page = text(html);
    expect(html).toContain(`<h1>${camera.name}</h1>`);
    expect(page).toContain(`Model ${camera.model}`);
    expect(page).toMatch(/\$\d{1,3}(,\d{3})*\.\d{2} each/);
    expect(page).toContain(priceText(camera, settings));
    expect(page).toMatch(/Resolution \d+ × \d+ \(\d+ MP/);
    expect(page).toMatch(/\d+ hr( \d+ min)? each, \$[\d,.]+ in labor/);
    expect(page).toContain('residential rate of $85.00 an hour');
    expect(count(html, /<ol class="prose">[\s\S]*?<\/ol>/g)).toBe(1);
    expect(html).toMatch(/aria-label="Breadcrumb"[\s\S]*href="\/"[\s\S]*href="\/cameras"[\s\S]*aria-current="page"/);
    expect(html).toContain(`href="/compare/${camera.role}"`);
    for (const other of catalog.alternatives(camera)) expect(html).toContain(`href="/products/${other.id}"`);
  });

  it('spells out a monitoring plan’s monthly fee, term and cancellation terms', async () => {
    const plan = catalog.ofType('monitoring-plan').find((p) => p.specs.termMonths > 0) ?? catalog.ofType('monitoring-plan')[0];
    expect(plan, 'a monitoring plan in the catalog').toBeDefined();
    if (!plan) return;
    const html = await render(ProductPage, { id: plan.id });
    expectPageShell(html);
    const page = text(html);
    expect(page).toMatch(/\$[\d,.]+ a month/);
    expect(page).toContain('Cancellation terms');
    expect(page).toContain(text(plan.specs.cancellation).trim());
    if (plan.specs.termMonths > 0) expect(page).toContain(`${plan.specs.termMonths}-month contract from the day monitoring starts`);
  });

  it('offers "Add to my system" on every product page but cable and travel, as a plain link into the configurator', async () => {
    for (const product of catalog.products) {
      const html = await render(ProductPage, { id: product.id });
      const link = new RegExp(`<a class="button" href="/configure\\?add=${product.id}">\\s*(Add to my system|Choose it for my system)\\s*</a>`);
      if (['cable', 'travel'].includes(product.role)) expect(html, product.id).not.toContain('/configure?add=');
      else expect(html, product.id).toMatch(link);
      expect(html, product.id).not.toContain('<script');
    }
  });
});

describe('compare page', () => {
  const role = 'camera-outdoor';

  it('puts the products side by side in a real table, price first, with differences marked in text', async () => {
    const html = await render(ComparePage, { role });
    expectPageShell(html);
    expectImagesSized(html);
    const products = catalog.byRole(role);
    expect(html).toMatch(/<div class="table-scroll" role="region" aria-label="[^"]+" tabindex="0">/);
    expect(html).toMatch(/<table class="compare-table">\s*<caption>/);
    expect(count(html, /<th scope="col">/g)).toBe(products.length);
    for (const product of products) expect(text(html)).toContain(`${product.brand} ${product.model}`);

    const firstRow = html.match(/<tbody>\s*<tr[^>]*>\s*<th scope="row">([^<]*)/);
    expect(firstRow?.[1]?.trim()).toBe('Price');

    const differing = compareRows(products, settings).find((r) => r.differs && r.key === 'resolution');
    expect(differing, 'outdoor cameras differ in resolution').toBeDefined();
    expect(html).toMatch(/<tr class="differs">\s*<th scope="row">\s*Resolution\s*<span class="differs-label">Differs<\/span>/);
  });

  it('collapses rows that are the same on every product', async () => {
    const products = catalog.byRole('smoke-alarm');
    // Brand and model head the columns, so the page leaves that row out.
    const same = compareRows(products, settings).filter((r) => !r.differs && r.key !== 'price' && r.key !== 'brand-model');
    const html = await render(ComparePage, { role: 'smoke-alarm' });
    expectPageShell(html);
    const folded = html.match(/<details class="same-on-all">\s*<summary>Same on all[\s\S]*?<\/details>/)?.[0] ?? '';
    expect(folded === '').toBe(same.length === 0);
    for (const row of same) expect(text(folded)).toContain(` ${row.label} ${row.values[0]} `);
  });

  it('lists every comparable role, grouped by system', async () => {
    const html = await render(CompareIndex);
    expectPageShell(html);
    for (const role of roleIds) {
      const link = `href="/compare/${role}"`;
      if (catalog.byRole(role).length >= 2) expect(html).toContain(link);
      else expect(html).not.toContain(link);
    }
    const headings = [...html.matchAll(/<h2 id="group-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    const systemNames = systems.map((s) => systemInfo[s].name).filter((name) => headings.includes(name));
    expect(headings.slice(0, systemNames.length)).toEqual(systemNames);
  });
});

describe('legal pages', () => {
  it('privacy notice: what the server and the browser keep, for how long from the settings, who sees it and whom to ask', async () => {
    const html = await render(PrivacyPage);
    expectPageShell(html);
    const page = text(html);
    for (const stored of ['local storage', 'after the # in the address', 'set no cookies', 'staff portal get one cookie', 'name, email address', 'phone number', 'address of each site', 'visit times', 'notes', 'how urgent', 'when', 'first name', 'internet (IP) address']) {
      expect(page).toContain(stored);
    }
    // The same settings the server deletes by (src/server/privacy/retention.ts, tests/integration/storage/retention.test.ts).
    expect(page).toContain(`${settings.privacy.requestRetentionMonths} months after you send the request, then our server deletes them on its own`);
    expect(page).toContain(`${settings.privacy.mailRetentionDays} days after they are sent`);
    expect(page).toContain(`could not deliver: ${settings.privacy.deadLetterRetentionDays} days after its last try`);
    expect(page).toContain(`Short links: ${settings.privacy.requestRetentionMonths} months after they are made`);
    expect(page).toContain('never your name or contact details');
    expect(page).toMatch(/Who sees it.*staff.*email service.*Anyone with the link to your quote/);
    expect(html).toContain(`href="mailto:${settings.privacy.contactEmail}">${settings.privacy.contactEmail}</a> or call`);
  });

  it('terms: an estimate is a range, the quote validity, minimum charge and deposit from the settings, every plan’s cancellation', async () => {
    const html = await render(TermsPage);
    expectPageShell(html);
    const page = text(html);
    expect(page).toMatch(/rough range.*not a binding quote/);
    expect(page).toContain(`held for ${settings.quoteValidityDays} days`);
    expect(page).toContain(`no less than ${formatMoney(settings.minimumChargeCents, settings.currency, settings.locale)} before tax`);
    expect(page).toContain(`deposit of ${settings.depositPercent}% of the ${settings.depositBasis === 'midpoint' ? 'middle' : `${settings.depositBasis} end`} of the one-time range`);
    const plans = catalog.products.filter(isPlan);
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      expect(html).toContain(`href="/products/${plan.id}"`);
      expect(page).toContain(text(plan.specs.cancellation).trim());
    }
  });

  it('accessibility statement: the WCAG 2.2 AA target, how the site is tested and whom to contact', async () => {
    const html = await render(AccessibilityPage);
    expectPageShell(html);
    const page = text(html);
    expect(page).toContain('WCAG) 2.2 at level AA');
    for (const method of ['axe-core', 'keyboard-only journey', 'Lighthouse must score 100 for accessibility']) expect(page).toContain(method);
    expect(html).toContain(`href="mailto:${settings.accessibility.contactEmail}"`);
    expect(page).toContain(`within ${settings.accessibility.replyWithinBusinessDays} business days`);
  });
});
