import { getRule, listRules, RuleDescription } from '@alpine-advisor/analyzer';

/**
 * A rule by id or alias (`hadolint:DL3019`), or by a peer tool's bare code
 * (`DL3019`, `DS-0025`) when exactly one rule carries it: what people copy
 * from another linter's output.
 */
export function findRule(name: string): RuleDescription | undefined {
  const exact = getRule(name);
  if (exact) return exact;
  const code = name.trim().toLowerCase();
  const matches = listRules().filter(rule =>
    rule.aliases.some(alias => alias.toLowerCase().split(':').pop() === code),
  );
  return matches.length === 1 ? matches[0] : undefined;
}
