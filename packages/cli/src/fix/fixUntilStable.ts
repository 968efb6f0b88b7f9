import { applyFixes, FileReport, Fix } from '@alpine-advisor/analyzer';

/** At most this many fix-and-reanalyse rounds: fixes skipped for overlapping get another chance each round. */
const MAX_ROUNDS = 10;

export interface FixOutcome {
  text: string;
  report: FileReport;
  /** How many fixes were applied over all rounds. */
  applied: number;
}

/**
 * Applies every finding's fix, analyses the result again and repeats while
 * fixes still apply: overlapping fixes are skipped by `applyFixes`, not
 * merged, and are offered afresh by the next analysis. The final report is
 * what remains after fixing.
 */
export function fixUntilStable(
  text: string,
  report: FileReport,
  analyze: (text: string) => FileReport,
): FixOutcome {
  let current = { text, report, applied: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const fixes = fixesOf(current.report);
    if (fixes.length === 0) break;
    const result = applyFixes(current.text, fixes);
    if (result.applied.length === 0 || result.output === current.text) break;
    current = {
      text: result.output,
      report: analyze(result.output),
      applied: current.applied + result.applied.length,
    };
  }
  return current;
}

function fixesOf(report: FileReport): Fix[] {
  return report.findings.flatMap(finding => (finding.fix ? [finding.fix] : []));
}
