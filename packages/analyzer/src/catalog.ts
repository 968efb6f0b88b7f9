import type { RuleDescription } from './types';

const rules: RuleDescription[] = [];

/** Every rule the analyzer knows, with its docs. @public */
export function listRules(): RuleDescription[] {
  return rules.slice();
}

/** A rule by id or by alias such as `hadolint:DL3019`. @public */
export function getRule(id: string): RuleDescription | undefined {
  return rules.find(rule => rule.id === id || rule.aliases.includes(id));
}
