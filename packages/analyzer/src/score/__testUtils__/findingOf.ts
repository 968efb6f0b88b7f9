import type { Category, Finding, Severity } from '../../types';

/** A finding with only what scoring reads filled in meaningfully. */
export function findingOf(
  ruleId: string,
  severity: Severity,
  category: Category,
  line = 1,
): Finding {
  return {
    ruleId,
    category,
    severity,
    line,
    endLine: line,
    column: 1,
    message: `${ruleId} on line ${line}`,
    remediation: '',
    aliases: [],
  };
}
