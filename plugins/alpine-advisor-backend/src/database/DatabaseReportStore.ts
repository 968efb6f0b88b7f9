import type {
  ReportFilter,
  ReportQuery,
  ReportSortField,
  RollupDimension,
} from '@alpine-advisor/backstage-plugin-common';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  applyReportFilter,
  compliantCondition,
  narrowsByRelationsOnly,
  selectsEverything,
} from './reportFilter';
import { isLargeVisibleSet } from './visibleEntities';
import {
  aggregateHistoryOf,
  HistoryRowShape,
  withinDays,
} from './historyOfEntities';
import type { SettledHistoryCache } from './SettledHistoryCache';
import type {
  EntityRecord,
  EntityVisibility,
  OrgHistoryGroupRow,
  ReportRecords,
  ReportStore,
  ReportTerms,
} from './ReportStore';
import {
  DockerfileRow,
  ENTITY_SUMMARY_KEYS,
  EntityRow,
  EntitySummaryRow,
  FindingRow,
  GradeCountRow,
  ReportTotalsRow,
  RollupRow,
  RuleCountRow,
  RuleTallyRow,
  ScanRow,
  ScoreHistoryRow,
} from './rows';

/** The columns of an entity's summary, on the `entities as e` alias. */
export const ENTITY_SUMMARY_COLUMNS = ENTITY_SUMMARY_KEYS.map(
  column => `e.${column}` as const,
);

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Keeps the row offset a safe integer; the API schema has the same bound. */
export const MAX_PAGE = 1_000_000;
const TOP_RULES = 10;
const EXPORT_BATCH = 500;
/** With a large visible set each statement re-reads the set: fewer statements. */
const EXPORT_BATCH_LARGE_VISIBLE_SET = 5_000;
/** A day's history by grade and musl error count, as grouped in the database. */
interface HistoryByMuslCountRow {
  day: string;
  grade: string;
  musl_error_count: number | null;
  scanned_count: number;
  score_sum: number;
}

const HISTORY_BY_MUSL_COUNT_SHAPE: HistoryRowShape<HistoryByMuslCountRow> = {
  keys: ['day', 'grade', 'musl_error_count'],
  figures: ['scanned_count', 'score_sum'],
  presence: 'scanned_count',
};

/**
 * Folds musl error counts to "had a musl error" (1 or 0; days recorded
 * before the count was kept had none), keeping the database's day order.
 */
function foldMuslCounts(rows: HistoryByMuslCountRow[]): OrgHistoryGroupRow[] {
  const folded = new Map<string, OrgHistoryGroupRow>();
  for (const row of rows) {
    const muslError = Number(row.musl_error_count ?? 0) > 0 ? 1 : 0;
    const key = `${row.day}|${row.grade}|${muslError}`;
    const group = folded.get(key) ?? {
      day: row.day,
      grade: row.grade,
      musl_error: muslError,
      scanned_count: 0,
      score_sum: 0,
    };
    group.scanned_count = Number(group.scanned_count) + row.scanned_count;
    group.score_sum = Number(group.score_sum) + row.score_sum;
    folded.set(key, group);
  }
  return [...folded.values()];
}

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
  /** `settledHistory` keeps aggregates of settled history days (see SettledHistoryCache). */
  constructor(
    private readonly db: Knex,
    private readonly settledHistory?: SettledHistoryCache,
  ) {}

  async getEntityRecord(entityRef: string): Promise<EntityRecord | undefined> {
    // Prefixed columns (`e.…`) are not keys knex can type: the row type
    // is named here, and the column names are checked against it.
    const row: EntityRecord['entity'] | undefined = await this.db<EntityRow>(
      'entities as e',
    )
      .where('e.entity_ref', entityRef)
      .first([
        ...ENTITY_SUMMARY_COLUMNS,
        ...entityColumns(['source_location', 'explanation', 'last_scan_id']),
      ]);
    if (!row) {
      return undefined;
    }
    const [dockerfiles, findings, scan] = await Promise.all([
      this.db<DockerfileRow>('dockerfiles')
        .where('entity_ref', entityRef)
        .orderBy('id'),
      this.db<FindingRow>('findings')
        .where('entity_ref', entityRef)
        .orderBy(['dockerfile_id', 'line', 'column', 'id']),
      row.last_scan_id === null
        ? undefined
        : this.db<ScanRow>('scans').where('id', row.last_scan_id).first(),
    ]);
    return { entity: row, dockerfiles, findings, scan };
  }

  async getHistory(
    entityRef: string,
    sinceDay?: string,
  ): Promise<Array<Pick<ScoreHistoryRow, 'day' | 'score' | 'grade'>>> {
    const query = this.db<ScoreHistoryRow>('score_history')
      .where('entity_ref', entityRef)
      .orderBy('day', 'asc')
      .select('day', 'score', 'grade');
    if (sinceDay) {
      query.where('day', '>=', sinceDay);
    }
    return await query;
  }

  async queryReport(
    query: ReportQuery,
    visibility: EntityVisibility,
    terms: ReportTerms,
  ): Promise<ReportRecords> {
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
    const filtered = () => this.filteredEntities(query, visibility, terms);

    const [rows, summary, rollups]: [
      EntitySummaryRow[],
      Omit<ReportRecords, 'page' | 'pageSize' | 'items' | 'rollups'>,
      RollupRow[] | undefined,
    ] = await Promise.all([
      this.sorted(filtered(), query)
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .select(ENTITY_SUMMARY_COLUMNS),
      this.summarise(filtered, terms, {
        everything: selectsEverything(query, visibility),
        mayBeEverything: narrowsByRelationsOnly(query, visibility),
      }),
      query.groupBy ? this.rollup(filtered(), query.groupBy, terms) : undefined,
    ]);
    return { page, pageSize, items: rows, ...summary, rollups };
  }

  async getOrgHistory(
    filter: ReportFilter,
    visibility: EntityVisibility,
    sinceDay: string,
    terms: ReportTerms,
  ): Promise<OrgHistoryGroupRow[]> {
    // Grouped by the index's own columns (day, grade, musl error count) with
    // plain count and sum, so that both databases aggregate in index order
    // with no sort or per-row expression (a case expression in the grouping
    // made SQLite sort 300,000 rows: 183 ms against 65 ms at 10,000 × 30
    // days); folded to "had a musl error" here, and into points by the
    // service. The counts and sums add up, so the history may be read either
    // way round (see aggregateHistoryOf).
    const rows = await aggregateHistoryOf(
      this.db,
      this.filteredEntities(filter, visibility, terms),
      history =>
        history.aggregate<HistoryByMuslCountRow>((trx, entityRefs, window) => {
          const query = withinDays(
            trx('score_history as h').where('h.day', '>=', sinceDay),
            'h.day',
            window,
          );
          if (entityRefs) query.whereIn('h.entity_ref', entityRefs);
          return query
            .groupBy('h.day', 'h.grade', 'h.musl_error_count')
            .orderBy('h.day', 'asc')
            .select(
              'h.day',
              'h.grade',
              'h.musl_error_count',
              trx.raw('count(*) as scanned_count'),
              trx.raw('sum(h.score) as score_sum'),
            );
        }, HISTORY_BY_MUSL_COUNT_SHAPE),
      this.settledHistory,
    );
    return foldMuslCounts(rows);
  }

  async *streamReport(
    filter: ReportFilter,
    visibility: EntityVisibility,
    terms: ReportTerms,
  ): AsyncIterable<EntitySummaryRow> {
    const batchSize = isLargeVisibleSet(visibility)
      ? EXPORT_BATCH_LARGE_VISIBLE_SET
      : EXPORT_BATCH;
    let after: string | undefined;
    for (;;) {
      const query = this.filteredEntities(filter, visibility, terms)
        .orderBy('e.entity_ref')
        .limit(batchSize)
        .select(ENTITY_SUMMARY_COLUMNS);
      if (after !== undefined) {
        query.where('e.entity_ref', '>', after);
      }
      const rows: EntitySummaryRow[] = await query;
      for (const row of rows) {
        yield row;
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
    terms: ReportTerms,
  ): Knex.QueryBuilder {
    return applyReportFilter(
      this.db,
      this.db<EntityRow>('entities as e'),
      filter,
      visibility,
      terms,
    );
  }

  private sorted(query: Knex.QueryBuilder, report: ReportQuery) {
    const order = report.order ?? 'asc';
    for (const column of SORT_COLUMNS[report.sort ?? 'score']) {
      orderNullsLast(query, column, order);
    }
    return query.orderBy('e.entity_ref', 'asc');
  }

  /**
   * The filtered entities' totals, grades and rule tallies. Tallies read
   * `rule_counts` alone when the filter keeps every entity that has results
   * (opted-out ones have none): `everything` when the filter says so itself;
   * for one that narrows by catalog relations alone, when its count is every
   * such entity's. The whole organisation's group with its descendants names
   * every owner, and joined, its tallies cost SQLite 32 against 7 ms at
   * 10,000 services; the extra count about 1.
   */
  private async summarise(
    filtered: () => Knex.QueryBuilder,
    terms: ReportTerms,
    selection: { everything: boolean; mayBeEverything: boolean },
  ): Promise<Omit<ReportRecords, 'page' | 'pageSize' | 'items' | 'rollups'>> {
    const compliant = compliantCondition(this.db, terms);
    const totalsRead: Promise<ReportTotalsRow | undefined> = Promise.resolve(
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
          // Refused by policy and opted out are states, not failures.
          `sum(case when e.status in ('ok', 'pending', 'disabled', 'refused') then 0 else 1 end) as failing_count`,
        ),
        this.db.raw(
          'sum(case when e.musl_error_count > 0 then 1 else 0 end) as musl_entity_count',
        ),
      ),
    );
    const tallyScope = this.keepsEveryResult(totalsRead, selection).then(
      every => (every ? undefined : filtered),
    );
    const [totals, gradeRows, topRules, muslRules]: [
      ReportTotalsRow | undefined,
      GradeCountRow[],
      RuleTallyRow[],
      RuleTallyRow[],
    ] = await Promise.all([
      totalsRead,
      filtered()
        .whereNotNull('e.grade')
        .groupBy('e.grade')
        .select('e.grade', this.db.raw('count(*) as entity_count')),
      tallyScope.then(scope => this.ruleTallies(scope?.())),
      tallyScope.then(scope =>
        this.ruleTallies(scope?.(), { category: 'musl', severity: 'error' }),
      ),
    ]);

    return {
      totals: {
        entityCount: Number(totals?.entity_count ?? 0),
        scoredCount: Number(totals?.scored_count ?? 0),
        averageScore: totals?.average_score,
        compliantCount: Number(totals?.compliant_count ?? 0),
        staleCount: Number(totals?.stale_count ?? 0),
        failingCount: Number(totals?.failing_count ?? 0),
        muslEntityCount: Number(totals?.musl_entity_count ?? 0),
      },
      gradeRows,
      topRules,
      muslRules,
    };
  }

  private async keepsEveryResult(
    totalsRead: Promise<ReportTotalsRow | undefined>,
    selection: { everything: boolean; mayBeEverything: boolean },
  ): Promise<boolean> {
    if (selection.everything) return true;
    if (!selection.mayBeEverything) return false;
    // The filter keeps opted-out entities out, as this count does.
    const [totals, withResults] = await Promise.all([
      totalsRead,
      this.db<EntityRow>('entities')
        .whereNot('status', 'disabled')
        .count({ count: '*' })
        .first(),
    ]);
    return (
      Number(totals?.entity_count ?? 0) === Number(withResults?.count ?? 0)
    );
  }

  /**
   * How often rules fire across the filtered entities, from `rule_counts`
   * alone when the filter keeps every entity (opted-out ones have no rows).
   */
  private async ruleTallies(
    filtered: Knex.QueryBuilder | undefined,
    only?: { category: string; severity: string },
  ): Promise<RuleTallyRow[]> {
    const query = this.db<RuleCountRow>('rule_counts as rc')
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
    return await query;
  }

  private async rollup(
    filtered: Knex.QueryBuilder,
    dimension: RollupDimension,
    terms: ReportTerms,
  ): Promise<RollupRow[]> {
    const column = ROLLUP_COLUMNS[dimension];
    const compliant = compliantCondition(this.db, terms);
    return await filtered
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
        ...terms.grades.map(grade =>
          this.db.raw(
            `sum(case when e.grade = ? then 1 else 0 end) as grade_${grade.toLowerCase()}`,
            [grade],
          ),
        ),
      )
      .orderByRaw('(avg(e.score) is null) asc, avg(e.score) asc')
      .orderBy(column, 'asc');
  }
}

/** `entities` columns on the `e` alias, checked against the row type. */
function entityColumns<K extends keyof EntityRow>(
  columns: K[],
): Array<`e.${K}`> {
  return columns.map(column => `e.${column}` as const);
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
