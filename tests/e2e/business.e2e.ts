import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { devices, serverAndBrowser, visit } from './support/browser';
import { answerBusinessAssessment, fillAddress, fillBusiness, fillContact, openQuote, openRequestForm, parseRange, sendRequest, startFromRecommended, swapACamera, textOf, type SiteAnswers } from './support/steps';

/**
 * A business with two sites: several systems recommended per site, cameras compared (in the swap
 * dialog and on the comparison page), the work split into phases with a budget, one request for
 * both sites, and a quote whose headline is the roll-up of the sites.
 */

const run = serverAndBrowser();

const sites: SiteAnswers[] = [
  { name: 'Harbour Office', postalCode: '94107', area: { name: 'Front entrance', purpose: 'Identify a stranger’s face', distance: '12', outdoor: false } },
  // Distance left blank: the assessment takes the typical distance it shows.
  { name: 'Depot', postalCode: '94610', area: { name: 'Gate', purpose: 'Read license plates', distance: '', outdoor: true } },
];

/** Adds a phase from the phases form, with a budget when given. */
async function addPhase(page: Page, name: string, budget?: string): Promise<void> {
  const phases = page.getByRole('region', { name: 'Phases' });
  const index = (await phases.getByRole('listitem').count()) + 1;
  await phases.getByLabel('New phase name').fill(name);
  await phases.getByRole('button', { name: 'Add phase' }).click();
  await phases.getByLabel(`Phase ${index} name`).waitFor();
  if (budget) {
    // The budget applies when the field is left, as a person tabs on.
    await phases.getByRole('listitem').nth(index - 1).getByLabel('Budget').fill(budget);
    await phases.getByRole('listitem').nth(index - 1).getByLabel('Budget').press('Tab');
  }
}

/** Puts the first `count` lines of the site on view into a phase. */
async function assignLines(page: Page, count: number, phase: string): Promise<void> {
  const selects = page.getByRole('tabpanel').getByLabel('Phase', { exact: true });
  for (let i = 0; i < count; i++) await selects.nth(i).selectOption({ label: phase });
}

describe.concurrent.each(devices)('a business on a $name', (device) => {
  it('configures two sites, compares cameras, phases the work and gets a quote with the roll-up', async ({ expect }) => {
    const { page, dialogs, errors, context } = await visit(run.browser, run.server.url, device);

    await answerBusinessAssessment(page, 'Harbour Co-op', sites);
    await startFromRecommended(page);

    const tabs = page.getByRole('tablist', { name: 'Sites' }).getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(['All sites', 'Harbour Office', 'Depot']);
    const panel = page.getByRole('tabpanel');
    expect(await textOf(panel.getByRole('heading', { level: 2 }).first())).toBe('Harbour Office: equipment and services');
    // Several systems for the site, each with its own lines.
    for (const system of ['Security cameras', 'Intrusion alarm', 'Access control']) await panel.getByRole('region', { name: system }).waitFor();

    // Compare two cameras side by side and take the other one.
    const { to } = await swapACamera(page, panel);

    // The same comparison for every outdoor camera on its own page; the configuration waits in the browser.
    await page.goto('/compare/camera-outdoor');
    const table = page.getByRole('table', { name: 'Outdoor cameras side by side' });
    expect(await table.getByRole('columnheader').count()).toBeGreaterThanOrEqual(2);
    await expectAccessible(page, 'the outdoor camera comparison');
    await page.goBack();
    await panel.getByRole('heading', { level: 4, name: to, exact: true }).waitFor();

    await addPhase(page, 'Entrances first', '3000');
    await addPhase(page, 'Depot later');
    await assignLines(page, 3, '1: Entrances first');
    await page.getByRole('tab', { name: 'Depot' }).click();
    await panel.getByRole('heading', { level: 2, name: 'Depot: equipment and services' }).waitFor();
    await assignLines(page, 2, '2: Depot later');
    const phases = page.getByRole('region', { name: 'Phases' }).getByRole('listitem');
    await expect.poll(() => textOf(phases.nth(0))).toMatch(/\$[\d,]+ – \$[\d,]+ for 3 units\. (Within budget|May go over budget|Over budget) \(budget \$3,000\)/);
    await expect.poll(() => textOf(phases.nth(1))).toMatch(/for 2 units\. No budget set/);
    await expectAccessible(page, 'the configurator with phases');

    // The roll-up: each site and all of them together.
    await page.getByRole('tab', { name: 'All sites' }).click();
    await panel.getByRole('heading', { level: 2, name: 'All sites' }).waitFor();
    const bySite = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: 'On site' }) });
    expect(await bySite.getByRole('rowheader').allTextContents()).toEqual(['Harbour Office', 'Depot', 'All sites']);
    await expectAccessible(page, 'the configurator roll-up');

    await openRequestForm(page);
    const summary = await textOf(page.getByRole('region', { name: 'Your configuration' }));
    expect(summary).toMatch(/Harbour Office: \d+ items · estimate \$[\d,]+ – \$[\d,]+/);
    expect(summary).toMatch(/Depot: \d+ items · estimate \$[\d,]+ – \$[\d,]+/);
    await fillContact(page, { name: 'Grace Hopper', email: 'grace@example.com' });
    await fillBusiness(page, 'Harbour Traders');
    await fillAddress(page.getByRole('group', { name: 'Address of Harbour Office' }), { street: '1 Pier Road', city: 'Bayview', postalCode: '94107' });
    await fillAddress(page.getByRole('group', { name: 'Address of Depot' }), { street: '40 Yard Lane', city: 'Eastbay', postalCode: '94610' });
    await sendRequest(page);

    await openQuote(page, 'Grace');
    expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual(expect.arrayContaining(['Harbour Office', 'Depot']));
    // The headline is the sum of the sites' one-time totals, low and high (each shown to the dollar).
    const siteTotals = await Promise.all(
      sites.map(async (site) => parseRange(await textOf(page.getByRole('row', { name: new RegExp(`^One-time total for ${site.name}`) }).getByRole('cell')))),
    );
    const headline = parseRange(await textOf(page.getByRole('definition').first()));
    expect(Math.abs(headline.low - (siteTotals[0]!.low + siteTotals[1]!.low))).toBeLessThanOrEqual(100);
    expect(Math.abs(headline.high - (siteTotals[0]!.high + siteTotals[1]!.high))).toBeLessThanOrEqual(100);

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
