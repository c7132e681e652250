import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from '~/domain/configuration/configuration';
import { estimate } from '~/domain/estimate/estimate';
import { validate } from '~/domain/issues';
import { packageTiers, type PackageTier } from '~/domain/recommend/tiers';
import { requestSchemasFor, type CustomerRequest } from '~/domain/requests/request';
import { offerOf } from '~/server/quotes/options';
import { getQuoteById } from '~/server/quotes/store';
import { submitRequest } from '~/server/requests/submit';
import { assessmentPackages, installationRequest, loadData, productFor } from '../helpers/configuration';
import { installerDay } from '../helpers/data-files';
import { backends, type TestDatabase } from '../helpers/db';

/**
 * A homeowner's request whose configuration started from one of the assessment's packages: the
 * quote offers the three packages, the customer's own configuration first, every one priced by the
 * server from the catalog whatever the request says about prices. Stored on PGlite and read back.
 */

const data = loadData();
const today = installerDay();
const mail = { settings: data.settings, installerEmail: 'installer@example.com', siteUrl: 'https://quotes.example.com' };
const schema = requestSchemasFor(data.catalog, today).request;
const postalCode = '94100';
const atAddress = (config: Configuration): Configuration => ({ ...config, sites: config.sites.map((site) => ({ ...site, conditions: { ...site.conditions, postalCode } })) });

/** A package with prices and totals stuck on, as a tampering client would send: the schema drops them. */
const withClaimedPrices = (config: Configuration) => ({
  ...config,
  totalCents: 1,
  sites: config.sites.map((site) => ({ ...site, priceCents: 1, lines: site.lines.map((line) => ({ ...line, priceCents: 1, unitPriceCents: 1 })) })),
});

/** The customer's change: one more outdoor camera. */
function changed(config: Configuration): Configuration {
  const [site, ...rest] = config.sites;
  return { ...config, sites: [{ ...site!, lines: [...site!.lines, { productId: productFor('camera-outdoor').id, quantity: 1, reused: 0 }] }, ...rest] };
}

function requestWith(configuration: Configuration, packages?: unknown) {
  return installationRequest({ configuration, ...(packages ? { packages } : {}), addresses: [{ siteId: configuration.sites[0]!.id, line1: '12 Analytical Way', city: 'Bayview', region: 'CA', postalCode }] });
}

let database: TestDatabase;
let keys = 0;

async function quoteOf(body: unknown) {
  const valid = validate(schema, body);
  if (!valid.ok) throw new Error(`Invalid: ${JSON.stringify(valid.issues)}`);
  const stored = await submitRequest(database.db, valid.value as CustomerRequest, { idempotencyKey: `key-request-packages-${++keys}`, data, mail });
  // Read back from the database: what the quote page and acceptance will read.
  const quote = await getQuoteById(database.db, stored.quote!.id);
  return quote!;
}

beforeAll(async () => {
  database = await backends[0]!.open();
}, 60_000);
afterAll(async () => {
  await database?.dispose();
});

describe('a request carrying the assessment’s packages', { timeout: 60_000 }, () => {
  it.each(packageTiers)('offers the three packages, the customer’s changed %s package first, each priced by the server', async (tier: PackageTier) => {
    const offered = assessmentPackages(tier);
    const configuration = changed(offered[tier]);
    const quote = await quoteOf(requestWith(configuration, { tier, offered: Object.fromEntries(packageTiers.map((t) => [t, withClaimedPrices(offered[t])])) }));
    const { snapshot } = quote.revision;
    expect(snapshot.primary?.id).toBe(tier);
    expect(snapshot.primary?.name).toMatch(/\(as you changed it\)$/);
    expect(snapshot.estimate).toEqual(estimate(atAddress(configuration), data, { today }));
    const others = packageTiers.filter((t) => t !== tier);
    expect(snapshot.alternatives?.map((a) => a.id)).toEqual(others);
    for (const alternative of snapshot.alternatives ?? []) {
      expect(alternative.estimate, alternative.id).toEqual(estimate(atAddress(offered[alternative.id as PackageTier]), data, { today }));
      expect(JSON.stringify(alternative.configuration)).not.toContain('priceCents');
    }
    expect(offerOf(snapshot).alternatives.map((a) => a.id)).toEqual([tier, ...others]);
  });

  it('names the customer’s package plainly when they did not change it', async () => {
    const offered = assessmentPackages('essential');
    const quote = await quoteOf(requestWith(offered.essential, { tier: 'essential', offered }));
    expect(offerOf(quote.revision.snapshot).alternatives.map((a) => a.name)).toEqual(['Essential', 'Recommended', 'Complete']);
  });

  it('refuses a package that is not in the catalog, naming the field', () => {
    const offered = assessmentPackages();
    const broken = { ...offered.complete, sites: [{ ...offered.complete.sites[0]!, lines: [{ productId: 'no-such-product', quantity: 1 }] }] };
    const result = validate(schema, requestWith(offered.recommended, { tier: 'recommended', offered: { ...offered, complete: broken } }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path.join('.'))).toContain('packages.offered.complete.sites.0.lines.0.productId');
  });

  it('refuses packages for other sites than the configuration, and packages without a configuration', () => {
    const offered = assessmentPackages();
    const elsewhere = { ...offered.essential, sites: [{ ...offered.essential.sites[0]!, id: 'cabin' }] };
    const result = validate(schema, requestWith(offered.recommended, { tier: 'recommended', offered: { ...offered, essential: elsewhere } }));
    expect(result.ok ? [] : result.issues).toEqual([{ path: ['packages', 'offered', 'essential', 'sites'], message: 'The Essential package has other sites than your configuration' }]);
    const bare = validate(schema, { ...installationRequest({ packages: { tier: 'recommended', offered } }), configuration: undefined });
    expect(bare.ok ? [] : bare.issues.map((i) => i.path.join('.'))).toEqual(['packages']);
  });

  it('keeps a request without packages a single-option quote', async () => {
    const quote = await quoteOf(requestWith(assessmentPackages().recommended));
    expect(quote.revision.snapshot.primary).toBeUndefined();
    expect(quote.revision.snapshot.alternatives).toBeUndefined();
    expect(offerOf(quote.revision.snapshot).alternatives.map((a) => a.name)).toEqual(['This quote']);
  });
});
