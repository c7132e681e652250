import type { Locator, Page } from 'playwright-core';

/**
 * Moving around with the keyboard only. `tabTo` presses Tab (or Shift+Tab, when the target comes
 * earlier in the page) until the target has focus, and then checks what a keyboard user needs of
 * it: a visible focus outline and a place on screen no other content covers (WCAG 2.4.7, 2.4.11).
 */

type Focus = 'focused' | 'before' | 'after';

async function whereIsFocus(target: Locator): Promise<Focus> {
  return target.evaluate((element) => {
    const active = document.activeElement;
    if (element === active) return 'focused';
    if (!active || active === document.body) return 'after';
    return active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
  });
}

/** Why the focused element fails a keyboard user, or null when it does not. */
function focusProblem(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const what = `${element.tagName.toLowerCase()} "${(element.textContent || (element as HTMLInputElement).labels?.[0]?.textContent || '').trim().slice(0, 60)}"`;
    const style = getComputedStyle(element);
    // A date field's calendar button has focus inside the browser's own shadow tree, ringed by the browser.
    const ownFocus = element.matches(':focus');
    if (ownFocus && (!element.matches(':focus-visible') || style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2)) return `${what} shows no focus outline`;
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    if (y < 0 || y > innerHeight || x < 0 || x > innerWidth) return `${what} has focus off screen`;
    const hit = document.elementFromPoint(x, y);
    const label = (element as HTMLInputElement).labels?.[0];
    if (hit && (element.contains(hit) || hit.contains(element) || label?.contains(hit))) return null;
    return `${what} has focus under ${hit?.outerHTML.slice(0, 120) ?? 'nothing'}`;
  });
}

/** Presses Tab or Shift+Tab until the target has focus; every stop on the way must show its focus, uncovered. */
export async function tabTo(page: Page, target: Locator, maxPresses = 250): Promise<void> {
  for (let presses = 0; ; presses++) {
    const focus = await whereIsFocus(target);
    if (focus === 'focused') break;
    if (presses === maxPresses) throw new Error(`${maxPresses} presses of Tab did not reach ${target}`);
    await page.keyboard.press(focus === 'after' ? 'Tab' : 'Shift+Tab');
    const problem = await focusProblem(page);
    if (problem) throw new Error(`Tabbing to ${target}: ${problem}`);
  }
}

/** Tabs to a control and presses a key on it: Enter for links and buttons, Space for checkboxes. */
export async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/** Tabs to a text field and types into it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}
