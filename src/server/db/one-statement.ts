import { getTableColumns, getTableName, type Table } from 'drizzle-orm';

/**
 * Several inserts run as one statement: every one but the last becomes a data-modifying CTE of the
 * last (`with s0 as (insert …), s1 as (insert …) insert …`). PostgreSQL runs each exactly once and
 * checks foreign keys when the whole statement ends, so rows may refer to rows inserted beside them.
 * One statement is one round trip and commits on its own, all or nothing, like a transaction.
 *
 * The text is written here from the tables' drizzle columns rather than by drizzle's insert builder:
 * a burst of submissions is a few thousand parameters, and the builder's per-value work was a
 * quarter of a submission's time on the server's thread, where it held up every other request.
 * Values go through each column's own `mapToDriverValue`, as drizzle sends them.
 */

/** Rows for one table; build with `rowsOf` so they are checked against the table's insert type. */
export interface TableRows {
  table: Table;
  rows: Record<string, unknown>[];
}

export const rowsOf = <T extends Table>(table: T, rows: T['$inferInsert'][]): TableRows => ({ table, rows });

/** SQL text with `$n` placeholders and the values they stand for, for the driver's own `query`. */
export interface Statement {
  text: string;
  params: unknown[];
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** One multi-row insert; columns no row sets are left out (their defaults apply), and `undefined` is `default`. */
function insertText({ table, rows }: TableRows, params: unknown[]): string {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => rows.some((row) => row[key] !== undefined));
  const values = rows.map((row) => {
    const cells = columns.map(([key, column]) => {
      const value = row[key];
      if (value === undefined) return 'default';
      if (value === null) return 'null';
      params.push(column.mapToDriverValue(value));
      return `$${params.length}`;
    });
    return `(${cells.join(', ')})`;
  });
  return `insert into ${quoted(getTableName(table))} (${columns.map(([, column]) => quoted(column.name)).join(', ')}) values ${values.join(', ')}`;
}

/** The inserts, in order, as one statement; tables given no rows are skipped. */
export function oneStatement(inserts: TableRows[]): Statement {
  const params: unknown[] = [];
  const texts = inserts.filter((insert) => insert.rows.length > 0).map((insert) => insertText(insert, params));
  const last = texts.pop();
  if (last === undefined) throw new Error('oneStatement needs at least one row');
  const before = texts.map((text, i) => `s${i} as (${text})`);
  return { text: before.length === 0 ? last : `with ${before.join(', ')} ${last}`, params };
}
