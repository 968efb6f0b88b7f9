import type {
  CompliancePolicy,
  EntityReport,
  EntitySummary,
  OrgHistory,
  OrgReport,
  ReportFilter,
  ReportQuery,
  RuleTally,
  ScoreHistoryPoint,
} from '@alpine-advisor/backstage-plugin-common';
import type {
  EntityVisibility,
  ReportStore,
  ReportTerms,
} from '../../database/ReportStore';
import type {
  GradeCountRow,
  RollupRow,
  RuleTallyRow,
} from '../../database/rows';
import { Grade, GRADES, reportTerms } from './compliance';
import {
  toDockerfileResult,
  toEntitySummary,
  toFinding,
  toScanInfo,
  toScoreHistoryPoint,
} from './mappers';
import { orgHistoryPoints } from './orgHistoryPoints';
import type { StoredImageReport } from '../../database/ImageReportStore';
import { builtImageSummary } from '../../imageReports/builtImageSummary';
import { withImageEvidence } from '../../imageReports/withImageEvidence';
import type { JoinImageFindings } from '../../imageReports/withImageEvidence';

/**
 * Where the entity report finds the latest reports of the entity's built
 * images, and the analyzer's join that says what they make of the findings
 * (handed in, so that report reads load no analyzer code themselves).
 */
export interface ImageEvidenceSource {
  latestFor(entityRef: string): Promise<StoredImageReport[]>;
  reportedAmong(entityRefs: string[]): Promise<Set<string>>;
  join: JoinImageFindings;
}

/**
 * The reports the API serves: reads the store and maps its rows to the API's
 * models under the compliance policy. What the analysis produced
 * (findings, fix diffs) was stored at scan time; the one thing joined at
 * read time is what the latest built-image reports say of the findings
 * (a pure join, no analysis), so that a rescan or a newer image report
 * never leaves them out of step.
 */
export class ReportService {
  private readonly terms: ReportTerms;

  constructor(
    private readonly store: ReportStore,
    readonly policy: CompliancePolicy,
    private readonly imageEvidence?: ImageEvidenceSource,
  ) {
    this.terms = reportTerms(policy);
  }

  async getEntityReport(entityRef: string): Promise<EntityReport | undefined> {
    const record = await this.store.getEntityRecord(entityRef);
    if (!record) {
      return undefined;
    }
    const { entity, scan } = record;
    const dockerfiles = record.dockerfiles.map(dockerfile =>
      toDockerfileResult(
        dockerfile,
        record.findings
          .filter(finding => finding.dockerfile_id === dockerfile.id)
          .map(toFinding),
      ),
    );
    const imageReports = (await this.imageEvidence?.latestFor(entityRef)) ?? [];
    const judged = this.imageEvidence
      ? withImageEvidence(dockerfiles, imageReports, this.imageEvidence.join)
      : dockerfiles;
    const report: EntityReport = {
      ...toEntitySummary(entity, this.policy),
      dockerfiles: judged,
    };
    const builtImage = builtImageSummary(judged, imageReports);
    if (builtImage) {
      report.builtImage = builtImage;
    }
    if (entity.source_location) {
      report.sourceLocation = entity.source_location;
    }
    if (entity.explanation) {
      report.explanation = JSON.parse(entity.explanation);
    }
    if (scan) {
      report.scan = toScanInfo(scan);
    }
    return report;
  }

  /**
   * A page's services with their image verdicts: the join needs each
   * reported service's findings and file text, so only those with a report
   * (one query to find them) are read in full.
   */
  private async withBuiltImages(
    items: EntitySummary[],
  ): Promise<EntitySummary[]> {
    if (!this.imageEvidence || items.length === 0) return items;
    const reported = await this.imageEvidence.reportedAmong(
      items.map(item => item.entityRef),
    );
    return Promise.all(
      items.map(async item => {
        if (!reported.has(item.entityRef)) return item;
        const builtImage = (await this.getEntityReport(item.entityRef))
          ?.builtImage;
        return builtImage ? { ...item, builtImage } : item;
      }),
    );
  }

  /** Daily scores, oldest first, from `sinceDay` (`YYYY-MM-DD`) when given. */
  async getHistory(
    entityRef: string,
    sinceDay?: string,
  ): Promise<ScoreHistoryPoint[]> {
    const rows = await this.store.getHistory(entityRef, sinceDay);
    return rows.map(toScoreHistoryPoint);
  }

  async queryReport(
    query: ReportQuery,
    visibility: EntityVisibility,
  ): Promise<OrgReport> {
    const records = await this.store.queryReport(query, visibility, this.terms);
    const { totals } = records;
    const report: OrgReport = {
      items: await this.withBuiltImages(
        records.items.map(row => toEntitySummary(row, this.policy)),
      ),
      page: records.page,
      pageSize: records.pageSize,
      totalCount: totals.entityCount,
      summary: {
        entityCount: totals.entityCount,
        scoredCount: totals.scoredCount,
        averageScore: roundedAverage(totals.averageScore),
        gradeCounts: gradeCounts(records.gradeRows),
        compliantCount: totals.compliantCount,
        compliantShare:
          totals.scoredCount === 0
            ? null
            : totals.compliantCount / totals.scoredCount,
        policy: this.policy,
        staleCount: totals.staleCount,
        failingCount: totals.failingCount,
        topRules: records.topRules.map(toRuleTally),
        muslBreakingRisks: {
          entityCount: totals.muslEntityCount,
          rules: records.muslRules.map(toRuleTally),
        },
      },
    };
    if (query.groupBy && records.rollups) {
      report.rollups = {
        groupBy: query.groupBy,
        groups: records.rollups.map(row => ({
          key: row.group_key ?? null,
          entityCount: Number(row.entity_count),
          scoredCount: Number(row.scored_count),
          averageScore: roundedAverage(row.average_score),
          gradeCounts: gradeCountsOfRow(row),
          compliantCount: Number(row.compliant_count ?? 0),
          staleCount: Number(row.stale_count ?? 0),
        })),
      };
    }
    return report;
  }

  /**
   * The org trend from `sinceDay` (`YYYY-MM-DD`): per day, the daily scores
   * of the visible entities that match the filter today.
   */
  async getOrgHistory(
    filter: ReportFilter,
    visibility: EntityVisibility,
    sinceDay: string,
  ): Promise<OrgHistory> {
    const rows = await this.store.getOrgHistory(
      filter,
      visibility,
      sinceDay,
      this.terms,
    );
    return { policy: this.policy, points: orgHistoryPoints(rows, this.policy) };
  }

  /** Every matching entity, in entity-ref order, read in bounded batches. */
  async *streamReport(
    filter: ReportFilter,
    visibility: EntityVisibility,
  ): AsyncIterable<EntitySummary> {
    for await (const row of this.store.streamReport(
      filter,
      visibility,
      this.terms,
    )) {
      yield toEntitySummary(row, this.policy);
    }
  }
}

function toRuleTally(row: RuleTallyRow): RuleTally {
  return {
    ruleId: row.rule_id,
    category: row.category,
    severity: row.severity,
    entityCount: Number(row.entity_count),
    findingCount: Number(row.finding_count),
  };
}

function gradeCounts(rows: GradeCountRow[]): Record<Grade, number> {
  const counts = Object.fromEntries(GRADES.map(grade => [grade, 0])) as Record<
    Grade,
    number
  >;
  for (const row of rows) {
    counts[row.grade as Grade] = Number(row.entity_count);
  }
  return counts;
}

/** Grade counts selected as `grade_a` … `grade_f`. */
function gradeCountsOfRow(row: RollupRow): Record<Grade, number> {
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
