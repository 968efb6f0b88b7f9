/*
 * The one place the frontend takes its data shapes from: the API's types from
 * -common, and the analyzer's report types (type-only, so that no analyzer
 * code reaches the browser bundle).
 */
export type {
  AlpineAdvisorApi,
  CompliancePolicy,
  DockerfileResult,
  EntityHistory,
  EntityReport,
  EntitySummary,
  OrgHistory,
  OrgHistoryPoint,
  OrgHistoryQuery,
  OrgReport,
  ReportFilter,
  ReportedFinding,
  ReportQuery,
  ReportSortField,
  ReportSummary,
  RescanResult,
  Rollup,
  RollupDimension,
  RuleTally,
  ScanStatus,
  ScoreHistoryPoint,
  SeverityCounts,
} from '@alpine-advisor/backstage-plugin-common';
export type {
  Category,
  Finding,
  Fix,
  Grade,
  Libc,
  RuleDescription,
  ScoreDeduction,
  ScoreExplanation,
  Severity,
  StageSummary,
  TextEdit,
} from '@alpine-advisor/analyzer';
