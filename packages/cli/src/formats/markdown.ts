import type { FileReport, Finding, Severity } from '@alpine-advisor/analyzer';
import { codeFrameLines, splitLines } from './codeFrame';
import { countFindings, describeCounts, plural } from './countFindings';
import type { FormatContext } from './FormatContext';
import { isPlaceholderDocsUrl, ruleDocsUrl } from './ruleDocsUrl';

const SEVERITY_LABEL: Record<Severity, string> = {
  error: '🔴 error',
  warning: '🟠 warning',
  info: '🔵 info',
};

/**
 * Markdown for a pull-request comment: a summary table with one row per
 * file, then each file's findings with their remediation, and the code and
 * score explanation folded into <details> so the comment stays short.
 */
export function formatMarkdown(context: FormatContext): string {
  const { files } = context.report;
  const sections = [
    '## Alpine Advisor',
    summaryLine(files),
    ...(files.length > 0 ? [summaryTable(files)] : []),
    ...files
      .filter(file => file.findings.length > 0)
      .map(file => fileSection(file, context)),
    ...(context.problems.length > 0 ? [problemsSection(context.problems)] : []),
    ...(isPlaceholderDocsUrl(context.docsBaseUrl) && hasFindings(files)
      ? ['_Each rule explains itself: `alpine-advisor --explain <rule-id>`._']
      : []),
    ...(context.report.knowledge
      ? [
          `<sub>Knowledge ${context.report.knowledge.version} (Alpine releases as of ${context.report.knowledge.releasesAsOf})</sub>`,
        ]
      : []),
  ];
  return `${sections.join('\n\n')}\n`;
}

function hasFindings(files: FileReport[]): boolean {
  return files.some(file => file.findings.length > 0);
}

function summaryLine(files: FileReport[]): string {
  const counts = countFindings(files.flatMap(file => file.findings));
  if (files.length === 0) return 'No Dockerfile was analysed.';
  if (counts.total === 0) {
    return `✅ No problems in ${plural(files.length, 'Dockerfile')}.`;
  }
  return `**${plural(counts.total, 'problem')}** (${describeCounts(
    counts,
  )}) in ${plural(files.length, 'Dockerfile')}.`;
}

function summaryTable(files: FileReport[]): string {
  const rows = files.map(file => {
    const counts = countFindings(file.findings);
    return `| ${tableCell(inlineCode(file.path))} | ${file.score} | ${
      file.grade
    } | ${counts.error} | ${counts.warning} | ${counts.info} |`;
  });
  return [
    '| Dockerfile | Score | Grade | Errors | Warnings | Info |',
    '| --- | ---: | :---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

function fileSection(file: FileReport, context: FormatContext): string {
  const source = context.sources.get(file.path);
  const lines = source === undefined ? undefined : splitLines(source);
  const findings = [...file.findings].sort((a, b) => a.line - b.line);
  const parts = [
    `### ${inlineCode(file.path)} · ${file.score}/100 (${file.grade})`,
    findings
      .map(finding => findingItem(finding, context.docsBaseUrl))
      .join('\n'),
  ];
  const details = [
    lines ? codeDetails(findings, lines) : '',
    scoreDetails(file),
  ].filter(Boolean);
  parts.push(
    `<details><summary>Code and score details</summary>\n\n${details.join(
      '\n\n',
    )}\n\n</details>`,
  );
  return parts.join('\n\n');
}

function findingItem(finding: Finding, docsBaseUrl: string): string {
  const rule = ruleReference(finding, docsBaseUrl);
  const head = `- **${SEVERITY_LABEL[finding.severity]}** ${rule} line ${
    finding.line
  }: ${oneLine(finding.message)}`;
  const fix = finding.remediation
    ? `\n  <br>**How to fix:** ${oneLine(finding.remediation)}`
    : '';
  const auto = finding.fix
    ? `\n  <br>_Fixable with \`alpine-advisor --fix\`: ${oneLine(
        finding.fix.description,
      )}_`
    : '';
  return `${head}${fix}${auto}`;
}

/** The rule id, linked to its docs when a docs URL was configured (a PR comment should not link a placeholder). */
function ruleReference(finding: Finding, docsBaseUrl: string): string {
  const id = inlineCode(finding.ruleId);
  if (isPlaceholderDocsUrl(docsBaseUrl)) return id;
  const docsUrl = ruleDocsUrl(
    { id: finding.ruleId, category: finding.category },
    docsBaseUrl,
  );
  return `[${id}](${docsUrl})`;
}

function codeDetails(findings: Finding[], lines: string[]): string {
  return findings
    .map(finding => {
      const { frame } = codeFrameLines(lines, finding.line, finding.endLine);
      const width = String(frame[frame.length - 1]?.number ?? 1).length;
      const body = frame
        .map(
          ({ number, text, marked }) =>
            `${marked ? '>' : ' '} ${String(number).padStart(width)} | ${text}`,
        )
        .join('\n');
      return `${inlineCode(finding.ruleId)} at line ${finding.line}:\n\n${fence(
        body,
      )}`;
    })
    .join('\n\n');
}

function scoreDetails(file: FileReport): string {
  const { explanation } = file;
  const parts = [`**Score:** ${oneLine(explanation.summary)}`];
  if (explanation.cap) parts.push(`**Cap:** ${oneLine(explanation.cap)}`);
  if (explanation.deductions.length > 0) {
    parts.push(
      [
        '| Rule | Severity | Count | Points |',
        '| --- | --- | ---: | ---: |',
        ...explanation.deductions.map(
          deduction =>
            `| ${tableCell(inlineCode(deduction.ruleId))} | ${
              deduction.severity
            } | ${deduction.count} | −${deduction.points} |`,
        ),
      ].join('\n'),
    );
  }
  return parts.join('\n\n');
}

function problemsSection(problems: readonly string[]): string {
  return [
    `### Not analysed (${problems.length})`,
    ...problems.map(problem => `- ${escapeText(oneLine(problem))}`),
  ].join('\n');
}

/** Inline code that survives backticks in the text (file names can hold them). */
function inlineCode(text: string): string {
  const longestRun = Math.max(
    0,
    ...(text.match(/`+/g) ?? []).map(run => run.length),
  );
  const ticks = '`'.repeat(longestRun + 1);
  const padded =
    text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${ticks}${padded}${ticks}`;
}

/** In a GFM table a pipe ends the cell, even inside code, unless escaped. */
function tableCell(markdown: string): string {
  return markdown.replace(/\|/g, '\\|');
}

/** A fence longer than any backtick run inside the code. */
function fence(code: string): string {
  const longestRun = Math.max(
    2,
    ...(code.match(/`+/g) ?? []).map(run => run.length),
  );
  const ticks = '`'.repeat(longestRun + 1);
  return `${ticks}dockerfile\n${code}\n${ticks}`;
}

function escapeText(text: string): string {
  return text.replace(/[<>]/g, char => (char === '<' ? '&lt;' : '&gt;'));
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
