import { listRules, RuleDescription } from '@alpine-advisor/analyzer';
import { EXIT_OK } from '../cli/exitCodes';
import type { CliIO } from '../cli/io';
import type { CliOptions } from '../cli/options';
import { UsageError } from '../cli/UsageError';

/** `--rules`: a table for people, the full catalog (with docs) as JSON for tools. */
export function listRulesCommand(options: CliOptions, io: CliIO): number {
  const rules = [...listRules()].sort(
    (a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id),
  );
  switch (options.format) {
    case 'json':
      io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
      break;
    case 'markdown':
      io.stdout.write(markdownTable(rules));
      break;
    case 'tty':
      io.stdout.write(textTable(rules));
      break;
    default:
      throw new UsageError(
        `--rules prints tty, json or markdown, not ${options.format}`,
      );
  }
  return EXIT_OK;
}

function textTable(rules: RuleDescription[]): string {
  const header = ['ID', 'CATEGORY', 'SEVERITY', 'TITLE'];
  const rows = rules.map(rule => [
    rule.id,
    rule.category,
    rule.severity,
    rule.fixable ? `${rule.title} (fixable)` : rule.title,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map(row => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === cells.length - 1 ? cell : cell.padEnd(widths[column]),
      )
      .join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n\n${
    rules.length
  } rules. alpine-advisor --explain <id> prints a rule's docs.\n`;
}

function markdownTable(rules: RuleDescription[]): string {
  const rows = rules.map(
    rule =>
      `| \`${rule.id}\` | ${rule.category} | ${rule.severity} | ${
        rule.fixable ? 'yes' : 'no'
      } | ${rule.title.replace(/\|/g, '\\|')} | ${rule.aliases
        .map(alias => `\`${alias}\``)
        .join(', ')} |`,
  );
  return `${[
    '| Rule | Category | Severity | Fixable | Title | Aliases |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n')}\n`;
}
