/*
 * The store's tables, one interface per table, as the migrations create
 * them (migrations/*.js). Queries name their table's row type
 * (`db<EntityRow>('entities')`), so inserts and updates are checked against
 * the columns, selected columns are checked against the row type's keys, and
 * readers get typed rows instead of `any`: renaming a column here is a
 * compile error wherever the old name was used.
 *
 * Values are typed as the drivers return them: SQLite gives booleans as 0/1
 * and timestamps as numbers or strings; PostgreSQL gives timestamps as Dates
 * and bigint columns and counts as strings. JSON columns are text.
 */
import type {
  Category,
  Grade,
  ScanStatus,
  ScanTrigger,
  Severity,
} from '@alpine-advisor/backstage-plugin-common';

/** A boolean column: SQLite returns 0 or 1. */
export type DbBoolean = boolean | number;
/** A timestamp column: a Date on PostgreSQL, a number or string on SQLite. */
export type DbTimestamp = Date | string | number;
/** A bigint id or an aggregate: PostgreSQL returns them as strings. */
export type DbCount = number | string;

/** `entities`: one row per catalog entity, its latest result denormalised. */
export interface EntityRow {
  entity_ref: string;
  kind: string;
  namespace: string;
  name: string;
  title: string | null;
  owner: string | null;
  system: string | null;
  domain: string | null;
  lifecycle: string | null;
  type: string | null;
  source_location: string | null;
  status: ScanStatus;
  error: string | null;
  stale: DbBoolean;
  score: number | null;
  grade: Grade | null;
  /** ScoreExplanation, JSON. */
  explanation: string | null;
  dockerfile_count: number;
  error_count: number;
  warning_count: number;
  info_count: number;
  musl_error_count: number;
  waived_count: number;
  suppressed_config_count: number;
  suppressed_comment_count: number;
  suppression_attempt_count: number;
  revision: string | null;
  analysis_fingerprint: string | null;
  last_scan_id: number | null;
  last_scanned_at: DbTimestamp | null;
  last_success_at: DbTimestamp | null;
  next_attempt_at: DbTimestamp | null;
  rescan_requested_at: DbTimestamp | null;
  seen_at: DbTimestamp;
}

/** `scans`: scan attempts that analysed something, failed or were refused. */
export interface ScanRow {
  id: number;
  entity_ref: string;
  started_at: DbTimestamp;
  duration_ms: number;
  trigger: ScanTrigger;
  status: ScanStatus;
  error: string | null;
  revision: string | null;
  score: number | null;
  grade: Grade | null;
}

/** `dockerfiles`: the Dockerfiles of each entity's latest good scan. */
export interface DockerfileRow {
  id: number;
  entity_ref: string;
  scan_id: number;
  path: string;
  score: number;
  grade: Grade;
  uses_alpine: DbBoolean;
  alpine_release: string | null;
  final_libc: string | null;
  /** StageSummary[] (the API's), JSON. */
  stages: string;
  /** ScoreExplanation (the API's), JSON. */
  explanation: string;
  content: string | null;
  content_omitted: DbBoolean;
  /** AnalyzerConfig, JSON. */
  analysis_config: string | null;
  /** The build context analysed with (StoredContext or {omitted: true}), JSON. */
  analysis_context: string | null;
  knowledge_version: string | null;
  fix_diffs_stored: DbBoolean;
}

/** `findings`: the findings of each entity's latest good scan. */
export interface FindingRow {
  id: DbCount;
  entity_ref: string;
  dockerfile_id: number;
  rule_id: string;
  category: Category;
  severity: Severity;
  line: number;
  end_line: number;
  column: number;
  message: string;
  remediation: string;
  /** string[], JSON. */
  aliases: string;
  /** Fix, JSON. */
  fix: string | null;
  fix_diff: string | null;
  enforced: DbBoolean;
  /** SuppressionAttempt[], JSON. */
  suppression_attempts: string | null;
  fingerprint: string | null;
  waiver_id: string | null;
  waiver_expires_at: string | null;
  /** FindingEvidence[] of the build-context facts read at scan time, JSON. */
  evidence: string | null;
}

/** `rule_counts`: findings per entity, rule and severity. */
export interface RuleCountRow {
  entity_ref: string;
  rule_id: string;
  category: Category;
  severity: Severity;
  finding_count: number;
}

/** `score_history`: one score per entity and UTC day. */
export interface ScoreHistoryRow {
  entity_ref: string;
  /** `YYYY-MM-DD`. */
  day: string;
  score: number;
  grade: Grade;
  musl_error_count: number | null;
  /** Whether the day's rules are in `rule_history` (false before it was kept). */
  rules_recorded: DbBoolean;
}

/** `rule_history`: the rules with unwaived findings per entity and UTC day. */
export interface RuleHistoryRow {
  entity_ref: string;
  /** `YYYY-MM-DD`. */
  day: string;
  rule_id: string;
}

/** `campaigns`: campaigns created through the API. */
export interface CampaignRow {
  id: string;
  title: string;
  description: string | null;
  condition: string;
  /** string[], JSON. */
  rules: string | null;
  /** CampaignScope, JSON. */
  scope: string;
  starts_on: string;
  deadline: string;
  created_by: string;
  created_at: DbTimestamp;
}

/** `campaign_notices`: deadline notices sent per campaign, owner and milestone. */
export interface CampaignNoticeRow {
  campaign_id: string;
  owner: string;
  days_before: number;
  sent_at: DbTimestamp;
}

/** `event_changes`: each change a push event queued a rescan for (the dedupe key). */
export interface EventChangeRow {
  entity_ref: string;
  commit: string;
  repository: string;
  received_at: DbTimestamp;
}

/** `event_rescans`: the queue of push-event rescans, one row per entity. */
export interface EventRescanRow {
  entity_ref: string;
  requested: number;
  claimed: number;
  pending: DbBoolean;
  requested_at: DbTimestamp | null;
  not_before: DbTimestamp;
  claim_token: string | null;
  lease_until: DbTimestamp | null;
  last_commit: string | null;
  scanned_at: DbTimestamp | null;
}

/** The `entities` columns of an entity's summary, as the report lists it. */
export const ENTITY_SUMMARY_KEYS = [
  'entity_ref',
  'kind',
  'namespace',
  'name',
  'title',
  'owner',
  'system',
  'domain',
  'lifecycle',
  'type',
  'status',
  'error',
  'stale',
  'score',
  'grade',
  'dockerfile_count',
  'error_count',
  'warning_count',
  'info_count',
  'musl_error_count',
  'waived_count',
  'suppressed_config_count',
  'suppressed_comment_count',
  'suppression_attempt_count',
  'last_scanned_at',
  'last_success_at',
] as const satisfies ReadonlyArray<keyof EntityRow>;

/** An entity's summary columns. */
export type EntitySummaryRow = Pick<
  EntityRow,
  (typeof ENTITY_SUMMARY_KEYS)[number]
>;

/** `grade`, `entity_count`: entities per grade. */
export interface GradeCountRow {
  grade: Grade;
  entity_count: DbCount;
}

/** How often a rule fires: from `rule_counts`, grouped by rule. */
export interface RuleTallyRow
  extends Pick<RuleCountRow, 'rule_id' | 'category' | 'severity'> {
  entity_count: DbCount;
  finding_count: DbCount;
}

/** One group of a rollup, with a `grade_a` … `grade_f` count per grade. */
export interface RollupRow {
  group_key: string | null;
  entity_count: DbCount;
  scored_count: DbCount;
  average_score: DbCount | null;
  compliant_count: DbCount | null;
  stale_count: DbCount | null;
  [gradeCount: `grade_${string}`]: DbCount | null;
}

/** The org report's figures over every matching entity, before conversion. */
export interface ReportTotalsRow {
  entity_count: DbCount;
  scored_count: DbCount;
  average_score: DbCount | null;
  compliant_count: DbCount | null;
  stale_count: DbCount | null;
  failing_count: DbCount | null;
  musl_entity_count: DbCount | null;
}
