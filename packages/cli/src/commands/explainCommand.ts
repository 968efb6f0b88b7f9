import type { RuleDescription } from '@alpine-advisor/analyzer';
import { EXIT_OK } from '../cli/exitCodes';
import type { CliIO } from '../cli/io';
import type { CliOptions } from '../cli/options';
import { UsageError } from '../cli/UsageError';
import { findRule } from './findRule';

/** `--explain ID`: one rule's docs, found by id or by a peer tool's alias. */
export function explainCommand(
  idOrAlias: string,
  options: CliOptions,
  io: CliIO,
): number {
  const rule = findRule(idOrAlias);
  if (!rule) {
    throw new UsageError(
      `unknown rule "${idOrAlias}" (alpine-advisor --rules lists them)`,
    );
  }
  io.stdout.write(
    options.format === 'json'
      ? `${JSON.stringify(rule, null, 2)}\n`
      : describeRule(rule),
  );
  return EXIT_OK;
}

function describeRule(rule: RuleDescription): string {
  const facts = [
    `category: ${rule.category}`,
    `severity: ${rule.severity}`,
    `fixable: ${rule.fixable ? 'yes (--fix)' : 'no'}`,
    `applies to: ${rule.scope === 'alpine' ? 'Alpine stages' : 'every stage'}`,
  ].join(' · ');
  const parts = [`# ${rule.id}: ${rule.title}`, facts];
  if (rule.aliases.length > 0) {
    parts.push(`Also known as: ${rule.aliases.join(', ')}`);
  }
  parts.push(withoutLeadingHeading(rule.docs));
  if (rule.references.length > 0) {
    parts.push(
      [
        'References:',
        ...rule.references.map(reference => `- ${reference}`),
      ].join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

/** The docs open with their own `# id` heading, which the title line above already says. */
function withoutLeadingHeading(docs: string): string {
  return docs.trim().replace(/^# [^\n]*\n+/, '');
}
