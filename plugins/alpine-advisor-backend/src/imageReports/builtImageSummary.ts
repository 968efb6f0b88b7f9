import type {
  DockerfileResult,
  EntitySummary,
} from '@alpine-advisor/backstage-plugin-common';
import type { StoredImageReport } from '../database/ImageReportStore';

/**
 * A service's image verdicts in two numbers, for the org report's list:
 * its findings confirmed in the built image and those not seen in it
 * (already joined into `evidence`), and when the latest report came.
 */
export function builtImageSummary(
  files: DockerfileResult[],
  reports: StoredImageReport[],
): EntitySummary['builtImage'] {
  if (reports.length === 0) return undefined;
  const verdicts = files.flatMap(file =>
    file.findings.flatMap(finding =>
      (finding.evidence ?? [])
        .filter(fact => fact.source === 'image')
        .map(fact => fact.verdict),
    ),
  );
  const latest = Math.max(
    ...reports.map(report => report.receivedAt.getTime()),
  );
  return {
    reportedAt: new Date(latest).toISOString(),
    confirmedCount: verdicts.filter(verdict => verdict === 'confirmed').length,
    notSeenCount: verdicts.filter(verdict => verdict === 'not-seen').length,
  };
}
