import { describe, expect, it } from 'vitest';
import { runChecks } from '~/domain/checks';
import type { Configuration } from '~/domain/configuration/configuration';
import { addDays } from '~/domain/estimate/dates';
import { phaseTotals } from '~/domain/estimate/phases';
import { formatMoney, formatRange, type Range } from '~/domain/money';
import type { Address, PreferredWindow } from '~/domain/requests/request';
import { escapeHtml, formatAddress, formatWindows } from '~/server/mail/templates';
import { homeConfiguration, homeSite, installationRequest, loadData, twoSiteConfiguration } from '../helpers/configuration';
import { installerDay } from '../helpers/data-files';
import { serverForFile } from '../helpers/server';

/**
 * Everything a customer gives with an installation request reaches the saved quote: company, each
 * site's address, the request reference, the preferred visit times, the phases with their budgets,
 * the all-sites roll-up, and every check that did not pass. Over both audiences, with one site and
 * with several, phased and not, and over both kinds of request (a service request has no quote).
 */

const run = serverForFile();
const data = loadData();
const today = installerDay();
const { currency, locale } = data.settings;
const amount = (range: Range) => (range.low === range.high ? formatMoney(range.low, currency, locale) : formatRange(range, currency, locale));

interface Case {
  name: string;
  configuration: Configuration;
  company?: string;
  windows: PreferredWindow[];
}

const address = (siteId: string, i: number): Address => ({ siteId, line1: `${10 + i} Harbor Street`, line2: i % 2 ? `Unit ${i}` : undefined, city: 'Bayview', region: 'CA', postalCode: '94100' });

/** A home whose smoke alarms are too few for its bedrooms: a check that does not pass. */
const shortOfAlarms = (): Configuration => ({ ...homeConfiguration(), sites: [homeSite({ conditions: { ...homeSite().conditions, bedrooms: 6 } })] });

function phased(): Configuration {
  const config = twoSiteConfiguration();
  config.phases = [
    { name: 'Shop first', budgetCents: 400_000 },
    { name: 'Warehouse later', budgetCents: 0 },
  ];
  config.sites[0]!.lines.forEach((line) => (line.phase = 1));
  // One line left out of every phase: the quote lists it too.
  config.sites[1]!.lines.slice(1).forEach((line) => (line.phase = 2));
  return config;
}

const cases: Case[] = [
  { name: 'a home, one site, checks short of alarms', configuration: shortOfAlarms(), windows: [{ date: addDays(today, 4), part: 'afternoon' }] },
  { name: 'a home with no visit times given', configuration: homeConfiguration(), windows: [] },
  { name: 'a business with two sites', configuration: twoSiteConfiguration(), company: 'Harbor Co-op & Sons', windows: [{ date: addDays(today, 3), part: 'morning' }, { date: addDays(today, 9), part: 'afternoon' }] },
  { name: 'a business with two sites in phases with budgets', configuration: phased(), company: 'Depot Traders', windows: [{ date: addDays(today, 5), part: 'morning' }] },
];

async function submit(body: unknown): Promise<{ reference: string; quote: { id: string } | null }> {
  const response = await fetch(`${run.server.url}/api/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(201);
  return (await response.json()) as { reference: string; quote: { id: string } | null };
}

describe('the quote of an installation request', { timeout: 60_000 }, () => {
  it.each(cases)('shows everything the customer gave: $name', async ({ configuration, company, windows }) => {
    const addresses = configuration.sites.map((site, i) => address(site.id, i));
    const nextStep = configuration.audience === 'business' ? 'formal-quote' : undefined;
    const { reference, quote } = await submit(installationRequest({ configuration, company, nextStep, addresses, windows }));
    const html = await (await fetch(`${run.server.url}/quote/${quote!.id}`)).text();
    const shows = (text: string, what: string) => expect(html, what).toContain(escapeHtml(text));

    shows(reference, 'the reference');
    if (company) shows(company, 'the company');
    for (const a of addresses) shows(formatAddress(a), `the address ${a.line1}`);
    for (const window of formatWindows(windows, locale)) shows(window, 'a visit time');

    // The test server prices with the same data files.
    const phases = phaseTotals(configuration, data, { today });
    expect(phases.length > 0).toBe(configuration.phases.length > 0);
    for (const phase of phases) {
      shows(phase.name, `phase ${phase.name}`);
      shows(amount(phase.oneTime), `the total of phase ${phase.name}`);
      if (phase.budgetCents > 0) shows(formatMoney(phase.budgetCents, currency, locale), `the budget of phase ${phase.name}`);
    }
    if (configuration.sites.length > 1) expect(html).toMatch(new RegExp(`All ${configuration.sites.length} sites, one time`));

    const failing = runChecks(configuration, data).filter((check) => check.status !== 'pass');
    for (const check of failing) {
      shows(check.title, `the check "${check.title}"`);
      shows(check.detail, `the detail of "${check.title}"`);
    }
    if (failing.length > 0) expect(html).toContain(`${failing.length === 1 ? 'One check' : `${failing.length} checks`} did not pass.`);
  });

  it('has a check that does not pass in the cases above, so the checks part is exercised', () => {
    expect(runChecks(shortOfAlarms(), data).some((check) => check.status !== 'pass')).toBe(true);
  });

  it('is not made for a service request, which has no configuration', async () => {
    const { quote } = await submit({
      kind: 'service',
      contact: { name: 'Grace Hopper', email: 'grace@example.com' },
      address: address('home', 0),
      system: 'fire',
      problem: 'The smoke alarm chirps every minute.',
      urgency: 'soon',
      consent: true,
    });
    expect(quote).toBeNull();
  });
});
