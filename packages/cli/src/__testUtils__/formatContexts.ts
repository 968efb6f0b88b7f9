import {
  analyzeDockerfile,
  FileReport,
  REPORT_VERSION,
} from '@alpine-advisor/analyzer';
import type { FailOn } from '../cli/options';
import type { FormatContext } from '../formats';
import { PLACEHOLDER_DOCS_BASE_URL } from '../formats/ruleDocsUrl';
import { DOCKERFILES } from './runCli';

/**
 * Text a message or a path may carry that breaks naive serialisers: markup
 * and a CDATA terminator, both quote kinds, an ampersand that looks like an
 * entity, tab and line breaks, C0 controls (NUL, backspace, escape), a lone
 * surrogate, and characters outside the BMP.
 */
export const HOSTILE_TEXT =
  'a ]]> b <x y="1"> &amp; "double" \'single\'\tTAB\nsecond line\r\nthird \u0000\u0008\u001b[31m lone \uD800 end 🐳 𝔘 ß';

/** What XML can carry of HOSTILE_TEXT: the characters XML 1.0 forbids become U+FFFD. */
export const HOSTILE_TEXT_AS_XML = HOSTILE_TEXT.replace(
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000\u0008\u001b]|\uD800(?![\uDC00-\uDFFF])/g,
  '\uFFFD',
);

/** A report of real findings whose messages and remediations are all HOSTILE_TEXT. */
export function hostileContext(path = 'hostile/Dockerfile'): FormatContext {
  const report = analyzeDockerfile({ path, content: DOCKERFILES.apkCache });
  const findings = report.findings.map(finding => ({
    ...finding,
    message: `${finding.ruleId}: ${HOSTILE_TEXT}`,
    remediation: HOSTILE_TEXT,
  }));
  return formatContextOf([{ ...report, findings }], {
    sources: new Map([[path, DOCKERFILES.apkCache]]),
  });
}

/** A FormatContext around the given file reports, with the CLI's defaults. */
export function formatContextOf(
  files: FileReport[],
  overrides: Partial<Omit<FormatContext, 'report'>> & {
    failOn?: ReadonlyMap<string, FailOn>;
  } = {},
): FormatContext {
  return {
    report: { version: REPORT_VERSION, files },
    sources: new Map(),
    problems: [],
    failOn: new Map(files.map(file => [file.path, 'error' as FailOn])),
    color: false,
    docsBaseUrl: PLACEHOLDER_DOCS_BASE_URL,
    cwd: process.cwd(),
    toolVersion: '0.0.0-test',
    ...overrides,
  };
}
