import { RULES } from './rules';
import { RULE_DOCS } from './rules/ruleDocs.generated';
import type { RuleDescription, RuleMeta } from './types';

/**
 * Why a rule matters, from its docs: the first paragraph after the `# id`
 * heading, its lines joined (without a closing sentence that leads into a
 * list). docs.md is the one place a rule's why is
 * written; the catalog, SARIF and the portal's finding view take it from here.
 */
export function rationaleFromDocs(docs: string): string {
  const body = docs.replace(/^\s*#\s[^\n]*\n+/, '');
  const paragraph = body.split(/\n\s*\n/)[0] ?? '';
  const why = paragraph
    .split('\n')
    .map(line => line.trim())
    .join(' ')
    .trim();
  // A paragraph that leads into a list ("…: - a RUN that…") ends with the
  // sentence introducing it; the why is what comes before.
  const lastSentence = why.lastIndexOf('. ');
  return why.endsWith(':') && lastSentence > 0
    ? why.slice(0, lastSentence + 1)
    : why;
}

/** A rule's catalog entry: its metadata, docs and the why (given, or from the docs). */
export function describeRule(meta: RuleMeta, docs: string): RuleDescription {
  // Message templates stay with the rule (see `ruleMessages`): the catalog's
  // shape is a versioned contract (GET /rules answers it field by field).
  const { messages: _messages, ...described } = meta;
  return {
    ...described,
    aliases: [...meta.aliases],
    references: [...meta.references],
    rationale: meta.rationale ?? rationaleFromDocs(docs),
    docs,
  };
}

let descriptions: RuleDescription[] | undefined;

function allDescriptions(): RuleDescription[] {
  descriptions ??= RULES.map(rule =>
    describeRule(rule.meta, RULE_DOCS[rule.meta.id] ?? ''),
  );
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

/** A built-in rule's message templates by message id (`meta.messages`), for SARIF `messageStrings` and translations. @public */
export function ruleMessages(
  id: string,
): Readonly<Record<string, string>> | undefined {
  const wanted = id.trim().toLowerCase();
  return RULES.find(
    rule =>
      rule.meta.id === wanted ||
      rule.meta.aliases.some(alias => alias.toLowerCase() === wanted),
  )?.meta.messages;
}
