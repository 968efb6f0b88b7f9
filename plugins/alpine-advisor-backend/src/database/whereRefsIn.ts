import type { Knex } from 'knex';

/**
 * `query.whereIn(column, refs)` for a page of entity refs (up to 500).
 *
 * On PostgreSQL the refs go as one array parameter (`= any(?)`): with one
 * placeholder per ref, knex renumbers 500 of them in the SQL text and the
 * server parses and binds each, for every page of every sweep. The index on
 * the column serves both forms alike.
 */
export function whereRefsIn(
  query: Knex.QueryBuilder,
  column: string,
  refs: readonly string[],
): Knex.QueryBuilder {
  if (String(query.client.config.client) === 'pg') {
    return query.whereRaw('?? = any(?::text[])', [column, [...refs]]);
  }
  return query.whereIn(column, refs);
}
