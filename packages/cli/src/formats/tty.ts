import type { FileReport, Finding, Severity } from '@alpine-advisor/analyzer';
import { codeFrameLines, splitLines } from './codeFrame';
import { countFindings, describeCounts, plural } from './countFindings';
import type { FormatContext } from './FormatContext';
import { createPalette, Palette } from './palette';
import { sortByPosition } from './sortByPosition';

/**
 * Human-readable report: findings grouped by file, each with its severity,
 * rule id, message, remediation and the offending lines, then a score line
 * per file and a total.
 */
export function formatTty(context: FormatContext): string {
  const palette = createPalette(context.color);
  const blocks = context.report.files.map(file =>
    formatFile(file, context.sources.get(file.path), palette),
  );
  return `${[...blocks, formatTotal(context, palette)].join('\n\n')}\n`;
}

function formatFile(
  file: FileReport,
  source: string | undefined,
  palette: Palette,
): string {
  const lines = source === undefined ? undefined : splitLines(source);
  const out = [palette.underline(palette.bold(file.path))];
  for (const finding of sortByPosition(file.findings)) {
    out.push(...formatFinding(finding, lines, palette));
  }
  out.push(`  ${formatScore(file, palette)}`);
  return out.join('\n');
}

function formatFinding(
  finding: Finding,
  lines: string[] | undefined,
  palette: Palette,
): string[] {
  const position = `${finding.line}:${finding.column}`;
  const out = [
    `  ${palette.dim(position.padEnd(6))} ${paintSeverity(
      finding.severity,
      palette,
    )}  ${finding.message}  ${palette.dim(finding.ruleId)}`,
  ];
  if (finding.remediation) {
    out.push(`         ${palette.green('→')} ${oneLine(finding.remediation)}`);
  }
  if (finding.fix) {
    out.push(`         ${palette.dim(`(--fix: ${finding.fix.description})`)}`);
  }
  if (finding.enforced) {
    out.push(`         ${palette.dim(enforcementNote(finding))}`);
  }
  if (lines) out.push(...formatFrame(lines, finding, palette));
  return out;
}

/** `(enforced: not silenced by the config (asked for off), the comment on line 2)` */
export function enforcementNote(finding: Finding): string {
  const attempts = (finding.suppressionAttempts ?? []).map(attempt =>
    attempt.via === 'config'
      ? `the config (asked for ${attempt.requested ?? 'a change'})`
      : `the ${attempt.syntax ?? ''} comment on line ${attempt.line}`.replace(
          '  ',
          ' ',
        ),
  );
  return attempts.length === 0
    ? '(enforced rule)'
    : `(enforced rule: not silenced by ${attempts.join(', ')})`;
}

function formatFrame(
  lines: string[],
  finding: Finding,
  palette: Palette,
): string[] {
  const { frame, hiddenMarkedLines } = codeFrameLines(
    lines,
    finding.line,
    finding.endLine,
  );
  const width = String(frame[frame.length - 1]?.number ?? 1).length;
  const out = frame.map(({ number, text, marked }) => {
    const gutter = `${marked ? '>' : ' '} ${String(number).padStart(width)} |`;
    return `         ${
      marked ? palette.red(gutter) : palette.dim(gutter)
    } ${text}`;
  });
  if (hiddenMarkedLines > 0) {
    out.push(
      `         ${palette.dim(
        `${' '.repeat(width + 2)}| … ${plural(hiddenMarkedLines, 'more line')}`,
      )}`,
    );
  }
  return out;
}

function formatScore(file: FileReport, palette: Palette): string {
  const counts = countFindings(file.findings);
  const grade = paintGrade(file.grade, palette);
  const detail = counts.total === 0 ? 'no problems' : describeCounts(counts);
  return `score ${file.score}/100 · grade ${grade} · ${detail}`;
}

function formatTotal(context: FormatContext, palette: Palette): string {
  const files = context.report.files;
  const all = files.flatMap(file => file.findings);
  const counts = countFindings(all);
  const withFindings = files.filter(file => file.findings.length > 0).length;
  const fixable = all.filter(finding => finding.fix).length;
  const lines: string[] = [];
  if (files.length === 0) {
    lines.push(palette.yellow('No Dockerfile was analysed.'));
  } else if (counts.total === 0) {
    lines.push(
      palette.green(`✔ No problems in ${plural(files.length, 'file')}.`),
    );
  } else {
    const colour = counts.error > 0 ? palette.red : palette.yellow;
    let total = `✖ ${plural(counts.total, 'problem')} (${describeCounts(
      counts,
    )}) in ${withFindings} of ${plural(files.length, 'file')}`;
    if (fixable > 0) total += ` · ${fixable} fixable with --fix`;
    lines.push(colour(palette.bold(total)));
  }
  for (const problem of context.problems) {
    lines.push(palette.red(`✖ not analysed: ${problem}`));
  }
  const knowledge = describeKnowledgeUsed(context);
  if (knowledge) lines.push(palette.dim(knowledge));
  return lines.join('\n');
}

/** `knowledge 2026-12-05+bundled (Alpine releases as of 2026-12-05)`, plus any version a config file's `knowledge:` made. */
function describeKnowledgeUsed(context: FormatContext): string | undefined {
  const run = context.report.knowledge;
  if (!run) return undefined;
  const others = new Map<string, number>();
  for (const file of context.report.files) {
    const version = file.knowledge?.version;
    if (version && version !== run.version)
      others.set(version, (others.get(version) ?? 0) + 1);
  }
  const extra = [...others].map(
    ([version, count]) =>
      `; ${version} (${plural(count, 'file')}, from config)`,
  );
  return `knowledge ${run.version} (Alpine releases as of ${
    run.releasesAsOf
  })${extra.join('')}`;
}

function paintSeverity(severity: Severity, palette: Palette): string {
  const label = severity.padEnd(7);
  if (severity === 'error') return palette.red(label);
  if (severity === 'warning') return palette.yellow(label);
  return palette.blue(label);
}

function paintGrade(grade: string, palette: Palette): string {
  if (grade === 'A' || grade === 'B') return palette.green(palette.bold(grade));
  if (grade === 'C') return palette.yellow(palette.bold(grade));
  return palette.red(palette.bold(grade));
}

/** Remediation is Markdown and may wrap; the terminal shows it on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
