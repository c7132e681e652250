import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { expectAccessible } from './support/axe';
import { desktop, serverAndBrowser, visit, type Device } from './support/browser';
import { activate, tabTo, typeInto } from './support/keyboard';
import { textOf, until } from './support/steps';

/**
 * The whole homeowner journey, from the home page, with the keyboard alone: Tab and Shift+Tab to move, Enter and Space
 * to act, arrow keys inside radio groups. No click, no tap. On a tablet-sized window as well, where
 * the configurator's estimate sticks to the bottom of the screen and must never hide the focus.
 */

const run = serverAndBrowser();

const tablet: Device = { name: 'tablet with a keyboard', options: { viewport: { width: 820, height: 1000 } } };

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim());

/** Each step moves focus to its heading, so a screen reader starts reading there. */
async function focusedHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 2, name }).waitFor();
  await until(`focus to move to the heading "${name}"`, async () => (await focusedText(page)) === name);
}

async function answerWithKeyboard(page: Page): Promise<void> {
  await page.goto('/');
  // The first Tab offers the skip link, which takes focus past the site navigation.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to main content');
  await page.keyboard.press('Enter');
  await activate(page, page.getByRole('main').getByRole('link', { name: 'Start an assessment' }).first());
  await page.waitForURL('**/assessment');
  await activate(page, page.getByRole('button', { name: /^A home/ }));
  await focusedHeading(page, 'Your home');

  // In a radio group Tab reaches the chosen option and the arrow keys change it.
  const propertyType = page.getByRole('group', { name: 'What kind of home is it?' });
  await tabTo(page, propertyType.getByRole('radio', { name: 'Not sure' }));
  await page.keyboard.press('ArrowDown');
  assert.ok(await propertyType.getByRole('radio', { name: 'A house' }).isChecked(), 'ArrowDown from the last option wraps to the first');
  await typeInto(page, page.getByLabel('Bedrooms'), '4');
  await activate(page, page.getByRole('button', { name: 'Next' }));
  await focusedHeading(page, 'Doors and windows');
  await activate(page, page.getByRole('button', { name: 'Next' }));
  await focusedHeading(page, 'Heating and pets');
  await activate(page, page.getByRole('button', { name: 'Next' }));
  await focusedHeading(page, 'Outside');
  await activate(page, page.getByRole('checkbox', { name: 'Back yard' }), 'Space');
  assert.ok(await page.getByRole('checkbox', { name: 'Back yard' }).isChecked());
  await activate(page, page.getByRole('button', { name: 'Next' }));
  await focusedHeading(page, 'What you have');
  await activate(page, page.getByRole('button', { name: 'Next' }));
  await focusedHeading(page, 'What matters to you');
  await activate(page, page.getByRole('button', { name: 'See my options' }));
  await focusedHeading(page, 'Three ways to protect your home');
}

async function swapWithKeyboard(page: Page): Promise<string> {
  const swap = page.getByRole('region', { name: 'Security cameras' }).getByRole('button', { name: /^Compare and swap .*camera/ }).first();
  const from = (await textOf(swap)).replace(/^Compare and swap /, '');
  await activate(page, swap);
  const dialog = page.getByRole('dialog', { name: `Swap the ${from}` });
  await dialog.waitFor();
  const options = dialog.getByRole('radio');
  await until('the dialog to focus its first option', () => options.first().evaluate((radio) => radio === document.activeElement));
  if ((await options.count()) > 1) {
    await page.keyboard.press('ArrowDown');
    assert.ok(await options.nth(1).isChecked(), 'ArrowDown chooses the next product to compare');
  }
  const swapTo = dialog.getByRole('button', { name: /^Swap to the / });
  const to = (await textOf(swapTo)).replace(/^Swap to the /, '');
  assert.notEqual(to, from);
  await activate(page, swapTo);
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('heading', { level: 4, name: to, exact: true }).waitFor();
  await until('focus to land on the product swapped in', async () => (await focusedText(page)) === to);
  return to;
}

async function requestWithKeyboard(page: Page): Promise<void> {
  await activate(page, page.getByRole('link', { name: 'Request installation' }));
  await page.getByRole('heading', { level: 1, name: 'Request an installation' }).waitFor();
  await typeInto(page, page.getByLabel('Your name'), 'Alan Turing');
  await typeInto(page, page.getByLabel('Email', { exact: true }), 'alan@example.com');
  await typeInto(page, page.getByLabel('Street address'), '2 Bletchley Lane');
  await typeInto(page, page.getByLabel('Town or city'), 'Bayview');
  await typeInto(page, page.getByLabel('ZIP code'), '94107');
  // Back up (Shift+Tab) to add a phone number after all.
  await typeInto(page, page.getByLabel('Phone (optional)'), '555 010 2000');
  await activate(page, page.getByRole('checkbox', { name: /^I agree that/ }), 'Space');
  await activate(page, page.getByRole('button', { name: 'Send request' }));
  await page.getByRole('heading', { level: 1, name: 'We have your installation request' }).waitFor();
}

describe.concurrent.each([desktop, tablet])('a homeowner using only the keyboard on a $name', (device) => {
  it('goes from the first question to the saved quote', async ({ expect }) => {
    const { page, context, dialogs, errors } = await visit(run.browser, run.server.url, device);

    await answerWithKeyboard(page);
    await activate(page, page.getByRole('button', { name: 'Start from Recommended package' }));
    await page.waitForURL('**/configure');
    const to = await swapWithKeyboard(page);
    await requestWithKeyboard(page);
    await activate(page, page.getByRole('link', { name: 'See your quote' }));
    await page.getByRole('heading', { level: 1, name: 'Quote for Alan' }).waitFor();
    expect(await textOf(page.getByRole('region', { name: 'Items for Home' }))).toContain(to);
    await expectAccessible(page, 'the quote page, reached by keyboard');

    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
