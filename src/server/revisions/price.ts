import { configurationSchemaFor, type Configuration } from '~/domain/configuration/configuration';
import { estimate, type Estimate } from '~/domain/estimate/estimate';
import { validate, type Issue } from '~/domain/issues';
import { evaluateDiscounts, type DiscountEvaluation } from '~/domain/quote-revisions/discounts';
import { discountableLines, revisionContent } from '~/domain/quote-revisions/revision';
import { adjustEstimate, staffChangesSchema, withCustomLines, type StaffChanges } from '~/domain/quote-revisions/staff-changes';
import type { SiteData } from '~/domain/site-data';
import type { StaffRole } from '~/domain/staff/roles';

/**
 * A draft priced by the server: the configuration checked against today's catalog and priced, the
 * custom lines added and the discounts checked against the editor's role and the margin floor. This
 * is the one way a draft's figures are made (the builder's page, saving and sending all call it),
 * so nothing a client sent beyond products, quantities, custom lines and discounts is ever used.
 */

/** A draft as stored: what staff chose, never its figures. */
export interface Draft {
  configuration: Configuration;
  changes: StaffChanges;
}

/** Which form field each part of a draft came from, so issues name the field (see form.ts). */
export interface DraftFields {
  /** Per site, per line of the edited configuration: the row's field prefix. */
  lines: string[][];
  customLines: string[];
  /** Per discount line: its value field. */
  discounts: string[];
}

export interface DraftInput {
  configuration: unknown;
  changes: unknown;
  fields?: DraftFields;
}

export type PricedDraft =
  | { ok: true; draft: Draft; estimate: Estimate; evaluation: Exclude<DiscountEvaluation, { status: 'invalid' }> }
  | { ok: false; issues: Issue[] };

function fieldName(path: Issue['path'], fields: DraftFields | undefined, area: 'configuration' | 'changes' | 'discounts'): string {
  const [head, index, ...rest] = path;
  const mapped = (() => {
    if (!fields) return undefined;
    if (area === 'configuration' && head === 'sites' && rest[0] === 'lines') {
      const prefix = fields.lines[Number(index)]?.[Number(rest[1])];
      const field = rest[2] === 'reused' ? 'quantity' : rest[2];
      return prefix && field !== undefined ? `${prefix}.${field}` : undefined;
    }
    if (area === 'changes' && head === 'customLines') {
      const prefix = fields.customLines[Number(index)];
      return prefix ? [prefix, ...rest].join('.') : undefined;
    }
    if (area === 'changes' && head === 'discounts') return fieldName([index!, ...rest], fields, 'discounts');
    if (area === 'discounts' && head === 'lines') return fields.discounts[Number(index)];
    if (area === 'discounts' && head === 'quote') return 'quoteDiscount.value';
    return undefined;
  })();
  return mapped ?? (area === 'discounts' ? ['discounts', ...path] : path).join('.');
}

const named = (issues: Issue[], fields: DraftFields | undefined, area: 'configuration' | 'changes' | 'discounts'): Issue[] =>
  issues.map((issue) => ({ path: [fieldName(issue.path, fields, area)], message: issue.message }));

/** Prices `input` for `role` today; every issue (configuration, custom lines, discounts) at once. */
export function priceDraft(input: DraftInput, role: StaffRole, data: SiteData, today: string): PricedDraft {
  const configuration = validate(configurationSchemaFor(data.catalog), input.configuration);
  const changes = validate(staffChangesSchema, input.changes);
  const issues = [...(configuration.ok ? [] : named(configuration.issues, input.fields, 'configuration')), ...(changes.ok ? [] : named(changes.issues, input.fields, 'changes'))];
  if (!configuration.ok || !changes.ok) return { ok: false, issues };
  const siteIds = new Set(configuration.value.sites.map((site) => site.id));
  changes.value.customLines.forEach((line, n) => {
    if (!siteIds.has(line.siteId)) issues.push({ path: [fieldName(['customLines', n, 'siteId'], input.fields, 'changes')], message: 'choose a site of this quote' });
  });
  if (issues.length > 0) return { ok: false, issues };
  const base = estimate(configuration.value, data, { today });
  const lines = discountableLines(revisionContent({ estimate: withCustomLines(base, changes.value.customLines) }));
  const evaluation = evaluateDiscounts(lines, changes.value.discounts, role, data.settings);
  if (evaluation.status === 'invalid') return { ok: false, issues: named(evaluation.issues, input.fields, 'discounts') };
  return { ok: true, draft: { configuration: configuration.value, changes: changes.value }, estimate: adjustEstimate(base, changes.value, data.settings), evaluation };
}
