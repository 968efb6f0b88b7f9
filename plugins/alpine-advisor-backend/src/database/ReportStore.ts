import type {
  ReportFilter,
  ReportQuery,
} from '@alpine-advisor/backstage-plugin-common';

import type {
  DockerfileRow,
  EntityRow,
  EntitySummaryRow,
  FindingRow,
  GradeCountRow,
  RollupRow,
  RuleTallyRow,
  ScanRow,
  ScoreHistoryRow,
} from './rows';

/* Rows as read from the tables (see rows.ts); the report service maps them to the API's models. */

/**
 * Which entities a caller may see: all of them, or only the listed refs
 * (lower-case), as decided by the catalog's read permission.
 */
export type EntityVisibility =
  | { all: true }
  | { all: false; entityRefs: string[] };

/**
 * The values the report queries count with. The store holds no policy: the
 * report service derives these from the compliance policy.
 */
export interface ReportTerms {
  /** Every grade, best first: one count column each. */
  grades: readonly string[];
  /** Grades that count as compliant. */
  compliantGrades: readonly string[];
  /** When false, an error-severity musl finding makes an entity non-compliant. */
  allowMuslErrors: boolean;
}

/** An entity's stored result: its row, its Dockerfiles and findings, and the scan behind them. */
export interface EntityRecord {
  entity: EntitySummaryRow &
    Pick<EntityRow, 'source_location' | 'explanation' | 'last_scan_id'>;
  dockerfiles: DockerfileRow[];
  /** Ordered by Dockerfile, line, column. */
  findings: FindingRow[];
  scan?: ScanRow;
}

/** One group of the org trend's query: a day, a grade and whether a musl error counted against it. */
export interface OrgHistoryGroupRow {
  day: string;
  grade: string;
  musl_error: unknown;
  scanned_count: unknown;
  score_sum: unknown;
}

/** A page of the org report with the figures over every matching entity. */
export interface ReportRecords {
  page: number;
  pageSize: number;
  /** Entity summary rows of the page. */
  items: EntitySummaryRow[];
  totals: {
    entityCount: number;
    scoredCount: number;
    averageScore: unknown;
    compliantCount: number;
    staleCount: number;
    failingCount: number;
    muslEntityCount: number;
  };
  gradeRows: GradeCountRow[];
  topRules: RuleTallyRow[];
  muslRules: RuleTallyRow[];
  rollups?: RollupRow[];
}

/** The report queries' view of the store, filtered and paged in the database. */
export interface ReportStore {
  getEntityRecord(entityRef: string): Promise<EntityRecord | undefined>;

  /** Daily scores (`day`, `score`, `grade`), oldest first, from `sinceDay` (`YYYY-MM-DD`) when given. */
  getHistory(
    entityRef: string,
    sinceDay?: string,
  ): Promise<Array<Pick<ScoreHistoryRow, 'day' | 'score' | 'grade'>>>;

  queryReport(
    query: ReportQuery,
    visibility: EntityVisibility,
    terms: ReportTerms,
  ): Promise<ReportRecords>;

  /**
   * The org trend from `sinceDay` (`YYYY-MM-DD`), grouped per day, grade and
   * musl error, over the visible entities that match the filter today.
   */
  getOrgHistory(
    filter: ReportFilter,
    visibility: EntityVisibility,
    sinceDay: string,
    terms: ReportTerms,
  ): Promise<OrgHistoryGroupRow[]>;

  /** Every matching entity's summary row, in entity-ref order, read in bounded batches. */
  streamReport(
    filter: ReportFilter,
    visibility: EntityVisibility,
    terms: ReportTerms,
  ): AsyncIterable<EntitySummaryRow>;
}
