import { RULES } from './rules';
import { RULE_DOCS } from './rules/ruleDocs.generated';
import type { RuleDescription } from './types';

let descriptions: RuleDescription[] | undefined;

function allDescriptions(): RuleDescription[] {
  descriptions ??= RULES.map(rule => ({
    ...rule.meta,
    docs: RULE_DOCS[rule.meta.id] ?? '',
  }));
  return descriptions;
}

/** Every rule the analyzer knows, with its docs. @public */
export function listRules(): RuleDescription[] {
  return allDescriptions().map(rule => ({
    ...rule,
    aliases: [...rule.aliases],
    references: [...rule.references],
  }));
}

/** A rule by id or by alias such as `hadolint:DL3019` (case-insensitive). @public */
export function getRule(id: string): RuleDescription | undefined {
  const wanted = id.trim().toLowerCase();
  const rule = allDescriptions().find(
    candidate =>
      candidate.id === wanted ||
      candidate.aliases.some(alias => alias.toLowerCase() === wanted),
  );
  return (
    rule && {
      ...rule,
      aliases: [...rule.aliases],
      references: [...rule.references],
    }
  );
}
