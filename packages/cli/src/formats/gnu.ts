import type { Finding } from '@alpine-advisor/analyzer';
import type { FormatContext } from './FormatContext';
import { sortByPosition } from './sortByPosition';

/**
 * The GNU Coding Standards' error format, as GCC writes it, one finding a
 * line: `file:line:column: severity: message [rule-id]`. Editors (Emacs
 * compilation mode, Vim's quickfix), CI log annotators and grep read it with
 * no plug-in. Files that could not be analysed follow as
 * `alpine-advisor: error: …`, the standard's form for messages without a file.
 */
export function formatGnu(context: FormatContext): string {
  const lines: string[] = [];
  for (const file of context.report.files) {
    for (const finding of sortByPosition(file.findings)) {
      lines.push(formatFinding(file.path, finding));
    }
  }
  for (const problem of context.problems) {
    lines.push(`alpine-advisor: error: ${oneLine(problem)}`);
  }
  return lines.map(line => `${line}\n`).join('');
}

function formatFinding(filePath: string, finding: Finding): string {
  const line = Math.max(1, finding.line);
  const column = Math.max(1, finding.column);
  return `${oneLine(filePath)}:${line}:${column}: ${
    finding.severity
  }: ${oneLine(finding.message)} [${finding.ruleId}]`;
}

/**
 * A message must not break the one-line-per-finding contract, nor carry
 * control characters into a terminal or a CI log (escape sequences, NUL that
 * makes grep call the log binary): they become U+FFFD.
 */
function oneLine(text: string): string {
  return (
    text
      .replace(/\s*[\r\n]+\s*/g, ' ')
      // eslint-disable-next-line no-control-regex -- finding control characters is the point
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '\uFFFD')
      .trim()
  );
}
