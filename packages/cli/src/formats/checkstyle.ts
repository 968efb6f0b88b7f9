import type { FileReport, Finding } from '@alpine-advisor/analyzer';
import type { FormatContext } from './FormatContext';
import { sortByPosition } from './sortByPosition';
import { XML_DECLARATION, xmlElement } from './xml';

/** The report version Checkstyle's own XML logger writes and most consumers check for. */
const CHECKSTYLE_VERSION = '4.3';

/**
 * Checkstyle XML, the lingua franca of lint reports in Jenkins (warnings-ng),
 * reviewdog, Danger and SonarQube imports: one `<file>` per Dockerfile (clean
 * ones too, as Checkstyle does), one `<error>` per finding with its 1-based
 * position, severity (`error`, `warning`, `info`), message and rule as
 * `source`. Files that could not be analysed are reported on stderr with
 * exit code 2 and left out: consumers read every child of the root as a
 * `<file>` (Danger's lint-report plugin fails on anything else), and
 * Checkstyle's `<exception>` carries no file to attach the problem to.
 */
export function formatCheckstyle(context: FormatContext): string {
  const root = xmlElement(
    'checkstyle',
    { version: CHECKSTYLE_VERSION },
    context.report.files.map(formatFile),
  );
  return `${XML_DECLARATION}\n${root}\n`;
}

function formatFile(file: FileReport): string {
  return xmlElement(
    'file',
    { name: file.path },
    sortByPosition(file.findings).map(formatFinding),
  );
}

function formatFinding(finding: Finding): string {
  return xmlElement('error', {
    line: Math.max(1, finding.line),
    column: Math.max(1, finding.column),
    severity: finding.severity,
    message: finding.message,
    source: checkstyleSource(finding.ruleId),
  });
}

/** Prefixed like ESLint's `eslint.rules.<id>`, so merged reports still tell the tools apart. */
export function checkstyleSource(ruleId: string): string {
  return `alpine-advisor.${ruleId}`;
}
