import type { AnalyzerConfig, Severity } from '../types';
import { normalizeRuleReference } from '../suppressions/ruleReference';

/** What the config says about one rule: drop its findings, or give them this severity. */
export type RuleDecision = Severity | 'off';

/**
 * Folds layers of `ignore` + `severity` into one decision per rule, later
 * layers winning. Within a layer `ignore` is read after `severity`, so an
 * ignored rule stays ignored even if a hand-built config also rates it.
 */
export function foldDecisions(
  layers: Array<Pick<AnalyzerConfig, 'ignore' | 'severity'>>,
): Map<string, RuleDecision> {
  const decisions = new Map<string, RuleDecision>();
  for (const layer of layers) {
    for (const [id, setting] of Object.entries(layer.severity ?? {})) {
      decisions.set(normalizeRuleReference(id), setting);
    }
    for (const id of layer.ignore ?? []) {
      decisions.set(normalizeRuleReference(id), 'off');
    }
  }
  return decisions;
}
