/*
 * Where the analyzer and a corpus case disagree and the analyzer is the one
 * that is wrong: each entry is written up in ANALYZER-DISCREPANCIES.md. The
 * corpus test requires exactly these discrepancies, so a fixed analyzer makes
 * an entry stale and fails the test until the entry is removed.
 */

export interface ExpectedDiscrepancy {
  caseId: string;
  kind: 'missed' | 'unexpected' | 'grade';
  /** As in Discrepancy: the concept's rule ids joined by `|`, or the finding's rule. */
  ruleId?: string;
  line?: number;
  reason: string;
}

export const EXPECTED_DISCREPANCIES: readonly ExpectedDiscrepancy[] = [];
