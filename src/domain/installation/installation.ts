import { z } from 'zod';
import type { Catalog } from '../catalog/catalog';
import type { Configuration } from '../configuration/configuration';
import { MAX_LINE_QUANTITY } from '../configuration/configuration';
import { termEndDate } from '../estimate/dates';
import type { Issue } from '../issues';
import { trimmedText, wholeNumber } from '../schema';

/**
 * What was actually fitted, recorded by staff when they mark a job installed: the install date and,
 * per site of the accepted revision, each line as fitted (its quantity, 0 when it was left out, and
 * the catalog product fitted instead when there was a substitute). Pure: the server stores it and
 * the customer's system page is built from it.
 */

export interface FittedLine {
  productId: string;
  quantity: number;
  /** The product the accepted revision had, when another of the same role was fitted instead. */
  substitutedFor?: string;
}

export interface FittedSite {
  siteId: string;
  lines: FittedLine[];
  planId?: string;
}

/** The "Mark installed" form, one entry per line of the accepted revision in site then line order. */
export const installationInputSchema = z.object({
  /** The day the work was finished, in the installer's calendar. */
  installedOn: z.iso.date({ error: 'Enter the day the installation was finished' }),
  lines: z.array(
    z.object({
      /** As fitted: 0 when the line was left out. */
      quantity: wholeNumber(0, MAX_LINE_QUANTITY, 'cannot be negative'),
      /** A catalog product of the same role fitted instead; empty when the one quoted was fitted. */
      substituteId: z.string().max(60).optional(),
    }),
  ),
  /** Anything the customer or the next technician should know. */
  note: z.optional(trimmedText(0, 1000)),
});
export type InstallationInput = z.infer<typeof installationInputSchema>;

/** Each accepted line in form order, with its site: the rows of the form and of `lines`. */
export function acceptedLines(configuration: Configuration): { siteId: string; productId: string; quantity: number }[] {
  return configuration.sites.flatMap((site) => site.lines.map((line) => ({ siteId: site.id, productId: line.productId, quantity: line.quantity })));
}

export type FittedOutcome = { ok: true; sites: FittedSite[] } | { ok: false; issues: Issue[] };

/** The sites as fitted from the form, or the fields that are wrong (a substitute of another role, a date after today). */
export function fittedSites(configuration: Configuration, input: InstallationInput, catalog: Catalog, today: string): FittedOutcome {
  const accepted = acceptedLines(configuration);
  const issues: Issue[] = [];
  if (input.installedOn > today) issues.push({ path: ['installedOn'], message: 'The installation date cannot be after today' });
  if (input.lines.length !== accepted.length) issues.push({ path: ['lines'], message: 'The lines changed since the form was shown; reload the page' });
  const fitted = accepted.map((line, i) => {
    const row = input.lines[i];
    const substitute = row?.substituteId ? catalog.get(row.substituteId) : undefined;
    const quoted = catalog.get(line.productId);
    if (row?.substituteId && (!substitute || (quoted && substitute.role !== quoted.role))) {
      issues.push({ path: ['lines', i, 'substituteId'], message: 'Choose a product of the same kind from the catalog' });
    }
    const swapped = substitute && substitute.id !== line.productId;
    return { siteId: line.siteId, line: { productId: swapped ? substitute.id : line.productId, quantity: row?.quantity ?? line.quantity, ...(swapped ? { substitutedFor: line.productId } : {}) } };
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    sites: configuration.sites.map((site) => ({
      siteId: site.id,
      lines: fitted.filter((f) => f.siteId === site.id && f.line.quantity > 0).map((f) => f.line),
      ...(site.planId ? { planId: site.planId } : {}),
    })),
  };
}

/** What differs from the accepted revision, in words for the timeline ("Left out: 1 × Glass-break detector"). */
export function fittedChanges(configuration: Configuration, sites: FittedSite[], nameOf: (id: string) => string): string[] {
  const fittedLines = sites.flatMap((site) => site.lines.map((line) => ({ siteId: site.siteId, line })));
  const changes: string[] = [];
  const used = new Set<(typeof fittedLines)[number]>();
  for (const line of acceptedLines(configuration)) {
    const match = fittedLines.find((f) => !used.has(f) && f.siteId === line.siteId && (f.line.substitutedFor ?? f.line.productId) === line.productId);
    if (!match) {
      changes.push(`Left out: ${line.quantity} × ${nameOf(line.productId)}`);
      continue;
    }
    used.add(match);
    if (match.line.substitutedFor) changes.push(`${nameOf(match.line.productId)} fitted instead of ${nameOf(line.productId)}`);
    if (match.line.quantity !== line.quantity) changes.push(`${nameOf(match.line.productId)}: ${match.line.quantity} fitted, ${line.quantity} quoted`);
  }
  return changes;
}

/** The last day a warranty of `years` covers, from the install date (the installer's calendar day); null without one. */
export function warrantyEndDate(installedOn: string, years: number): string | null {
  return years > 0 ? termEndDate(installedOn, years * 12) : null;
}
