import type {
  CompliancePolicy,
  OrgHistoryPoint,
} from '@alpine-advisor/backstage-plugin-common';
import type { OrgHistoryGroupRow } from '../../database/ReportStore';
import { compliantGrades, GRADES, Grade } from './compliance';

export type { OrgHistoryGroupRow };

/** Folds the day × grade × musl-error groups (ordered by day) into trend points. */
export function orgHistoryPoints(
  rows: OrgHistoryGroupRow[],
  policy: CompliancePolicy,
): OrgHistoryPoint[] {
  const grades = compliantGrades(policy);
  const points: OrgHistoryPoint[] = [];
  const scoreSums: number[] = [];
  for (const row of rows) {
    let point = points[points.length - 1];
    if (point?.day !== row.day) {
      point = {
        day: row.day,
        scannedCount: 0,
        averageScore: 0,
        compliantCount: 0,
        compliantShare: 0,
        gradeCounts: noGrades(),
      };
      points.push(point);
      scoreSums.push(0);
    }
    const count = Number(row.scanned_count);
    point.scannedCount += count;
    scoreSums[points.length - 1] += Number(row.score_sum);
    point.gradeCounts[row.grade as Grade] += count;
    const muslAllowed = policy.allowMuslErrors || Number(row.musl_error) === 0;
    if (grades.includes(row.grade as Grade) && muslAllowed) {
      point.compliantCount += count;
    }
  }
  points.forEach((point, index) => {
    // One decimal, as the report's averages.
    point.averageScore =
      Math.round((scoreSums[index] / point.scannedCount) * 10) / 10;
    point.compliantShare = point.compliantCount / point.scannedCount;
  });
  return points;
}

function noGrades(): Record<Grade, number> {
  return Object.fromEntries(GRADES.map(grade => [grade, 0])) as Record<
    Grade,
    number
  >;
}
