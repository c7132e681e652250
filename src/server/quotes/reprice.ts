import { estimate, type Estimate, type SiteEstimate } from '~/domain/estimate/estimate';
import type { Issue } from '~/domain/issues';
import type { Range } from '~/domain/money';
import { validateConfiguration, ConfigurationError, type PricingData, type SavedQuote } from './quote';

/**
 * What a quote would cost today. Once a quote's validity date has passed its page still shows the
 * frozen prices, and beside them this: the same configuration priced with today's catalog and
 * settings, and what changed, line by line and in total.
 */

export interface LineChange {
  site: string;
  label: string;
  /** Null when the line is new today. */
  before: Range | null;
  /** Null when the line is gone today (a product or a fee no longer applies). */
  after: Range | null;
}

export type Reprice =
  | {
      ok: true;
      estimate: Estimate;
      changes: LineChange[];
      oneTime: { before: Range; after: Range };
      monthlyCents: { before: number; after: number };
    }
  | { ok: false; issues: Issue[] };

interface Row {
  label: string;
  amount: Range;
}

/** Lines of a site keyed so the same product or fee matches across two estimates. */
function rows(site: SiteEstimate): Map<string, Row> {
  const map = new Map<string, Row>();
  for (const line of site.lines) {
    const key = `${line.kind}|${line.productId ?? line.system ?? line.label}`;
    const existing = map.get(key);
    // Two lines of one product (wired and wireless) are compared as one.
    map.set(key, existing ? { label: line.label, amount: add(existing.amount, line.amount) } : { label: line.label, amount: line.amount });
  }
  const topUp = { low: site.minimumTopUp.atLow, high: site.minimumTopUp.atHigh };
  if (topUp.high > 0 || topUp.low > 0) map.set('minimum', { label: 'Minimum charge top-up', amount: topUp });
  map.set('tax', { label: 'Tax', amount: site.tax });
  return map;
}

function add(a: Range, b: Range): Range {
  return { low: a.low + b.low, high: a.high + b.high };
}

const same = (a: Range, b: Range) => a.low === b.low && a.high === b.high;

export function compareEstimates(before: Estimate, after: Estimate): LineChange[] {
  const changes: LineChange[] = [];
  for (const old of before.sites) {
    const now = after.sites.find((s) => s.siteId === old.siteId);
    const oldRows = rows(old);
    const newRows = now ? rows(now) : new Map<string, Row>();
    for (const [key, row] of oldRows) {
      const current = newRows.get(key);
      if (!current) changes.push({ site: old.name, label: row.label, before: row.amount, after: null });
      else if (!same(row.amount, current.amount)) changes.push({ site: old.name, label: row.label, before: row.amount, after: current.amount });
    }
    for (const [key, row] of newRows) {
      if (!oldRows.has(key)) changes.push({ site: old.name, label: row.label, before: null, after: row.amount });
    }
  }
  return changes;
}

/** Prices the quote's configuration with today's data; explains why when the catalog no longer fits it. */
export function repriceToday(quote: SavedQuote, data: PricingData, today: string): Reprice {
  let configuration;
  try {
    configuration = validateConfiguration(quote.revision.configuration, data.catalog);
  } catch (error) {
    if (error instanceof ConfigurationError) return { ok: false, issues: error.issues };
    throw error;
  }
  // Monitoring terms start from the planned date when it is still ahead, else from today.
  const start = configuration.startDate && configuration.startDate > today ? configuration.startDate : undefined;
  const current = estimate({ ...configuration, startDate: start }, data, { today });
  const frozen = quote.revision.snapshot.estimate;
  return {
    ok: true,
    estimate: current,
    changes: compareEstimates(frozen, current),
    oneTime: { before: frozen.oneTime, after: current.oneTime },
    monthlyCents: { before: frozen.monthlyCents, after: current.monthlyCents },
  };
}
