import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';

/**
 * Several inserts run as one statement: every one but the last becomes a data-modifying CTE of the
 * last (`with s0 as (insert …), s1 as (insert …) insert …`). PostgreSQL runs each exactly once and
 * checks foreign keys when the whole statement ends, so rows may refer to rows inserted beside them.
 * One statement is one round trip and commits on its own, all or nothing, like a transaction.
 */
export function oneStatement(statements: SQLWrapper[]): SQL {
  const last = statements.at(-1);
  if (!last) throw new Error('oneStatement needs at least one statement');
  // Their SQL itself, not the statements: drizzle puts an embedded statement in parentheses, as a subquery.
  const before = statements.slice(0, -1).map((statement, i) => sql`${sql.raw(`s${i}`)} as (${statement.getSQL()})`);
  return before.length === 0 ? last.getSQL() : sql`with ${sql.join(before, sql`, `)} ${last.getSQL()}`;
}
