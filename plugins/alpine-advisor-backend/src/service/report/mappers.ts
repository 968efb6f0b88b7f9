/*
 * The translation layer between the store, the analyzer and the HTTP API:
 * store rows and analyzer results in, the API's models (the -common types
 * that follow openapi.yaml) out. The store only stores; what a row means to
 * a reader (compliance, fix diffs, optional fields) is decided here.
 */
import type {
  Finding as AnalyzerFinding,
  Fix as AnalyzerFix,
  ScoreDeduction as AnalyzerScoreDeduction,
  ScoreExplanation as AnalyzerScoreExplanation,
  StageSummary as AnalyzerStageSummary,
  TextEdit as AnalyzerTextEdit,
} from '@alpine-advisor/analyzer';
import type {
  CompliancePolicy,
  DockerfileResult,
  EntitySummary,
  ReportedFinding,
  ScanInfo,
  ScoreDeduction,
  ScoreExplanation,
  ScoreHistoryPoint,
  StageSummary,
} from '@alpine-advisor/backstage-plugin-common';
import type {
  DockerfileRow,
  EntitySummaryRow,
  FindingRow,
  ScanRow,
  ScoreHistoryRow,
} from '../../database/rows';
import { toIsoString } from '../../database/timestamps';
import { Grade, isCompliant } from './compliance';

/**
 * How each field of an analyzer type becomes the API's field of the same
 * name. Typed over every key of the analyzer's type: a field added to it
 * without a line in the mapping, or one the API's type does not have, or one
 * whose type the API does not accept, fails to compile (see
 * `findingFields.typecheck.ts` and `stageFields.typecheck.ts`), instead of
 * failing the response validation (`additionalProperties: false`) at run
 * time.
 */
export type FieldMapping<F, A> = {
  readonly [K in keyof F]-?: (value: F) => K extends keyof A ? A[K] : never;
};

/** The analyzer's `Finding` field by field, as the API reports it. */
export type FindingFieldMapping<F> = FieldMapping<F, ReportedFinding>;

type ApiFix = NonNullable<ReportedFinding['fix']>;
type ApiTextEdit = ApiFix['edits'][number];

export const TEXT_EDIT_FIELDS = {
  line: edit => edit.line,
  column: edit => edit.column,
  endLine: edit => edit.endLine,
  endColumn: edit => edit.endColumn,
  text: edit => edit.text,
} satisfies FieldMapping<AnalyzerTextEdit, ApiTextEdit>;

export const FIX_FIELDS = {
  description: fix => fix.description,
  edits: fix =>
    fix.edits.map(edit =>
      mapFields<AnalyzerTextEdit, ApiTextEdit>(TEXT_EDIT_FIELDS, edit),
    ),
} satisfies FieldMapping<AnalyzerFix, ApiFix>;

export const FINDING_FIELDS = {
  ruleId: finding => finding.ruleId,
  category: finding => finding.category,
  severity: finding => finding.severity,
  line: finding => finding.line,
  endLine: finding => finding.endLine,
  column: finding => finding.column,
  message: finding => finding.message,
  remediation: finding => finding.remediation,
  aliases: finding => [...finding.aliases],
  fix: finding =>
    finding.fix && mapFields<AnalyzerFix, ApiFix>(FIX_FIELDS, finding.fix),
  enforced: finding => (finding.enforced ? true : undefined),
  fingerprint: finding => finding.fingerprint,
  waived: finding => finding.waived && { ...finding.waived },
  evidence: finding => finding.evidence?.map(fact => ({ ...fact })),
  suppressionAttempts: finding =>
    finding.suppressionAttempts?.map(attempt =>
      withoutUndefined({ ...attempt }),
    ),
} satisfies FindingFieldMapping<AnalyzerFinding>;

type AnalyzerStageCopy = AnalyzerStageSummary['copiesFrom'][number];
type ApiStageCopy = StageSummary['copiesFrom'][number];

export const STAGE_COPY_FIELDS = {
  source: copy => copy.source,
  sourceLibc: copy => copy.sourceLibc,
  paths: copy => [...copy.paths],
  line: copy => copy.line,
  crossesLibc: copy => copy.crossesLibc,
} satisfies FieldMapping<AnalyzerStageCopy, ApiStageCopy>;

export const STAGE_FIELDS = {
  index: stage => stage.index,
  name: stage => stage.name,
  image: stage => stage.image,
  parentStage: stage => stage.parentStage,
  distro: stage => stage.distro,
  libc: stage => stage.libc,
  alpineRelease: stage => stage.alpineRelease,
  endOfLife: stage => stage.endOfLife,
  line: stage => stage.line,
  isFinal: stage => stage.isFinal,
  copiesFrom: stage =>
    stage.copiesFrom.map(copy =>
      mapFields<AnalyzerStageCopy, ApiStageCopy>(STAGE_COPY_FIELDS, copy),
    ),
} satisfies FieldMapping<AnalyzerStageSummary, StageSummary>;

export const SCORE_DEDUCTION_FIELDS = {
  ruleId: deduction => deduction.ruleId,
  severity: deduction => deduction.severity,
  category: deduction => deduction.category,
  count: deduction => deduction.count,
  points: deduction => deduction.points,
} satisfies FieldMapping<AnalyzerScoreDeduction, ScoreDeduction>;

export const SCORE_EXPLANATION_FIELDS = {
  summary: explanation => explanation.summary,
  deductions: explanation =>
    explanation.deductions.map(deduction =>
      mapFields<AnalyzerScoreDeduction, ScoreDeduction>(
        SCORE_DEDUCTION_FIELDS,
        deduction,
      ),
    ),
  cap: explanation => explanation.cap,
} satisfies FieldMapping<AnalyzerScoreExplanation, ScoreExplanation>;

/** Applies a field mapping: exactly the mapped fields, undefined ones left out. */
function mapFields<F, A>(mapping: FieldMapping<F, A>, value: F): A {
  return withoutUndefined(
    Object.fromEntries(
      Object.entries(mapping).map(([key, map]) => [
        key,
        (map as (input: F) => unknown)(value),
      ]),
    ) as A & object,
  );
}

/** An analyzer finding as the API reports it, with its fix's diff when there is one. */
export function toApiFinding(
  finding: AnalyzerFinding,
  diff?: string,
): ReportedFinding {
  return withoutUndefined({
    ...mapFields<AnalyzerFinding, ReportedFinding>(FINDING_FIELDS, finding),
    fixDiff: diff,
  });
}

/** An analyzer stage summary as the API reports it. */
export function toApiStage(stage: AnalyzerStageSummary): StageSummary {
  return mapFields<AnalyzerStageSummary, StageSummary>(STAGE_FIELDS, stage);
}

/** An analyzer score explanation (a file's or the service's) as the API reports it. */
export function toApiExplanation(
  explanation: AnalyzerScoreExplanation,
): ScoreExplanation {
  return mapFields<AnalyzerScoreExplanation, ScoreExplanation>(
    SCORE_EXPLANATION_FIELDS,
    explanation,
  );
}

export function toEntitySummary(
  row: EntitySummaryRow,
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
    compliant: isCompliant(policy, { score, grade, muslErrorCount }),
    lastScannedAt: toIsoString(row.last_scanned_at),
    lastSuccessAt: toIsoString(row.last_success_at),
    dockerfileCount: Number(row.dockerfile_count),
    findingCounts: {
      error: Number(row.error_count),
      warning: Number(row.warning_count),
      info: Number(row.info_count),
    },
    muslErrorCount,
    waivedCount:
      row.waived_count === undefined ? undefined : Number(row.waived_count),
    suppressions:
      row.suppressed_config_count === undefined
        ? undefined
        : {
            config: Number(row.suppressed_config_count),
            comment: Number(row.suppressed_comment_count),
            enforcedAttempts: Number(row.suppression_attempt_count),
          },
  });
}

/** A stored finding, with the diff of its fix as computed at scan time. */
export function toFinding(row: FindingRow): ReportedFinding {
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
    fixDiff: row.fix_diff ?? undefined,
    enforced: row.enforced ? true : undefined,
    fingerprint: row.fingerprint ?? undefined,
    // Both columns are written together (the waiver that covered it).
    waived:
      row.waiver_id && row.waiver_expires_at
        ? { waiverId: row.waiver_id, expiresAt: row.waiver_expires_at }
        : undefined,
    suppressionAttempts: row.suppression_attempts
      ? JSON.parse(row.suppression_attempts)
      : undefined,
    evidence: row.evidence ? JSON.parse(row.evidence) : undefined,
  });
}

/** A stored Dockerfile with its findings. */
export function toDockerfileResult(
  row: DockerfileRow,
  findings: ReportedFinding[],
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
    findings,
    content,
    contentOmitted: row.content_omitted ? true : undefined,
    knowledgeVersion: row.knowledge_version ?? undefined,
  });
}

export function toScanInfo(row: ScanRow): ScanInfo {
  return withoutUndefined({
    startedAt: toIsoString(row.started_at)!,
    durationMs: Number(row.duration_ms),
    trigger: row.trigger,
    revision: row.revision ?? undefined,
  });
}

export function toScoreHistoryPoint(
  row: Pick<ScoreHistoryRow, 'day' | 'score' | 'grade'>,
): ScoreHistoryPoint {
  return { day: row.day, score: Number(row.score), grade: row.grade };
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
