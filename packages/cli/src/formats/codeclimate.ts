import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Category, Finding, Severity } from '@alpine-advisor/analyzer';
import { splitLines } from './codeFrame';
import type { FormatContext } from './FormatContext';
import { repositoryRoot } from './repositoryRoot';
import { isPlaceholderDocsUrl, ruleDocsUrl } from './ruleDocsUrl';
import { sortByPosition } from './sortByPosition';

/** Code Climate severities (`info`, `minor`, `major`, `critical`, `blocker`). */
type CodeClimateSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/**
 * `error` breaks the build or the container at runtime: critical, the worst
 * short of `blocker`, which the policy (`--fail-on`) decides rather than the
 * report. `warning` wastes size, time or safety: major. `info` is advice.
 */
const SEVERITIES: Record<Severity, CodeClimateSeverity> = {
  error: 'critical',
  warning: 'major',
  info: 'info',
};

/** The spec's categories closest to each rule category; musl errors are also bug risks. */
const CATEGORIES: Record<Category, string[]> = {
  musl: ['Compatibility'],
  alpine: ['Performance'],
  hygiene: ['Style'],
};

/** One issue of the Code Climate spec, with the fields GitLab's Code Quality reads. */
export interface CodeClimateIssue {
  type: 'issue';
  check_name: string;
  description: string;
  content: { body: string };
  categories: string[];
  location: { path: string; lines: { begin: number; end: number } };
  severity: CodeClimateSeverity;
  fingerprint: string;
  engine_name: 'alpine-advisor';
}

/**
 * GitLab Code Quality (`artifacts:reports:codequality`), which is the Code
 * Climate issue format: a JSON array, one issue per finding, with paths
 * relative to the repository root (GitLab matches them against the merge
 * request's diff) and a fingerprint that identifies a finding across runs.
 * Files that could not be analysed are on stderr with exit code 2; the
 * format has no place for them.
 */
export function formatCodeClimate(context: FormatContext): string {
  return `${JSON.stringify(buildCodeClimateIssues(context), null, 2)}\n`;
}

export function buildCodeClimateIssues(
  context: FormatContext,
): CodeClimateIssue[] {
  const root = repositoryRoot(context.cwd);
  const fingerprintOf = fingerprintSequence();
  return context.report.files.flatMap(file => {
    const repositoryPath = pathInRepository(file.path, context.cwd, root);
    const source = context.sources.get(file.path);
    const lines = source === undefined ? undefined : splitLines(source);
    return sortByPosition(file.findings).map(finding =>
      toIssue(
        finding,
        repositoryPath,
        fingerprintOf(finding, repositoryPath, lines),
        context.docsBaseUrl,
      ),
    );
  });
}

function toIssue(
  finding: Finding,
  repositoryPath: string,
  fingerprint: string,
  docsBaseUrl: string,
): CodeClimateIssue {
  const begin = Math.max(1, finding.line);
  return {
    type: 'issue',
    check_name: finding.ruleId,
    description: oneLine(finding.message),
    content: { body: contentBody(finding, docsBaseUrl) },
    categories:
      finding.category === 'musl' && finding.severity === 'error'
        ? [...CATEGORIES.musl, 'Bug Risk']
        : CATEGORIES[finding.category],
    location: {
      path: repositoryPath,
      lines: { begin, end: Math.max(begin, finding.endLine) },
    },
    severity: SEVERITIES[finding.severity],
    fingerprint,
    engine_name: 'alpine-advisor',
  };
}

function contentBody(finding: Finding, docsBaseUrl: string): string {
  const docs = isPlaceholderDocsUrl(docsBaseUrl)
    ? `\`alpine-advisor --explain ${finding.ruleId}\``
    : `[${finding.ruleId}](${ruleDocsUrl(
        { id: finding.ruleId, category: finding.category },
        docsBaseUrl,
      )})`;
  const fix = finding.remediation
    ? `**How to fix:** ${finding.remediation}\n\n`
    : '';
  return `${fix}Rule: ${docs}`;
}

/**
 * Fingerprints identify a finding across runs, so that GitLab shows a merge
 * request's new and fixed problems rather than everything below an edit as
 * changed. They hash what the finding is about — rule, file, the text of the
 * offending lines (whitespace-insensitive) and the message with line numbers
 * taken out — never where it is: a finding keeps its fingerprint when lines
 * are added above it. Identical findings are numbered in order, because
 * GitLab keeps one issue per fingerprint.
 */
function fingerprintSequence() {
  const seen = new Map<string, number>();
  return (
    finding: Finding,
    repositoryPath: string,
    lines: readonly string[] | undefined,
  ): string => {
    const identity = JSON.stringify([
      finding.ruleId,
      repositoryPath,
      lines ? offendingText(lines, finding) : '',
      finding.message.replace(/\blines? \d+(?:\s*[-–]\s*\d+)?/g, 'line #'),
    ]);
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return createHash('sha256')
      .update(`alpine-advisor\u0000${identity}\u0000${occurrence}`)
      .digest('hex')
      .slice(0, 32);
  };
}

/** At most this many lines of a finding count: a long RUN is identified by its start. */
const FINGERPRINT_LINES = 20;

function offendingText(lines: readonly string[], finding: Finding): string {
  const first = Math.max(1, finding.line);
  const last = Math.min(
    Math.max(first, finding.endLine),
    first + FINGERPRINT_LINES - 1,
  );
  return lines
    .slice(first - 1, last)
    .map(line => line.trim().replace(/\s+/g, ' '))
    .join('\n');
}

/**
 * Report paths are relative to the working directory; GitLab wants them
 * relative to the repository root, which differs when the CLI runs in a
 * subdirectory. Paths outside the repository stay absolute.
 */
function pathInRepository(
  reportPath: string,
  cwd: string,
  root: string,
): string {
  if (reportPath === '-') return reportPath;
  const absolute = path.resolve(cwd, reportPath);
  const relative = path.relative(root, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return toPosix(absolute);
  }
  return toPosix(relative);
}

function toPosix(filePath: string): string {
  return filePath.split(path.sep).join('/');
}

/** The spec wants descriptions on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
