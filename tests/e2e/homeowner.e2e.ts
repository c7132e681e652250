import { describe, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { devices, serverAndBrowser, visit } from './support/browser';
import { answerHomeAssessment, escapeRegExp, estimateTotal, fillAddress, fillContact, openQuote, openRequestForm, sendRequest, startFromRecommended, swapACamera, textOf } from './support/steps';

/**
 * A homeowner from the first question to the saved quote: assessment, the recommended package,
 * a camera swapped for another, the installation request, its confirmation and the quote page,
 * which offers the three packages with the customer's changed one picked.
 */

const run = serverAndBrowser();

describe.concurrent.each(devices)('a homeowner on a $name', (device) => {
  it('answers the questions, tunes the recommended package and requests an installation', async ({ expect }) => {
    const { page, dialogs, errors, context } = await visit(run.browser, run.server.url, device);

    await answerHomeAssessment(page);
    await startFromRecommended(page);
    const before = await estimateTotal(page);
    const { from, to } = await swapACamera(page);
    expect(to).not.toBe(from);
    // The estimate follows the swap: the new camera is priced in the breakdown.
    const estimate = page.getByRole('complementary', { name: 'Your estimate' });
    await estimate.getByText(to, { exact: false }).first().waitFor();
    expect(await estimateTotal(page)).not.toBe(before);

    await openRequestForm(page);
    expect(await textOf(page.getByRole('region', { name: 'Your configuration' }))).toMatch(/Estimate for everything: \$[\d,]+ – \$[\d,]+ one-time/);
    // The ZIP code given in the assessment is already there.
    expect(await page.getByRole('group', { name: 'Address of Home' }).getByLabel('ZIP code').inputValue()).toBe('94107');
    await fillContact(page, { name: 'Ada Lovelace', email: 'ada@example.com' });
    await fillAddress(page.getByRole('group', { name: 'Address of Home' }), { street: '12 Analytical Way', city: 'Bayview', postalCode: '94107' });
    const reference = await sendRequest(page);
    expect(reference).toMatch(/^NG-/);

    await openQuote(page, 'Ada');
    // The quote holds what was configured: the swapped-in camera, not the one it replaced.
    const items = page.getByRole('region', { name: 'Items for Home' });
    await items.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(to)}`) }).waitFor();
    expect(await items.getByRole('rowheader', { name: new RegExp(`^${escapeRegExp(from)}`) }).count()).toBe(0);
    expect(await textOf(page.getByRole('definition').filter({ hasText: 'including' }).first())).toMatch(/\$[\d,]+ – \$[\d,]+ including/);
    // Started from the Recommended package: the quote offers all three, the customer's changed one picked.
    const options = page.getByRole('radio');
    await options.first().waitFor();
    expect(await options.evaluateAll((radios) => radios.map((radio) => radio.closest('label')?.textContent?.replace(/\s+/g, ' ').trim().split(',')[0]))).toEqual([
      'Recommended (as you changed it)',
      'Essential',
      'Complete',
    ]);
    expect(await page.getByRole('radio', { name: /^Recommended \(as you changed it\), version 1/ }).isChecked()).toBe(true);
    await expectAccessible(page, 'the quote page');

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
