import type { Locator, Page } from 'playwright-core';
import assert from 'node:assert/strict';
import { expectAccessible } from './axe';

/**
 * Steps the journeys share, done the way a person does them: by what the page says (roles, names,
 * labels), never by its markup. Each page a journey reaches is checked with axe once it has settled.
 * Journeys run concurrently, so these steps check with node's assert rather than vitest's expect.
 */

/** "$4,447 – $5,775": an estimate range as the site prints it. */
export const rangePattern = /^\$[\d,]+(\.\d\d)?\s*–\s*\$[\d,]+(\.\d\d)?$/;

export interface Contact {
  name: string;
  email: string;
}

export interface Address {
  street: string;
  city: string;
  postalCode: string;
}

/** Waits for something the page does in its own time (a store saving, an estimate recomputing). */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The text of an element, with runs of white space made single spaces. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Submits an assessment step and waits for the next one (or the results). */
export async function nextStep(page: Page, nextHeading: string | RegExp): Promise<void> {
  await page.getByRole('button', { name: /^(Next|See my options)$/ }).click();
  await page.getByRole('heading', { level: 2, name: nextHeading }).waitFor();
}

/** A homeowner comes in from the home page and answers the assessment: a house with 4 bedrooms, cameras on the driveway, front door and back yard. */
export async function answerHomeAssessment(page: Page): Promise<void> {
  await page.goto('/');
  await expectAccessible(page, 'the home page');
  await page.getByRole('main').getByRole('link', { name: 'Start an assessment' }).first().click();
  await page.waitForURL('**/assessment');
  await page.getByRole('button', { name: /^A home/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Your home' }).waitFor();
  await expectAccessible(page, 'the assessment, first home step');
  await page.getByRole('radio', { name: 'A house' }).check();
  await page.getByLabel('Bedrooms').fill('4');
  await page.getByLabel('ZIP code (optional)').fill('94107');
  await nextStep(page, 'Doors and windows');
  await page.getByLabel('Doors to the outside').fill('3');
  await nextStep(page, 'Heating and pets');
  await page.getByRole('radio', { name: 'Cats or small dogs (under 40 lb)' }).check();
  await nextStep(page, 'Outside');
  await page.getByRole('checkbox', { name: 'Back yard' }).check();
  await expectAccessible(page, 'the assessment, outside step');
  await nextStep(page, 'What you have');
  await nextStep(page, 'What matters to you');
  await page.getByRole('checkbox', { name: 'Record video evidence' }).check();
  await nextStep(page, 'Three ways to protect your home');
  await expectAccessible(page, 'the assessment results (home)');
}

/** On the results, the package that matches the budget leaning is the one marked; start from it. */
export async function startFromRecommended(page: Page): Promise<void> {
  const recommended = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Recommended' }) });
  assert.match(await textOf(recommended), /Matches your budget/);
  await recommended.getByRole('button', { name: 'Start from Recommended package' }).click();
  await page.waitForURL('**/configure');
  await estimateTotal(page);
  await expectAccessible(page, 'the configurator');
}

/** The configurator's headline estimate, once the island is live and the server has priced the latest change. */
export async function estimateTotal(page: Page): Promise<string> {
  const panel = page.getByRole('complementary', { name: 'Your estimate' });
  await page.locator('#estimate[aria-busy="false"]').waitFor();
  const total = panel.getByText(rangePattern).first();
  await total.waitFor();
  return textOf(total);
}

/** Swaps the first camera in view (not the doorbell) for the first alternative offered; returns the names before and after. */
export async function swapACamera(page: Page, scope: Locator = page.getByRole('main')): Promise<{ from: string; to: string }> {
  const cameras = scope.getByRole('region', { name: 'Security cameras' });
  const swap = cameras.getByRole('button', { name: /^Compare and swap .*camera/ }).first();
  const from = (await textOf(swap)).replace(/^Compare and swap /, '');
  await swap.click();
  const dialog = page.getByRole('dialog', { name: `Swap the ${from}` });
  await dialog.waitFor();
  assert.equal(await textOf(dialog.getByRole('columnheader').nth(1)), `Now: ${from}`);
  await expectAccessible(page, 'the configurator with the swap dialog open');
  const swapTo = dialog.getByRole('button', { name: /^Swap to the / });
  const to = (await textOf(swapTo)).replace(/^Swap to the /, '');
  assert.equal(await textOf(dialog.getByRole('columnheader').nth(2)), to);
  await swapTo.click();
  await dialog.waitFor({ state: 'hidden' });
  await cameras.getByRole('heading', { level: 4, name: to, exact: true }).waitFor();
  return { from, to };
}

/** Follows the configurator's request link and checks the request page received the configuration. */
export async function openRequestForm(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Request installation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Request an installation' }).waitFor();
  await page.getByRole('region', { name: 'Your configuration' }).waitFor();
  await expectAccessible(page, 'the request form');
}

export async function fillContact(page: Page, contact: Contact): Promise<void> {
  await page.getByLabel('Your name').fill(contact.name);
  await page.getByLabel('Email', { exact: true }).fill(contact.email);
}

export async function fillAddress(scope: Locator | Page, address: Address): Promise<void> {
  await scope.getByLabel('Street address').fill(address.street);
  await scope.getByLabel('Town or city').fill(address.city);
  await scope.getByLabel('ZIP code').fill(address.postalCode);
}

/** A business request's own part: the business name, a PO number, and a formal quote asked for. */
export async function fillBusiness(page: Page, company: string): Promise<void> {
  const group = page.getByRole('group', { name: 'Your business' });
  await group.getByLabel('Business name').fill(company);
  await group.getByLabel(/^PO number/).fill('PO-4471');
  await group.getByRole('radio', { name: /^Send me a formal quote/ }).check();
}

/** Agrees to be contacted, sends the form and reads the reference off the confirmation. */
export async function sendRequest(page: Page): Promise<string> {
  await page.getByRole('checkbox', { name: /^I agree that/ }).check();
  await page.getByRole('button', { name: 'Send request' }).click();
  return confirmation(page);
}

/** The confirmation page: its reference number, after checking it offers the quote. */
export async function confirmation(page: Page): Promise<string> {
  await page.getByRole('heading', { level: 1, name: 'We have your installation request' }).waitFor();
  const reference = await textOf(page.getByText(/^NG-[A-Z0-9]{6}$/));
  await page.getByRole('heading', { name: 'What happens next' }).waitFor();
  await expectAccessible(page, 'the request confirmation');
  return reference;
}

/** Opens the saved quote from the confirmation and returns its address. */
export async function openQuote(page: Page, firstName: string): Promise<string> {
  await page.getByRole('link', { name: 'See your quote' }).click();
  await page.getByRole('heading', { level: 1, name: `Quote for ${firstName}` }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/quote\/[A-Za-z0-9_-]{24}$/);
  await expectAccessible(page, 'the quote page');
  return page.url();
}

/** "$12,345 – $13,000" (or one amount) in cents. */
export function parseRange(text: string): { low: number; high: number } {
  const amounts = [...text.matchAll(/\$([\d,]+(?:\.\d\d)?)/g)].map((m) => Math.round(Number(m[1]!.replace(/,/g, '')) * 100));
  if (amounts.length === 0) throw new Error(`No amount in "${text}"`);
  return { low: amounts[0]!, high: amounts[1] ?? amounts[0]! };
}

export interface SiteAnswers {
  name: string;
  postalCode: string;
  area: { name: string; purpose: string; distance: string; outdoor: boolean };
}

/** A site's questions: numbered once there is more than one site. */
const siteBlock = (page: Page, index: number, name: string, count: number) =>
  page.getByRole('group', { name: count > 1 ? `Site ${index + 1}: ${name}` : name, exact: true });

/** A business answers the assessment for its sites, each with one area a camera should watch. */
export async function answerBusinessAssessment(page: Page, organisation: string, sites: SiteAnswers[]): Promise<void> {
  await page.goto('/assessment');
  await page.getByRole('button', { name: /^A business/ }).click();
  await page.getByRole('heading', { level: 2, name: 'Your business' }).waitFor();
  await page.getByLabel('Business name (optional)').fill(organisation);
  for (const system of ['Security cameras', 'Intrusion alarms', 'Access control']) await page.getByRole('checkbox', { name: system }).check();
  await nextStep(page, 'Your sites');
  for (const [i, site] of sites.entries()) {
    if (i > 0) await page.getByRole('button', { name: 'Add another site' }).click();
    await page.getByLabel('Site name').nth(i).fill(site.name);
    const block = siteBlock(page, i, site.name, i + 1);
    await block.getByLabel('ZIP code (optional)').fill(site.postalCode);
    await block.getByLabel('Doors to open with a card or phone').fill('2');
    await block.getByLabel('Staff').fill('12');
  }
  await expectAccessible(page, 'the assessment, business sites step');
  await nextStep(page, 'Areas to watch');
  for (const [i, site] of sites.entries()) {
    const block = siteBlock(page, i, site.name, sites.length);
    await block.getByRole('button', { name: 'Add an area to watch' }).click();
    await block.getByLabel('Area 1').fill(site.area.name);
    await block.getByLabel('The picture must let you').selectOption({ label: site.area.purpose });
    await block.getByLabel('Distance from the camera').fill(site.area.distance);
    if (site.area.outdoor) await block.getByRole('radio', { name: 'Outdoors' }).check();
  }
  await expectAccessible(page, 'the assessment, areas to watch');
  await nextStep(page, 'Requirements and existing systems');
  await nextStep(page, 'Budget');
  await nextStep(page, 'Three ways to protect your business');
  await expectAccessible(page, 'the assessment results (business)');
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
