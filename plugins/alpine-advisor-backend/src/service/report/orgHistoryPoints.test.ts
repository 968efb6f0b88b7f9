import { createCompliancePolicy } from './compliance';
import { OrgHistoryGroupRow, orgHistoryPoints } from './orgHistoryPoints';

const group = (
  day: string,
  grade: OrgHistoryGroupRow['grade'],
  muslError: 0 | 1,
  count: number,
  scoreSum: number,
): OrgHistoryGroupRow => ({
  day,
  grade,
  // PostgreSQL returns counts and sums as strings.
  musl_error: String(muslError),
  scanned_count: String(count),
  score_sum: String(scoreSum),
});

const rows = [
  group('2026-03-01', 'A', 0, 2, 190),
  group('2026-03-01', 'B', 1, 1, 85),
  group('2026-03-01', 'D', 0, 3, 160),
  group('2026-03-02', 'C', 0, 1, 71),
];

describe('orgHistoryPoints', () => {
  it('folds the groups of each day into one point', () => {
    const [first, second] = orgHistoryPoints(rows, createCompliancePolicy({}));
    expect(first).toEqual({
      day: '2026-03-01',
      scannedCount: 6,
      averageScore: 72.5,
      // B with a musl error does not count under the default policy.
      compliantCount: 2,
      compliantShare: 2 / 6,
      gradeCounts: { A: 2, B: 1, C: 0, D: 3, F: 0 },
    });
    expect(second).toEqual({
      day: '2026-03-02',
      scannedCount: 1,
      averageScore: 71,
      compliantCount: 0,
      compliantShare: 0,
      gradeCounts: { A: 0, B: 0, C: 1, D: 0, F: 0 },
    });
  });

  it('counts musl errors as compliant when the policy allows them', () => {
    const [first] = orgHistoryPoints(
      rows,
      createCompliancePolicy({ allowMuslErrors: true, minimumGrade: 'D' }),
    );
    expect(first.compliantCount).toBe(6);
  });

  it('rounds the average to one decimal', () => {
    const [point] = orgHistoryPoints(
      [group('2026-03-01', 'C', 0, 3, 214)],
      createCompliancePolicy({}),
    );
    expect(point.averageScore).toBe(71.3);
  });

  it('gives no points without groups', () => {
    expect(orgHistoryPoints([], createCompliancePolicy({}))).toEqual([]);
  });
});
