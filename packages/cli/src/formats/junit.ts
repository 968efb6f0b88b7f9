import type { FileReport, Finding } from '@alpine-advisor/analyzer';
import { failsThreshold } from '../analysis/failThreshold';
import type { FailOn } from '../cli/options';
import type { FormatContext } from './FormatContext';
import { isPlaceholderDocsUrl, ruleDocsUrl } from './ruleDocsUrl';
import { sortByPosition } from './sortByPosition';
import { XML_DECLARATION, xmlElement } from './xml';

interface Tally {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * JUnit XML for CI test-report views (GitLab's test report, Jenkins, Azure
 * DevOps, CircleCI): one `<testsuite>` per Dockerfile, one `<testcase>` per
 * finding. Findings at or above the file's failure threshold are
 * `<failure>`s; findings below it are `<skipped>`, so the report's failures
 * and the exit code agree. A clean file is one passing test case. Files that
 * could not be analysed are `<error>`s in a suite of their own: the test
 * could not run, which JUnit tells apart from a failure.
 */
export function formatJunit(context: FormatContext): string {
  const suites = context.report.files.map(file =>
    fileSuite(file, context.failOn.get(file.path) ?? 'error', context),
  );
  if (context.problems.length > 0) suites.push(problemSuite(context.problems));
  const total = suites.reduce<Tally>(
    (sum, suite) => ({
      tests: sum.tests + suite.tally.tests,
      failures: sum.failures + suite.tally.failures,
      errors: sum.errors + suite.tally.errors,
      skipped: sum.skipped + suite.tally.skipped,
    }),
    { tests: 0, failures: 0, errors: 0, skipped: 0 },
  );
  const root = xmlElement(
    'testsuites',
    {
      name: 'alpine-advisor',
      tests: total.tests,
      failures: total.failures,
      errors: total.errors,
      time: 0,
    },
    suites.map(suite => suite.xml),
  );
  return `${XML_DECLARATION}\n${root}\n`;
}

interface Suite {
  xml: string;
  tally: Tally;
}

function fileSuite(
  file: FileReport,
  failOn: FailOn,
  context: FormatContext,
): Suite {
  const findings = sortByPosition(file.findings);
  const cases =
    findings.length === 0
      ? [testCase('no problems', file.path, [])]
      : findings.map(finding =>
          findingCase(finding, file.path, failOn, context.docsBaseUrl),
        );
  const failures = findings.filter(finding =>
    failsThreshold([finding], failOn),
  ).length;
  const tally = {
    tests: cases.length,
    failures,
    errors: 0,
    skipped: findings.length - failures,
  };
  return { xml: suiteXml(file.path, tally, cases), tally };
}

function findingCase(
  finding: Finding,
  filePath: string,
  failOn: FailOn,
  docsBaseUrl: string,
): string {
  const body = findingBody(finding, filePath, docsBaseUrl);
  const outcome = failsThreshold([finding], failOn)
    ? xmlElement(
        'failure',
        { type: finding.severity, message: finding.message },
        body,
      )
    : xmlElement(
        'skipped',
        {
          message: `${finding.severity} below the failure threshold (${failOn}): ${finding.message}`,
        },
        body,
      );
  return testCase(`${finding.ruleId} ${position(finding)}`, filePath, [
    outcome,
  ]);
}

/** What a reader of the test report needs to act: where, what, how to fix, where the docs are. */
function findingBody(
  finding: Finding,
  filePath: string,
  docsBaseUrl: string,
): string {
  const lines = [
    `${filePath}:${position(finding)}: ${finding.severity}: ${
      finding.message
    } [${finding.ruleId}]`,
  ];
  if (finding.remediation) lines.push(`How to fix: ${finding.remediation}`);
  lines.push(
    isPlaceholderDocsUrl(docsBaseUrl)
      ? `Docs: alpine-advisor --explain ${finding.ruleId}`
      : `Docs: ${ruleDocsUrl(
          { id: finding.ruleId, category: finding.category },
          docsBaseUrl,
        )}`,
  );
  return lines.join('\n');
}

function problemSuite(problems: readonly string[]): Suite {
  const cases = problems.map(problem =>
    testCase(problem, 'alpine-advisor', [
      xmlElement('error', { type: 'not-analysed', message: problem }, problem),
    ]),
  );
  const tally = {
    tests: cases.length,
    failures: 0,
    errors: cases.length,
    skipped: 0,
  };
  return { xml: suiteXml('not analysed', tally, cases), tally };
}

function suiteXml(name: string, tally: Tally, cases: string[]): string {
  return xmlElement(
    'testsuite',
    {
      name,
      tests: tally.tests,
      failures: tally.failures,
      errors: tally.errors,
      skipped: tally.skipped,
      time: 0,
    },
    cases,
  );
}

function testCase(
  name: string,
  classname: string,
  children: readonly string[],
): string {
  return xmlElement('testcase', { name, classname, time: 0 }, children);
}

function position(finding: Finding): string {
  return `${Math.max(1, finding.line)}:${Math.max(1, finding.column)}`;
}
