/*
 * The shapes of the backend's HTTP API, as described by its OpenAPI spec
 * (plugins/alpine-advisor-backend/src/schema/openapi.yaml). The backend builds
 * its responses from these types and the client returns them, so both sides
 * change together.
 */
import type {
  Category,
  Finding,
  Grade,
  RuleDescription,
  ScoreExplanation,
  Severity,
  StageSummary,
} from '@alpine-advisor/analyzer';

/**
 * The outcome of an entity's latest scan attempt.
 * - `ok`: its Dockerfiles were read and analysed.
 * - `pending`: known to the store, not scanned yet.
 * - `disabled`: opted out with the `alpine-advisor.io/disabled` annotation.
 * - every other value is a failure; the last good result, if any, is kept and marked stale.
 * @public
 */
export type ScanStatus =
  | 'ok'
  | 'pending'
  | 'disabled'
  | 'no-source'
  | 'no-dockerfile'
  | 'unreadable'
  | 'refused'
  | 'rate-limited'
  | 'timeout'
  | 'invalid-config'
  | 'error';

/** @public */
export const SCAN_STATUSES: readonly ScanStatus[] = [
  'ok',
  'pending',
  'disabled',
  'no-source',
  'no-dockerfile',
  'unreadable',
  'refused',
  'rate-limited',
  'timeout',
  'invalid-config',
  'error',
];

/** Finding counts by severity. @public */
export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

/** One entity's standing, as listed in the org report. @public */
export interface EntitySummary {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** Entity ref of the owner, e.g. `group:default/team-payments`. */
  owner?: string;
  system?: string;
  domain?: string;
  lifecycle?: string;
  type?: string;
  /** Service score 0–100 of the last good scan; null before the first one. */
  score: number | null;
  grade: Grade | null;
  status: ScanStatus;
  /** Failure message of the latest attempt, when it failed. */
  error?: string;
  /** True when the latest attempt failed and the score is from an older scan. */
  stale: boolean;
  /** Whether the entity meets the configured compliance policy. */
  compliant: boolean;
  /** ISO time of the latest scan attempt. */
  lastScannedAt?: string;
  /** ISO time of the last successful scan. */
  lastSuccessAt?: string;
  dockerfileCount: number;
  findingCounts: SeverityCounts;
  /** Error-severity musl findings: the container is likely to break at runtime. */
  muslErrorCount: number;
}

/** The analysis of one Dockerfile of an entity. @public */
export interface DockerfileResult {
  /** Path relative to the entity's source location. */
  path: string;
  score: number;
  grade: Grade;
  usesAlpine: boolean;
  /** Alpine release of the final stage, when known. */
  alpineRelease?: string;
  stages: StageSummary[];
  explanation: ScoreExplanation;
  findings: ReportedFinding[];
  /**
   * The analysed text, for showing the file with its finding lines. Absent
   * when it was not stored: see `contentOmitted`, or scanned before the
   * backend kept file contents.
   */
  content?: string;
  /** True when the file was larger than 1 MiB or not text, so its content is not kept. */
  contentOmitted?: boolean;
}

/** A finding as the API reports it. @public */
export interface ReportedFinding extends Finding {
  /**
   * The finding's fix applied to the file, as a unified diff (`--- a/…`,
   * `+++ b/…`, hunks), when it has a fix and the file's content is kept.
   */
  fixDiff?: string;
}

/** Details of the scan that produced a report. @public */
export interface ScanInfo {
  startedAt: string;
  durationMs: number;
  trigger: 'schedule' | 'rescan';
  /** Repository version the scan read (commit SHA or ETag), when the reader gave one. */
  revision?: string;
}

/** `GET /entities/:kind/:namespace/:name`. @public */
export interface EntityReport extends EntitySummary {
  /** Where the Dockerfiles were read from, e.g. `url:https://…` or `file:/…`. */
  sourceLocation?: string;
  /** How the service score was formed from the Dockerfile scores. */
  explanation?: ScoreExplanation;
  dockerfiles: DockerfileResult[];
  /** The scan that produced the current findings (absent before the first good scan). */
  scan?: ScanInfo;
}

/** One day of an entity's score history. @public */
export interface ScoreHistoryPoint {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  score: number;
  grade: Grade;
}

/** `GET /entities/:kind/:namespace/:name/history`. @public */
export interface EntityHistory {
  entityRef: string;
  points: ScoreHistoryPoint[];
}

/** `POST /entities/:kind/:namespace/:name/rescan`. @public */
export interface RescanResult {
  entityRef: string;
  status: ScanStatus;
  error?: string;
  /** False when the repository had not changed since the last scan. */
  changed: boolean;
  report: EntityReport;
}

/** Sort keys of the org report. @public */
export type ReportSortField =
  | 'score'
  | 'grade'
  | 'name'
  | 'owner'
  | 'system'
  | 'lastScanned'
  | 'findings';

/** Groupings for org report rollups. @public */
export type RollupDimension = 'owner' | 'system' | 'domain';

/** Filters shared by `GET /report` and `GET /report/export`; values within one filter are OR-ed. @public */
export interface ReportFilter {
  owner?: string[];
  system?: string[];
  domain?: string[];
  lifecycle?: string[];
  kind?: string[];
  grade?: Grade[];
  status?: ScanStatus[];
  /** Entities with at least one finding in one of these categories. */
  category?: Category[];
  /** Entities with at least one finding of one of these rules. */
  rule?: string[];
  /** Entities with at least one finding of one of these severities. */
  severity?: Severity[];
  stale?: boolean;
  compliant?: boolean;
  /** Case-insensitive substring of the entity's name or title. */
  search?: string;
}

/** `GET /report` query. @public */
export interface ReportQuery extends ReportFilter {
  sort?: ReportSortField;
  order?: 'asc' | 'desc';
  /** 1-based. */
  page?: number;
  /** At most 500. */
  pageSize?: number;
  groupBy?: RollupDimension;
}

/** The compliance policy in force. @public */
export interface CompliancePolicy {
  minimumGrade: Grade;
  allowMuslErrors: boolean;
  /** Human-readable, e.g. "grade B or better and no musl error". */
  description: string;
}

/** How often a rule fires across the filtered entities. @public */
export interface RuleTally {
  ruleId: string;
  category: Category;
  severity: Severity;
  entityCount: number;
  findingCount: number;
}

/** Org-wide figures over all entities matching the filter (not just one page). @public */
export interface ReportSummary {
  entityCount: number;
  /** Entities with a score (at least one good scan). */
  scoredCount: number;
  averageScore: number | null;
  gradeCounts: Record<Grade, number>;
  compliantCount: number;
  /** compliantCount / scoredCount, 0–1; null when nothing is scored. */
  compliantShare: number | null;
  policy: CompliancePolicy;
  staleCount: number;
  /** Entities whose latest attempt failed. */
  failingCount: number;
  topRules: RuleTally[];
  /** Error-severity musl findings: what would break at runtime. */
  muslBreakingRisks: {
    entityCount: number;
    rules: RuleTally[];
  };
}

/** One group of a rollup. @public */
export interface Rollup {
  /** The owner, system or domain entity ref; null for entities without one. */
  key: string | null;
  entityCount: number;
  scoredCount: number;
  averageScore: number | null;
  gradeCounts: Record<Grade, number>;
  compliantCount: number;
  staleCount: number;
}

/** `GET /report`. @public */
export interface OrgReport {
  items: EntitySummary[];
  page: number;
  pageSize: number;
  totalCount: number;
  summary: ReportSummary;
  rollups?: {
    groupBy: RollupDimension;
    groups: Rollup[];
  };
}

/** `GET /report/history` query: the report's filters and how many days back. @public */
export interface OrgHistoryQuery extends ReportFilter {
  /** Only the last `days` days (default 90). */
  days?: number;
}

/** The org on one day, from the daily scores of the entities scanned that day. @public */
export interface OrgHistoryPoint {
  /** `YYYY-MM-DD` (UTC). */
  day: string;
  /** Entities with a score that day. */
  scannedCount: number;
  averageScore: number;
  compliantCount: number;
  /** compliantCount / scannedCount, 0–1. */
  compliantShare: number;
  gradeCounts: Record<Grade, number>;
}

/** `GET /report/history`. @public */
export interface OrgHistory {
  policy: CompliancePolicy;
  /** Oldest first; days on which nothing matching was scanned are left out. */
  points: OrgHistoryPoint[];
}

/** `GET /rules`. @public */
export interface RuleList {
  items: RuleDescription[];
}

/** Export formats of `GET /report/export`. @public */
export type ReportExportFormat = 'csv' | 'json';
