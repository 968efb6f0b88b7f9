import type { ReportFilter } from '@alpine-advisor/backstage-plugin-common';
import { Knex } from 'knex';
import type { EntityVisibility, ReportTerms } from './ReportStore';
import { whereVisible } from './visibleEntities';

/**
 * SQL condition (on the `entities` table aliased `e`) for "meets the
 * compliance policy" (in the report service's terms), shared by the
 * filter and the report's counts.
 */
export function compliantCondition(db: Knex, terms: ReportTerms): Knex.Raw {
  const grades = terms.compliantGrades;
  const gradeList = grades.map(() => '?').join(', ');
  const musl = terms.allowMuslErrors ? '' : ' and e.musl_error_count = 0';
  return db.raw(`(e.score is not null and e.grade in (${gradeList})${musl})`, [
    ...grades,
  ]);
}

/**
 * Narrows a query over `entities e` to the entities the caller may see and
 * that match the report filter. Opted-out entities are only listed when a
 * status filter asks for them.
 */
export function applyReportFilter(
  db: Knex,
  query: Knex.QueryBuilder,
  filter: ReportFilter,
  visibility: EntityVisibility,
  terms: ReportTerms,
): Knex.QueryBuilder {
  whereVisible(db, query, visibility);

  const refColumns = {
    owner: 'e.owner',
    system: 'e.system',
    domain: 'e.domain',
  } as const;
  for (const [key, column] of Object.entries(refColumns)) {
    const values = filter[key as keyof typeof refColumns];
    if (values?.length) {
      query.whereIn(column, values.map(lowerCase));
    }
  }
  if (filter.lifecycle?.length) {
    query.whereIn('e.lifecycle', filter.lifecycle);
  }
  if (filter.kind?.length) {
    query.whereIn('e.kind', filter.kind.map(lowerCase));
  }
  if (filter.grade?.length) {
    query.whereIn('e.grade', filter.grade);
  }
  if (filter.status?.length) {
    query.whereIn('e.status', filter.status);
  } else {
    query.whereNot('e.status', 'disabled');
  }
  if (filter.stale !== undefined) {
    query.where('e.stale', filter.stale);
  }
  if (filter.suppressed !== undefined) {
    const silenced =
      '(e.suppressed_config_count + e.suppressed_comment_count + e.waived_count)';
    query.whereRaw(`${silenced} ${filter.suppressed ? '>' : '='} 0`);
  }
  if (filter.compliant !== undefined) {
    const condition = compliantCondition(db, terms);
    if (filter.compliant) {
      query.whereRaw(condition);
    } else {
      query.whereRaw('not ?', [condition]);
    }
  }
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search.toLocaleLowerCase('en-US'))}%`;
    query.where(inner =>
      inner
        .whereRaw(`lower(e.name) like ? escape '\\'`, [pattern])
        .orWhereRaw(`lower(e.title) like ? escape '\\'`, [pattern]),
    );
  }
  if (hasFindingFilter(filter)) {
    // An uncorrelated IN: computed once (hashed by PostgreSQL, an ephemeral
    // index in SQLite), where a correlated EXISTS made SQLite scan the whole
    // category index once per entity.
    query.whereIn('e.entity_ref', entitiesWithFindings(db, filter));
  }
  return query;
}

export function hasFindingFilter(filter: ReportFilter): boolean {
  return Boolean(
    filter.category?.length || filter.rule?.length || filter.severity?.length,
  );
}

/** Entities with at least one finding matching the category, rule and severity filters together. */
function entitiesWithFindings(
  db: Knex,
  filter: ReportFilter,
): Knex.QueryBuilder {
  const query = db('rule_counts as f').distinct('f.entity_ref');
  if (filter.category?.length) {
    query.whereIn('f.category', filter.category);
  }
  if (filter.rule?.length) {
    query.whereIn('f.rule_id', filter.rule);
  }
  if (filter.severity?.length) {
    query.whereIn('f.severity', filter.severity);
  }
  return query;
}

const FILTER_KEYS: Array<keyof ReportFilter> = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'kind',
  'grade',
  'status',
  'category',
  'rule',
  'severity',
  'stale',
  'suppressed',
  'compliant',
  'search',
];

/**
 * Whether the filter and visibility keep every entity that has results, so
 * that tallies over findings need not be joined to the entities at all
 * (opted-out entities, the only ones left out by default, have no findings).
 */
export function selectsEverything(
  filter: ReportFilter,
  visibility: EntityVisibility,
): boolean {
  return visibility.all && FILTER_KEYS.every(key => isUnset(filter[key]));
}

/** Filters on where an entity sits in the catalog, which say nothing of its results. */
const RELATION_KEYS: Array<keyof ReportFilter> = [
  'owner',
  'system',
  'domain',
  'lifecycle',
  'kind',
];

/**
 * Whether the filter narrows only by catalog relations (a scope: a group
 * with its descendants, a system, a domain) for a caller who may read
 * everything: such a filter may still keep every entity, which only a count
 * can tell.
 */
export function narrowsByRelationsOnly(
  filter: ReportFilter,
  visibility: EntityVisibility,
): boolean {
  return (
    visibility.all &&
    FILTER_KEYS.every(
      key => RELATION_KEYS.includes(key) || isUnset(filter[key]),
    )
  );
}

/** A filter field that narrows nothing: absent, empty or an empty list. */
function isUnset(value: ReportFilter[keyof ReportFilter]): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : value === undefined || value === '';
}

function lowerCase(value: string): string {
  return value.toLocaleLowerCase('en-US');
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, match => `\\${match}`);
}
