import type { Grade } from '@alpine-advisor/analyzer';
import type {
  CompliancePolicy,
  OrgHistoryPoint,
} from '@alpine-advisor/backstage-plugin-common';
import { compliantGrades, GRADES } from './compliance';

/** One group of the org trend's query: a day, a grade and whether a musl error counted against it. */
export interface OrgHistoryGroupRow {
  day: string;
  grade: Grade;
  musl_error: unknown;
  scanned_count: unknown;
  score_sum: unknown;
}

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
    point.gradeCounts[row.grade] += count;
    const muslAllowed = policy.allowMuslErrors || Number(row.musl_error) === 0;
    if (grades.includes(row.grade) && muslAllowed) {
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
