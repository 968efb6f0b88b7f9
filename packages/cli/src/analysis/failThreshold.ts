import type { Finding, Severity } from '@alpine-advisor/analyzer';
import type { FailOn } from '../cli/options';

const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

/** True when a finding at or above `failOn` is present; `none` never fails. */
export function failsThreshold(findings: Finding[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const threshold = RANK[failOn];
  return findings.some(finding => RANK[finding.severity] >= threshold);
}

/** Orders severities from the worst, for summaries. */
export function severityRank(severity: Severity): number {
  return RANK[severity];
}
