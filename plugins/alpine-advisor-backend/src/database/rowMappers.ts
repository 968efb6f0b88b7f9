import type { Finding, Grade } from '@alpine-advisor/analyzer';
import type {
  CompliancePolicy,
  DockerfileResult,
  EntitySummary,
  ScanInfo,
} from '@alpine-advisor/backstage-plugin-common';
import { compliantGrades } from './compliance';
import { fixDiff } from './fixDiff';
import { toIsoString } from './timestamps';

/* Rows as read from the tables; SQLite gives booleans as 0/1. */
type Row = Record<string, any>;

export const ENTITY_SUMMARY_COLUMNS = [
  'e.entity_ref',
  'e.kind',
  'e.namespace',
  'e.name',
  'e.title',
  'e.owner',
  'e.system',
  'e.domain',
  'e.lifecycle',
  'e.type',
  'e.status',
  'e.error',
  'e.stale',
  'e.score',
  'e.grade',
  'e.dockerfile_count',
  'e.error_count',
  'e.warning_count',
  'e.info_count',
  'e.musl_error_count',
  'e.last_scanned_at',
  'e.last_success_at',
];

export function toEntitySummary(
  row: Row,
  policy: CompliancePolicy,
): EntitySummary {
  const score = row.score === null ? null : Number(row.score);
  const grade: Grade | null = row.grade ?? null;
  const muslErrorCount = Number(row.musl_error_count);
  return withoutUndefined({
    entityRef: row.entity_ref,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    title: row.title ?? undefined,
    owner: row.owner ?? undefined,
    system: row.system ?? undefined,
    domain: row.domain ?? undefined,
    lifecycle: row.lifecycle ?? undefined,
    type: row.type ?? undefined,
    score,
    grade,
    status: row.status,
    error: row.error ?? undefined,
    stale: Boolean(row.stale),
    compliant:
      score !== null &&
      grade !== null &&
      compliantGrades(policy).includes(grade) &&
      (policy.allowMuslErrors || muslErrorCount === 0),
    lastScannedAt: toIsoString(row.last_scanned_at),
    lastSuccessAt: toIsoString(row.last_success_at),
    dockerfileCount: Number(row.dockerfile_count),
    findingCounts: {
      error: Number(row.error_count),
      warning: Number(row.warning_count),
      info: Number(row.info_count),
    },
    muslErrorCount,
  });
}

export function toFinding(row: Row): Finding {
  return withoutUndefined({
    ruleId: row.rule_id,
    category: row.category,
    severity: row.severity,
    line: Number(row.line),
    endLine: Number(row.end_line),
    column: Number(row.column),
    message: row.message,
    remediation: row.remediation,
    aliases: JSON.parse(row.aliases),
    fix: row.fix ? JSON.parse(row.fix) : undefined,
  });
}

/** A stored Dockerfile; with its content kept, each fix comes with its diff. */
export function toDockerfileResult(
  row: Row,
  findings: Finding[],
): DockerfileResult {
  const content: string | undefined = row.content ?? undefined;
  return withoutUndefined({
    path: row.path,
    score: Number(row.score),
    grade: row.grade,
    usesAlpine: Boolean(row.uses_alpine),
    alpineRelease: row.alpine_release ?? undefined,
    stages: JSON.parse(row.stages),
    explanation: JSON.parse(row.explanation),
    findings:
      content === undefined
        ? findings
        : findings.map(finding =>
            finding.fix
              ? withoutUndefined({
                  ...finding,
                  fixDiff: fixDiff(row.path, content, finding.fix),
                })
              : finding,
          ),
    content,
    contentOmitted: row.content_omitted ? true : undefined,
  });
}

export function toScanInfo(row: Row): ScanInfo {
  return withoutUndefined({
    startedAt: toIsoString(row.started_at)!,
    durationMs: Number(row.duration_ms),
    trigger: row.trigger,
    revision: row.revision ?? undefined,
  });
}

/** JSON responses leave absent optional fields out rather than sending nulls. */
export function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) {
    if (value[key] === undefined) {
      delete value[key];
    }
  }
  return value;
}
