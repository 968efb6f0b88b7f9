import { Knex } from 'knex';
import type { EntityVisibility } from './ReportStore';

/**
 * Up to this many refs are bound one parameter each (`in (?, ?, …)`), which
 * the planners handle best for small sets; beyond, the whole list travels
 * as one array parameter. Conditional catalog decisions can leave tens of
 * thousands of visible entities, past SQLite's 32,766 and PostgreSQL's
 * 65,535 bind parameters per statement.
 */
const INLINE_REFS = 1_000;

/**
 * Whether the caller's visible set travels as one array parameter, which
 * every statement expands anew: readers of many rows should then read them
 * in fewer, larger statements.
 */
export function isLargeVisibleSet(visibility: EntityVisibility): boolean {
  return !visibility.all && visibility.entityRefs.length > INLINE_REFS;
}

/**
 * Narrows a query over `entities e` to the entities the caller may see.
 * Large sets are matched with an uncorrelated `in (select …)` over one JSON
 * array parameter: each database expands it once and builds a hash
 * (PostgreSQL) or an ephemeral index (SQLite) of the set, whatever its size.
 */
export function whereVisible(
  db: Knex,
  query: Knex.QueryBuilder,
  visibility: EntityVisibility,
): Knex.QueryBuilder {
  if (visibility.all) {
    return query;
  }
  const refs = visibility.entityRefs;
  if (refs.length === 0) {
    return query.whereRaw('1 = 0');
  }
  if (!isLargeVisibleSet(visibility)) {
    return query.whereIn('e.entity_ref', refs);
  }
  const client = String(db.client.config.client);
  const set = JSON.stringify(refs);
  if (client === 'pg') {
    return query.whereRaw(
      'e.entity_ref in (select json_array_elements_text(?::json))',
      [set],
    );
  }
  if (client.includes('sqlite')) {
    return query.whereRaw('e.entity_ref in (select value from json_each(?))', [
      set,
    ]);
  }
  // The plugin is built and tested for PostgreSQL and SQLite.
  return query.whereIn('e.entity_ref', refs);
}
