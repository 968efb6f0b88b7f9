import type { FileReport } from '@alpine-advisor/analyzer';
import { scoreService } from '@alpine-advisor/analyzer';
import {
  toApiExplanation,
  toApiFinding,
  toApiStage,
} from '../service/report/mappers';
import type { ScanOutcome } from './ScanOutcome';
import type { AnalysedDockerfile, ScanSuccess } from './types';
import type { AnalysisRequest, FileAnalysis } from './analysis/FileAnalysis';
import { fixDiff } from './fixDiff';
import { storableContent } from './storableContent';
import { storableContext } from './storableContext';

/** An entity's Dockerfiles analysed: the analyzer's reports and what is stored of them. */
export interface AnalysedFiles {
  /** In request order. */
  reports: FileReport[];
  /** The reports in the API's words, with the text and settings to keep. */
  files: AnalysedDockerfile[];
  service: ScanSuccess['service'];
}

/**
 * The pipeline's analysis step, shared by every scan (sweep, rescan, and the
 * re-score after a knowledge refresh): runs the analysis and maps its
 * reports to what the store keeps.
 */
export async function analyseDockerfiles(
  analysis: FileAnalysis,
  requests: AnalysisRequest[],
  now: Date,
): Promise<AnalysedFiles> {
  const reports = await analysis.analyse(requests, now);
  const service = scoreService(reports);
  return {
    reports,
    files: toAnalysedDockerfiles(reports, requests),
    service: {
      score: service.score,
      grade: service.grade,
      explanation: toApiExplanation(service.explanation),
    },
  };
}

/**
 * Reports (in request order) as stored: findings, stages and the score's
 * explanation mapped to the API (findings with their fix diffs, when the
 * text is kept), the text and the settings.
 */
export function toAnalysedDockerfiles(
  reports: FileReport[],
  requests: AnalysisRequest[],
): AnalysedDockerfile[] {
  return reports.map((report, index) => {
    const request = requests[index];
    const content =
      request === undefined ? undefined : storableContent(request.content);
    return {
      path: report.path,
      score: report.score,
      grade: report.grade,
      usesAlpine: report.usesAlpine,
      stages: report.stages.map(toApiStage),
      explanation: toApiExplanation(report.explanation),
      // Each fix's diff is computed once, here: report reads only read it.
      findings: report.findings.map(finding =>
        toApiFinding(
          finding,
          finding.fix && content !== undefined
            ? fixDiff(report.path, content, finding.fix)
            : undefined,
        ),
      ),
      knowledgeVersion: report.knowledge?.version,
      content,
      analysisConfig: request?.config,
      analysisContext: storableContext(request?.context),
      ...(report.suppressed ? { suppressed: report.suppressed } : {}),
    };
  });
}

/**
 * The pipeline's outcome step after an analysis: the result the store
 * records, for a read repository or for stored files analysed again.
 */
export function analysedOutcome(
  scan: Omit<ScanSuccess, 'files' | 'service'>,
  analysed: AnalysedFiles,
): ScanOutcome {
  return {
    kind: 'analysed',
    entityRef: scan.entityRef,
    scan: { ...scan, files: analysed.files, service: analysed.service },
  };
}
