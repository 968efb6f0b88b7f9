import type { AnalyzerConfig, Finding } from '../types';
import { normalizeRuleReference } from '../suppressions/ruleReference';
import { foldDecisions, RuleDecision } from './ruleDecisions';
import {
  EnforcedRules,
  isDowngrade,
  withAttempt,
} from '../enforcement/enforcedRules';

/**
 * Drops the findings of ignored (or `off`) rules and rewrites the severity of
 * re-rated ones. A rule may be named by its id or by any alias its findings
 * carry; its own id takes precedence over an alias. Only the top-level
 * settings are read: resolve per-path overrides with `effectiveConfig` first.
 * Findings of `enforced` rules are marked so, and the config cannot drop
 * them or lower their severity: such a decision is recorded on the finding
 * as a suppression attempt instead (a higher severity still applies).
 * @public
 */
export function applyConfig(
  findings: Finding[],
  config: AnalyzerConfig,
  enforced: EnforcedRules = new EnforcedRules(),
): Finding[] {
  const decisions = foldDecisions([config]);
  if (decisions.size === 0 && enforced.size === 0) return findings;
  const result: Finding[] = [];
  for (const finding of findings) {
    const decision = decisionFor(finding, decisions);
    if (enforced.coversFinding(finding)) {
      result.push(enforcedFinding(finding, decision));
      continue;
    }
    if (decision === 'off') continue;
    result.push(
      decision && decision !== finding.severity
        ? { ...finding, severity: decision }
        : finding,
    );
  }
  return result;
}

function enforcedFinding(
  finding: Finding,
  decision: RuleDecision | undefined,
): Finding {
  if (decision === undefined || decision === finding.severity) {
    return withAttempt(finding);
  }
  if (decision === 'off' || isDowngrade(finding.severity, decision)) {
    return withAttempt(finding, { via: 'config', requested: decision });
  }
  return withAttempt({ ...finding, severity: decision });
}

function decisionFor(
  finding: Finding,
  decisions: Map<string, RuleDecision>,
): RuleDecision | undefined {
  const own = decisions.get(normalizeRuleReference(finding.ruleId));
  if (own) return own;
  for (const alias of finding.aliases ?? []) {
    const byAlias = decisions.get(normalizeRuleReference(alias));
    if (byAlias) return byAlias;
  }
  return undefined;
}
