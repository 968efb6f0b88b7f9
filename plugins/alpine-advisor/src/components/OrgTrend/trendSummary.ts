import type { OrgHistoryPoint } from '../../api/types';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The org trend in one sentence: the chart's text alternative. */
export function trendSummary(points: OrgHistoryPoint[]): string {
  if (points.length === 0) {
    return 'No scans recorded in this period.';
  }
  const first = points[0];
  const last = points[points.length - 1];
  const latest = `On ${last.day}, ${last.scannedCount} ${
    last.scannedCount === 1 ? 'service was' : 'services were'
  } scanned: average score ${last.averageScore}, ${percent(
    last.compliantShare,
  )} compliant.`;
  if (points.length === 1) {
    return latest;
  }
  const scoreChange =
    Math.round((last.averageScore - first.averageScore) * 10) / 10;
  const direction =
    scoreChange === 0
      ? 'stayed at'
      : `${scoreChange > 0 ? 'rose' : 'fell'} by ${Math.abs(scoreChange)} to`;
  return `Since ${first.day} the average score ${direction} ${
    last.averageScore
  } and the share compliant went from ${percent(
    first.compliantShare,
  )} to ${percent(last.compliantShare)}. ${latest}`;
}
