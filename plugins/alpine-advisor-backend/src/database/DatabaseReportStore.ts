import type { Grade } from '@alpine-advisor/analyzer';
import type {
  CompliancePolicy,
  EntityReport,
  EntitySummary,
  OrgHistory,
  OrgReport,
  ReportFilter,
  ReportQuery,
  ReportSortField,
  Rollup,
  RollupDimension,
  RuleTally,
  ScoreHistoryPoint,
} from '@alpine-advisor/backstage-plugin-common';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { GRADES } from './compliance';
import {
  applyReportFilter,
  compliantCondition,
  selectsEverything,
} from './reportFilter';
import { isLargeVisibleSet } from './visibleEntities';
import { OrgHistoryGroupRow, orgHistoryPoints } from './orgHistoryPoints';
import type { EntityVisibility, ReportStore } from './ReportStore';
import {
  ENTITY_SUMMARY_COLUMNS,
  toDockerfileResult,
  toEntitySummary,
  toFinding,
  toScanInfo,
} from './rowMappers';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Keeps the row offset a safe integer; the API schema has the same bound. */
export const MAX_PAGE = 1_000_000;
const TOP_RULES = 10;
const EXPORT_BATCH = 500;
/** With a large visible set each statement re-reads the set: fewer statements. */
const EXPORT_BATCH_LARGE_VISIBLE_SET = 5_000;
/** 1 when the day's score had an error-severity musl finding; days recorded before the count was kept had none. */
const MUSL_ERROR_FLAG =
  'case when coalesce(h.musl_error_count, 0) = 0 then 0 else 1 end';

const SORT_COLUMNS: Record<ReportSortField, string[]> = {
  score: ['e.score'],
  grade: ['e.grade'],
  name: ['e.name'],
  owner: ['e.owner'],
  system: ['e.system'],
  lastScanned: ['e.last_scanned_at'],
  findings: ['e.error_count', 'e.warning_count', 'e.info_count'],
};

const ROLLUP_COLUMNS: Record<RollupDimension, string> = {
  owner: 'e.owner',
  system: 'e.system',
  domain: 'e.domain',
};

/** ReportStore on the plugin's knex database (SQLite or PostgreSQL). */
export class DatabaseReportStore implements ReportStore {
  constructor(
    private readonly db: Knex,
    private readonly policy: CompliancePolicy,
  ) {}

  async getEntityReport(entityRef: string): Promise<EntityReport | undefined> {
    const row = await this.db('entities as e')
      .where('e.entity_ref', entityRef)
      .first([
        ...ENTITY_SUMMARY_COLUMNS,
        'e.source_location',
        'e.explanation',
        'e.last_scan_id',
      ]);
    if (!row) {
      return undefined;
    }
    const [dockerfileRows, findingRows, scanRow] = await Promise.all([
      this.db('dockerfiles').where('entity_ref', entityRef).orderBy('id'),
      this.db('findings')
        .where('entity_ref', entityRef)
        .orderBy(['dockerfile_id', 'line', 'column', 'id']),
      row.last_scan_id === null
        ? undefined
        : this.db('scans').where('id', row.last_scan_id).first(),
    ]);
    const dockerfiles = dockerfileRows.map(dockerfile =>
      toDockerfileResult(
        dockerfile,
        findingRows
          .filter(finding => finding.dockerfile_id === dockerfile.id)
          .map(toFinding),
      ),
    );
    const report: EntityReport = {
      ...toEntitySummary(row, this.policy),
      dockerfiles,
    };
    if (row.source_location) {
      report.sourceLocation = row.source_location;
    }
    if (row.explanation) {
      report.explanation = JSON.parse(row.explanation);
    }
    if (scanRow) {
      report.scan = toScanInfo(scanRow);
    }
    return report;
  }

  async getHistory(
    entityRef: string,
    sinceDay?: string,
  ): Promise<ScoreHistoryPoint[]> {
    const query = this.db('score_history')
      .where('entity_ref', entityRef)
      .orderBy('day', 'asc')
      .select('day', 'score', 'grade');
    if (sinceDay) {
      query.where('day', '>=', sinceDay);
    }
    const rows = await query;
    return rows.map(row => ({
      day: row.day,
      score: Number(row.score),
      grade: row.grade,
    }));
  }

  async queryReport(
    query: ReportQuery,
    visibility: EntityVisibility,
  ): Promise<OrgReport> {
    const page = Math.max(1, query.page ?? 1);
    if (!Number.isInteger(page) || page > MAX_PAGE) {
      throw new InputError(
        `page must be an integer between 1 and ${MAX_PAGE}, got ${query.page}`,
      );
    }
    const pageSize = Math.min(
      MAX_PAGE_SIZE,
      Math.max(1, query.pageSize ?? DEFAULT_PAGE_SIZE),
    );
    const filtered = () => this.filteredEntities(query, visibility);

    const [rows, summary, rollups] = await Promise.all([
      this.sorted(filtered(), query)
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .select(ENTITY_SUMMARY_COLUMNS),
      this.summarise(filtered, selectsEverything(query, visibility)),
      query.groupBy ? this.rollup(filtered(), query.groupBy) : undefined,
    ]);

    const report: OrgReport = {
      items: rows.map((row: Record<string, unknown>) =>
        toEntitySummary(row, this.policy),
      ),
      page,
      pageSize,
      totalCount: summary.entityCount,
      summary,
    };
    if (query.groupBy && rollups) {
      report.rollups = { groupBy: query.groupBy, groups: rollups };
    }
    return report;
  }

  async getOrgHistory(
    filter: ReportFilter,
    visibility: EntityVisibility,
    sinceDay: string,
  ): Promise<OrgHistory> {
    // Grouped by day, grade and "had a musl error" (at most 10 groups a day)
    // with plain count and sum, and folded into points here: the database
    // then evaluates no per-row case expression for each of the outputs,
    // which dominated the time at hundreds of thousands of rows.
    const rows: OrgHistoryGroupRow[] = await this.db('score_history as h')
      .where('h.day', '>=', sinceDay)
      .whereIn(
        'h.entity_ref',
        this.filteredEntities(filter, visibility).select('e.entity_ref'),
      )
      .groupBy('h.day', 'h.grade')
      .groupByRaw(MUSL_ERROR_FLAG)
      .orderBy('h.day', 'asc')
      .select(
        'h.day',
        'h.grade',
        this.db.raw(`${MUSL_ERROR_FLAG} as musl_error`),
        this.db.raw('count(*) as scanned_count'),
        this.db.raw('sum(h.score) as score_sum'),
      );
    return {
      policy: this.policy,
      points: orgHistoryPoints(rows, this.policy),
    };
  }

  async *streamReport(
    filter: ReportFilter,
    visibility: EntityVisibility,
  ): AsyncIterable<EntitySummary> {
    const batchSize = isLargeVisibleSet(visibility)
      ? EXPORT_BATCH_LARGE_VISIBLE_SET
      : EXPORT_BATCH;
    let after: string | undefined;
    for (;;) {
      const query = this.filteredEntities(filter, visibility)
        .orderBy('e.entity_ref')
        .limit(batchSize)
        .select(ENTITY_SUMMARY_COLUMNS);
      if (after !== undefined) {
        query.where('e.entity_ref', '>', after);
      }
      const rows = await query;
      for (const row of rows) {
        yield toEntitySummary(row, this.policy);
      }
      if (rows.length < batchSize) {
        return;
      }
      after = rows[rows.length - 1].entity_ref;
    }
  }

  private filteredEntities(
    filter: ReportFilter,
    visibility: EntityVisibility,
  ): Knex.QueryBuilder {
    return applyReportFilter(
      this.db,
      this.db('entities as e'),
      filter,
      visibility,
      this.policy,
    );
  }

  private sorted(query: Knex.QueryBuilder, report: ReportQuery) {
    const order = report.order ?? 'asc';
    for (const column of SORT_COLUMNS[report.sort ?? 'score']) {
      orderNullsLast(query, column, order);
    }
    return query.orderBy('e.entity_ref', 'asc');
  }

  private async summarise(
    filtered: () => Knex.QueryBuilder,
    everything: boolean,
  ) {
    const compliant = compliantCondition(this.db, this.policy);
    const tallyScope = everything ? undefined : filtered;
    const [totals, gradeRows, topRules, muslRules] = await Promise.all([
      filtered().first(
        this.db.raw('count(*) as entity_count'),
        this.db.raw('count(e.score) as scored_count'),
        this.db.raw('avg(e.score) as average_score'),
        this.db.raw('sum(case when ? then 1 else 0 end) as compliant_count', [
          compliant,
        ]),
        this.db.raw(
          'sum(case when e.stale = ? then 1 else 0 end) as stale_count',
          [true],
        ),
        this.db.raw(
          `sum(case when e.status in ('ok', 'pending', 'disabled') then 0 else 1 end) as failing_count`,
        ),
        this.db.raw(
          'sum(case when e.musl_error_count > 0 then 1 else 0 end) as musl_entity_count',
        ),
      ),
      filtered()
        .whereNotNull('e.grade')
        .groupBy('e.grade')
        .select('e.grade', this.db.raw('count(*) as entity_count')),
      this.ruleTallies(tallyScope?.()),
      this.ruleTallies(tallyScope?.(), { category: 'musl', severity: 'error' }),
    ]);

    const entityCount = Number(totals?.entity_count ?? 0);
    const scoredCount = Number(totals?.scored_count ?? 0);
    const compliantCount = Number(totals?.compliant_count ?? 0);
    return {
      entityCount,
      scoredCount,
      averageScore: roundedAverage(totals?.average_score),
      gradeCounts: gradeCounts(gradeRows),
      compliantCount,
      compliantShare: scoredCount === 0 ? null : compliantCount / scoredCount,
      policy: this.policy,
      staleCount: Number(totals?.stale_count ?? 0),
      failingCount: Number(totals?.failing_count ?? 0),
      topRules,
      muslBreakingRisks: {
        entityCount: Number(totals?.musl_entity_count ?? 0),
        rules: muslRules,
      },
    };
  }

  /**
   * How often rules fire across the filtered entities, from `rule_counts`
   * alone when the filter keeps every entity (opted-out ones have no rows).
   */
  private async ruleTallies(
    filtered: Knex.QueryBuilder | undefined,
    only?: { category: string; severity: string },
  ): Promise<RuleTally[]> {
    const query = this.db('rule_counts as rc')
      .groupBy('rc.rule_id', 'rc.category', 'rc.severity')
      .select(
        'rc.rule_id',
        'rc.category',
        'rc.severity',
        this.db.raw('count(*) as entity_count'),
        this.db.raw('sum(rc.finding_count) as finding_count'),
      )
      .orderBy([
        { column: 'entity_count', order: 'desc' },
        { column: 'finding_count', order: 'desc' },
        { column: 'rc.rule_id', order: 'asc' },
      ])
      .limit(TOP_RULES);
    if (filtered) {
      query.whereIn('rc.entity_ref', filtered.select('e.entity_ref'));
    }
    if (only) {
      query
        .where('rc.category', only.category)
        .where('rc.severity', only.severity);
    }
    const rows = await query;
    return rows.map(row => ({
      ruleId: row.rule_id,
      category: row.category,
      severity: row.severity,
      entityCount: Number(row.entity_count),
      findingCount: Number(row.finding_count),
    }));
  }

  private async rollup(
    filtered: Knex.QueryBuilder,
    dimension: RollupDimension,
  ): Promise<Rollup[]> {
    const column = ROLLUP_COLUMNS[dimension];
    const compliant = compliantCondition(this.db, this.policy);
    const rows = await filtered
      .groupBy(column)
      .select(
        this.db.raw(`${column} as group_key`),
        this.db.raw('count(*) as entity_count'),
        this.db.raw('count(e.score) as scored_count'),
        this.db.raw('avg(e.score) as average_score'),
        this.db.raw('sum(case when ? then 1 else 0 end) as compliant_count', [
          compliant,
        ]),
        this.db.raw(
          'sum(case when e.stale = ? then 1 else 0 end) as stale_count',
          [true],
        ),
        ...GRADES.map(grade =>
          this.db.raw(
            `sum(case when e.grade = ? then 1 else 0 end) as grade_${grade.toLowerCase()}`,
            [grade],
          ),
        ),
      )
      .orderByRaw('(avg(e.score) is null) asc, avg(e.score) asc')
      .orderBy(column, 'asc');
    return rows.map((row: Record<string, any>) => ({
      key: row.group_key ?? null,
      entityCount: Number(row.entity_count),
      scoredCount: Number(row.scored_count),
      averageScore: roundedAverage(row.average_score),
      gradeCounts: gradeCountsOfRow(row),
      compliantCount: Number(row.compliant_count ?? 0),
      staleCount: Number(row.stale_count ?? 0),
    }));
  }
}

/**
 * Sorts nulls (unscored, unowned…) last in either direction. Written out
 * because knex's `nulls: 'last'` drops the column itself on SQLite.
 */
function orderNullsLast(
  query: Knex.QueryBuilder,
  column: string,
  order: 'asc' | 'desc',
) {
  query.orderByRaw(`(?? is null) asc`, [column]).orderBy(column, order);
}

function gradeCounts(rows: Array<{ grade: Grade; entity_count: unknown }>) {
  const counts = Object.fromEntries(GRADES.map(grade => [grade, 0])) as Record<
    Grade,
    number
  >;
  for (const row of rows) {
    counts[row.grade] = Number(row.entity_count);
  }
  return counts;
}

/** Grade counts selected as `grade_a` … `grade_f`. */
function gradeCountsOfRow(row: Record<string, any>): Record<Grade, number> {
  return Object.fromEntries(
    GRADES.map(grade => [
      grade,
      Number(row[`grade_${grade.toLowerCase()}`] ?? 0),
    ]),
  ) as Record<Grade, number>;
}

function roundedAverage(value: unknown): number | null {
  if (value === null || value === undefined) {
    return null;
  }
  return Math.round(Number(value) * 10) / 10;
}
