import { describe, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { devices, serverAndBrowser, visit } from './support/browser';
import { answerBusinessAssessment, fillAddress, fillBusiness, fillContact, openRequestForm, sendRequest, startFromRecommended } from './support/steps';

/**
 * Text a customer typed comes back as text wherever it is shown: in the configurator, in the form
 * shown again with its errors, and on the saved quote. Markup in it is printed, never run.
 */

const run = serverAndBrowser();

const siteName = '<img src=x onerror=alert(1)>Corner Shop';
const contactName = '<script>alert(2)</script>Mallory Example';
const notes = 'Gate code <b>1234</b> & "side door" </textarea><script>alert(3)</script><img src=x onerror=alert(4)>';

describe.concurrent.each(devices)('markup typed by a customer on a $name', (device) => {
  it('is shown as the text it is and never runs', async ({ expect }) => {
    const { page, context, dialogs, errors } = await visit(run.browser, run.server.url, device);

    await answerBusinessAssessment(page, '<script>alert(5)</script>', [{ name: siteName, postalCode: '94107', area: { name: '<i>Till</i>', purpose: 'Identify a stranger’s face', distance: '3', outdoor: false } }]);
    await startFromRecommended(page);
    await page.getByRole('tab', { name: siteName, exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: `${siteName}: equipment and services`, exact: true }).waitFor();

    await openRequestForm(page);
    // Sent without an email address first: the form comes back with the error and everything typed.
    await page.getByLabel('Your name').fill(contactName);
    await fillBusiness(page, '<b>Bold</b> Traders');
    await fillAddress(page.getByRole('group', { name: `Address of ${siteName}`, exact: true }), { street: '<u>9</u> Market St', city: 'Bayview', postalCode: '94107' });
    await page.getByLabel(/^Notes/).fill(notes);
    await page.getByRole('checkbox', { name: /^I agree that/ }).check();
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('heading', { level: 2, name: 'Please check these fields' }).waitFor();
    expect(await page.getByLabel('Your name').inputValue()).toBe(contactName);
    expect(await page.getByLabel(/^Notes/).inputValue()).toBe(notes);
    expect(await page.getByLabel('Street address').inputValue()).toBe('<u>9</u> Market St');
    await expectAccessible(page, 'the request form shown again with an error');

    await fillContact(page, { name: contactName, email: 'mallory@example.com' });
    await sendRequest(page);
    await page.getByRole('link', { name: 'See your quote' }).click();
    // The quote keeps the first word of the name, markup and all, as text.
    await page.getByRole('heading', { level: 1, name: 'Quote for <script>alert(2)</script>Mallory', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: siteName, exact: true }).waitFor();
    await expectAccessible(page, 'the quote page for typed markup');

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
