/* eslint-disable jest/no-export -- a shared test helper: rule tests import testRule, which declares their cases */
import { analyzeWithRules } from '../analyze';
import { applyFixes } from '../fix';
import type { BuildContextInput } from '../facts';
import type { AnalyzeOptions, Finding, FindingEvidence } from '../types';
import type { Rule } from '../rules/framework/types';
import { auditMessages } from './auditMessages';

/** A Dockerfile on which the rule must report exactly these findings. */
export interface InvalidCase {
  code: string;
  /** One entry per expected finding, in line order. */
  errors: Array<{
    line: number;
    messageContains?: string;
    severity?: Finding['severity'];
    /** The fact the finding must carry (`evidence[0]`), or `none` for a finding from the Dockerfile alone. */
    evidence?: Partial<FindingEvidence> | 'none';
  }>;
  /** The text after applying every fix the rule offered; omit when it offers none. */
  output?: string;
  /** Test title; defaults to the code. */
  name?: string;
  /** The build context's files, as a host passes them. */
  context?: BuildContextInput;
  /** The Dockerfile's path; `Dockerfile` when left out. */
  path?: string;
}

/** A Dockerfile on which the rule reports nothing. */
export type ValidCase =
  | string
  | { code: string; name?: string; context?: BuildContextInput; path?: string };

/** Where the Dockerfile is and what is beside it. */
interface FileSetting {
  context?: BuildContextInput;
  path?: string;
}

export interface RuleTestCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
  /** Analysis options, e.g. a fixed clock for end-of-life rules. */
  options?: AnalyzeOptions;
}

function expectedFinding(expected: InvalidCase['errors'][number]) {
  return expect.objectContaining({
    line: expected.line,
    ...(expected.messageContains
      ? { message: expect.stringContaining(expected.messageContains) }
      : {}),
    ...(expected.severity ? { severity: expected.severity } : {}),
    ...evidenceExpectation(expected.evidence),
  });
}

function evidenceExpectation(
  evidence: InvalidCase['errors'][number]['evidence'],
) {
  // `none` is checked apart: objectContaining cannot ask for a missing field.
  if (evidence === undefined || evidence === 'none') return {};
  return { evidence: [expect.objectContaining(evidence)] };
}

/** Runs one rule alone through the whole pipeline and returns its findings. */
export function findingsOf(
  rule: Rule,
  code: string,
  options: AnalyzeOptions = {},
  { context, path = 'Dockerfile' }: FileSetting = {},
): Finding[] {
  return analyzeWithRules(
    { path, content: code, context },
    [rule],
    options,
  ).findings.filter(finding => finding.ruleId === rule.meta.id);
}

/**
 * ESLint-style rule tests: valid cases report nothing; invalid cases report
 * the listed findings; when `output` is given, the rule's fixes produce it
 * and analysing the output again no longer reports what was fixed, for all
 * fixes together and for each fix applied alone (a fix that leaves its own
 * finding behind, like adding `--no-cache` after an `apk update`, fails
 * here for every rule). In every case, each problem the rule reports must
 * name a `messageId` of its `meta.messages` and give `data` for each of the
 * template's placeholders; a literal `message` fails.
 */
export function testRule(original: Rule, cases: RuleTestCases): void {
  const { options = {} } = cases;
  describe(`rule ${original.meta.id}`, () => {
    describe('valid', () => {
      it.each(
        cases.valid.map(c =>
          typeof c === 'string' ? { code: c, name: c } : { name: c.code, ...c },
        ),
      )('$name', ({ code, ...file }) => {
        const messageIssues: string[] = [];
        const rule = auditMessages(original, messageIssues);
        expect(findingsOf(rule, code, options, file)).toEqual([]);
        expect(messageIssues).toEqual([]);
      });
    });

    describe('invalid', () => {
      it.each(cases.invalid.map(c => ({ ...c, name: c.name ?? c.code })))(
        '$name',
        testCase => {
          // Checked first: a bad messageId makes the engine drop the finding.
          const messageIssues: string[] = [];
          const rule = auditMessages(original, messageIssues);
          const file = { context: testCase.context, path: testCase.path };
          const findings = findingsOf(rule, testCase.code, options, file);
          expect(messageIssues).toEqual([]);
          expect(findings).toEqual(testCase.errors.map(expectedFinding));
          // Findings without a fact must carry no evidence at all.
          expect(
            testCase.errors.flatMap((expected, index) =>
              expected.evidence === 'none' ? [findings[index].evidence] : [],
            ),
          ).toEqual(
            testCase.errors
              .filter(expected => expected.evidence === 'none')
              .map(() => undefined),
          );
          // Without an expected output the rule must offer no fix, so the text stays as it was.
          const fixes = findings.flatMap(f => (f.fix ? [f.fix] : []));
          const { output } = applyFixes(testCase.code, fixes);
          expect(output).toBe(testCase.output ?? testCase.code);
          const remaining = findingsOf(rule, output, options, file);
          expect(remaining).toHaveLength(findings.filter(f => !f.fix).length);
          // Each fix on its own leaves a file the rule finds clean of what it fixed.
          for (const fixed of findings) {
            if (!fixed.fix) continue;
            const alone = applyFixes(testCase.code, [fixed.fix]).output;
            const after = findingsOf(rule, alone, options, file);
            expect(after.length).toBeLessThan(findings.length);
            expect(
              after.filter(
                finding =>
                  finding.line === fixed.line &&
                  finding.message === fixed.message,
              ),
            ).toEqual([]);
          }
          expect(messageIssues).toEqual([]);
        },
      );
    });
  });
}
