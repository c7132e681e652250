import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

/**
 * axe-core against the page as it stands, with the WCAG 2.0–2.2 A and AA rules. The script is
 * evaluated through the DevTools protocol rather than added as a <script> element, so the site's
 * Content-Security-Policy (no inline scripts) neither blocks it nor has to be bypassed.
 */

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** One line per failing element: rule, impact, what to fix and where, ready to read in a test failure. */
export function describeViolations(violations: Result[]): string[] {
  return violations.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact}): ${v.help} — ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n\s*/g, ' ') ?? ''}\n    ${v.helpUrl}`),
  );
}

/** The WCAG violations on the page, described; empty when there are none. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // axe judges overlapping targets at the current scroll position, and the configurator's sticky
  // total passes over each control in turn as the page scrolls (keyboard focus is kept clear of it by
  // scroll padding). At the end of the page the bar rests in its own place and covers nothing.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate((tags) => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), wcagTags);
  return describeViolations(results.violations);
}

/** Fails with every violation listed when axe finds any; `where` names the page and its state. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await accessibilityViolations(page);
  if (violations.length > 0) throw new Error(`axe found ${violations.length} WCAG A/AA problem(s) on ${where} (${page.url()}):\n${violations.join('\n')}`);
}
