import type { ImageFacts, joinImageFindings } from '@alpine-advisor/analyzer';
import type { DockerfileResult } from '@alpine-advisor/backstage-plugin-common';
import type { StoredImageReport } from '../database/ImageReportStore';

/**
 * Whether a report posted for `reportPath` speaks for a Dockerfile: the
 * same path, or no path when the entity has a single Dockerfile.
 */
export function reportAppliesTo(
  reportPath: string | undefined,
  file: DockerfileResult,
  fileCount: number,
): boolean {
  return (
    reportPath === file.path || (reportPath === undefined && fileCount === 1)
  );
}

/** The report for a Dockerfile: the one posted for its path before one posted without. */
export function imageReportFor(
  file: DockerfileResult,
  fileCount: number,
  reports: StoredImageReport[],
): StoredImageReport | undefined {
  return (
    reports.find(report => report.dockerfilePath === file.path) ??
    reports.find(report =>
      reportAppliesTo(report.dockerfilePath, file, fileCount),
    )
  );
}

/** The analyzer's join, handed in: report reads do not load the analyzer themselves. */
export type JoinImageFindings = typeof joinImageFindings;

/**
 * The Dockerfiles with what their built images say of each musl finding
 * (`evidence` with `source: image`), joined at read time with the
 * analyzer's `joinImageFindings` (the same join as `alpine-advisor image
 * --dockerfile`), so a rescan is judged against the image already reported.
 */
export function withImageEvidence(
  files: DockerfileResult[],
  reports: StoredImageReport[],
  join: JoinImageFindings,
): DockerfileResult[] {
  if (reports.length === 0) return files;
  return files.map(file => {
    const stored = imageReportFor(file, files.length, reports);
    if (!stored) return file;
    const image = stored.report as ImageFacts;
    const joined = join(file.findings, file.content, {
      ...image,
      imageId: stored.imageDigest ?? image.imageId,
    });
    return {
      ...file,
      findings: file.findings.map((finding, index) => {
        const evidence = joined.evidence[index];
        return evidence
          ? { ...finding, evidence: [...(finding.evidence ?? []), evidence] }
          : finding;
      }),
    };
  });
}
