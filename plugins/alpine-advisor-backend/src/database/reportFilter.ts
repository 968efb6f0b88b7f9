import type {
  CompliancePolicy,
  ReportFilter,
} from '@alpine-advisor/backstage-plugin-common';
import { Knex } from 'knex';
import { compliantGrades } from './compliance';
import type { EntityVisibility } from './ReportStore';

/**
 * SQL condition (on the `entities` table aliased `e`) for "meets the
 * compliance policy", shared by the filter and the report's counts.
 */
export function compliantCondition(
  db: Knex,
  policy: CompliancePolicy,
): Knex.Raw {
  const grades = compliantGrades(policy);
  const gradeList = grades.map(() => '?').join(', ');
  const musl = policy.allowMuslErrors ? '' : ' and e.musl_error_count = 0';
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
  policy: CompliancePolicy,
): Knex.QueryBuilder {
  if (!visibility.all) {
    if (visibility.entityRefs.length === 0) {
      query.whereRaw('1 = 0');
    } else {
      query.whereIn('e.entity_ref', visibility.entityRefs);
    }
  }

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
  if (filter.compliant !== undefined) {
    const condition = compliantCondition(db, policy);
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
  if (
    filter.category?.length ||
    filter.rule?.length ||
    filter.severity?.length
  ) {
    query.whereExists(function findingMatches() {
      this.select(db.raw('1'))
        .from('rule_counts as f')
        .whereRaw('f.entity_ref = e.entity_ref');
      if (filter.category?.length) {
        this.whereIn('f.category', filter.category);
      }
      if (filter.rule?.length) {
        this.whereIn('f.rule_id', filter.rule);
      }
      if (filter.severity?.length) {
        this.whereIn('f.severity', filter.severity);
      }
    });
  }
  return query;
}

function lowerCase(value: string): string {
  return value.toLocaleLowerCase('en-US');
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, match => `\\${match}`);
}
