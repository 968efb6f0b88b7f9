import { applyFixes } from '../../fix';
import { gradeFor } from '../../score';
import { CATEGORIES, SEVERITIES } from '../../types';
import type { FileReport, Finding } from '../../types';

const lenientUtf8 = new TextDecoder('utf-8');

/** The input's text as the analyzer will see it, for position checks. */
export function inputText(content: string | Uint8Array): string {
  const text =
    typeof content === 'string' ? content : lenientUtf8.decode(content);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Everything wrong with a report for the given input, as readable strings (an
 * empty list means valid). Checks the JSON contract, not the rules' opinions:
 * types and enums, 1-based positions inside the file, a grade that matches the
 * score, fixes that apply to the file, values that survive JSON.
 */
export function reportProblems(
  report: FileReport,
  input: { path: string; content: string | Uint8Array },
): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(message);
  if (!report || typeof report !== 'object')
    return ['the report is not an object'];
  if (report.path !== input.path)
    fail(`path ${JSON.stringify(report.path)} is not the input's`);
  if (
    !Number.isInteger(report.score) ||
    report.score < 0 ||
    report.score > 100
  ) {
    fail(`score ${report.score} is not an integer in 0–100`);
  } else if (report.grade !== gradeFor(report.score)) {
    fail(`grade ${report.grade} does not match score ${report.score}`);
  }
  if (typeof report.usesAlpine !== 'boolean')
    fail('usesAlpine is not a boolean');
  if (!report.explanation || typeof report.explanation.summary !== 'string') {
    fail('explanation.summary is missing');
  } else if (!Array.isArray(report.explanation.deductions)) {
    fail('explanation.deductions is not a list');
  }
  const text = inputText(input.content);
  const lines = text.split(/\r\n|\r|\n/);
  if (!Array.isArray(report.findings)) {
    fail('findings is not a list');
  } else {
    report.findings.forEach((finding, index) =>
      findingProblems(finding, lines, text).forEach(problem =>
        fail(`findings[${index}] (${finding?.ruleId}): ${problem}`),
      ),
    );
  }
  if (!Array.isArray(report.stages)) {
    fail('stages is not a list');
  } else {
    report.stages.forEach((stage, index) => {
      if (stage.index !== index)
        fail(`stages[${index}].index is ${stage.index}`);
      if (!isLineIn(stage.line, lines))
        fail(`stages[${index}].line ${stage.line} is outside the file`);
      if (stage.isFinal !== (index === report.stages.length - 1)) {
        fail(`stages[${index}].isFinal is ${stage.isFinal}`);
      }
    });
    if (
      report.usesAlpine !==
      report.stages.some(stage => stage.distro === 'alpine')
    ) {
      fail('usesAlpine disagrees with the stages');
    }
  }
  problems.push(...nonJsonValues(report, 'report'));
  return problems;
}

function findingProblems(
  finding: Finding,
  lines: string[],
  text: string,
): string[] {
  const problems: string[] = [];
  if (typeof finding.ruleId !== 'string' || !finding.ruleId)
    problems.push('ruleId is empty');
  if (!CATEGORIES.includes(finding.category))
    problems.push(`category ${finding.category}`);
  if (!SEVERITIES.includes(finding.severity))
    problems.push(`severity ${finding.severity}`);
  if (!isLineIn(finding.line, lines))
    problems.push(`line ${finding.line} is outside 1–${lines.length}`);
  if (!isLineIn(finding.endLine, lines) || finding.endLine < finding.line) {
    problems.push(
      `endLine ${finding.endLine} (line ${finding.line}, ${lines.length} lines)`,
    );
  }
  if (isLineIn(finding.line, lines)) {
    const maxColumn = lines[finding.line - 1].length + 1;
    if (
      !Number.isInteger(finding.column) ||
      finding.column < 1 ||
      finding.column > maxColumn
    ) {
      problems.push(`column ${finding.column} is outside 1–${maxColumn}`);
    }
  }
  if (typeof finding.message !== 'string' || !finding.message.trim())
    problems.push('message is empty');
  if (typeof finding.remediation !== 'string')
    problems.push('remediation is not a string');
  if (
    !Array.isArray(finding.aliases) ||
    finding.aliases.some(alias => typeof alias !== 'string')
  ) {
    problems.push('aliases is not a list of strings');
  }
  if (finding.fix !== undefined) {
    if (!Array.isArray(finding.fix.edits) || finding.fix.edits.length === 0) {
      problems.push('fix has no edits');
    } else if (applyFixes(text, [finding.fix]).skipped.length > 0) {
      problems.push(
        'fix does not apply to the file (edits outside it or overlapping)',
      );
    }
  }
  return problems;
}

function isLineIn(line: number, lines: string[]): boolean {
  return Number.isInteger(line) && line >= 1 && line <= lines.length;
}

/** Values JSON.stringify would lose or choke on. */
function nonJsonValues(
  value: unknown,
  path: string,
  seen = new Set<unknown>(),
): string[] {
  if (typeof value === 'number')
    return Number.isFinite(value) ? [] : [`${path} is ${value}`];
  if (
    typeof value === 'function' ||
    typeof value === 'symbol' ||
    typeof value === 'bigint'
  ) {
    return [`${path} is a ${typeof value}`];
  }
  if (value === null || typeof value !== 'object') return [];
  if (seen.has(value)) return [`${path} is a cycle`];
  seen.add(value);
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== Array.prototype) {
    return [`${path} is a ${value.constructor?.name ?? 'non-plain object'}`];
  }
  const problems = Object.entries(value).flatMap(([key, child]) =>
    nonJsonValues(child, `${path}.${key}`, seen),
  );
  seen.delete(value);
  return problems;
}
