import type { RuleMeta } from '../../types';
import type { Problem } from './types';

const PLACEHOLDER = /\{\{\s*([A-Za-z_$][\w$]*)\s*\}\}/g;

/**
 * A rule's message template filled with `data` (`{{name}}` placeholders, as
 * ESLint). Throws on an unknown id or a placeholder without a value: a rule
 * bug, which the engine turns into that rule's finding being skipped and the
 * rule's tests into a failure.
 */
export function formatMessage(
  meta: RuleMeta,
  messageId: string,
  data: Readonly<Record<string, string | number>> = {},
): string {
  const messages = meta.messages ?? {};
  if (!Object.prototype.hasOwnProperty.call(messages, messageId))
    throw new Error(`rule ${meta.id} has no message '${messageId}'`);
  return messages[messageId].replace(PLACEHOLDER, (_, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(data, name))
      throw new Error(
        `rule ${meta.id}, message '${messageId}': no value for {{${name}}}`,
      );
    return String(data[name]);
  });
}

/** The text of a reported problem: its `messageId` template filled, or its `message`. */
export function problemMessage(meta: RuleMeta, problem: Problem): string {
  if (problem.messageId !== undefined)
    return formatMessage(meta, problem.messageId, problem.data);
  if (problem.message === undefined)
    throw new Error(`rule ${meta.id} reported a problem without a message`);
  return problem.message;
}

/** The `{{name}}` placeholders of a template, in order of first use. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map(m => m[1]))];
}

/**
 * What is wrong with how a reported problem names its message: a literal
 * `message` (built-in rules report by id, so that every text they can give
 * is a template in `meta.messages`), an unknown `messageId`, or a template
 * placeholder without a value in `data`. Empty when the problem is fine.
 * The RuleTester and the framework tests fail on any of these.
 */
export function messageIssues(meta: RuleMeta, problem: Problem): string[] {
  const issues: string[] = [];
  if (problem.message !== undefined)
    issues.push(
      `rule ${
        meta.id
      } reports a literal message instead of a messageId: ${JSON.stringify(
        problem.message,
      )}`,
    );
  const { messageId } = problem;
  if (messageId === undefined) {
    if (problem.message === undefined)
      issues.push(`rule ${meta.id} reported a problem without a messageId`);
    return issues;
  }
  const messages = meta.messages ?? {};
  if (!Object.prototype.hasOwnProperty.call(messages, messageId)) {
    issues.push(`rule ${meta.id} reports unknown messageId '${messageId}'`);
    return issues;
  }
  const data = problem.data ?? {};
  for (const name of placeholdersOf(messages[messageId])) {
    if (!Object.prototype.hasOwnProperty.call(data, name))
      issues.push(
        `rule ${meta.id}, message '${messageId}': no value for {{${name}}}`,
      );
  }
  return issues;
}

/** Text left in a template once its `{{name}}` placeholders are taken out: a stray `{{` or `}}` is a malformed placeholder. */
export function malformedPlaceholders(template: string): string[] {
  return template.replace(PLACEHOLDER, '').match(/\{\{|\}\}/g) ?? [];
}
