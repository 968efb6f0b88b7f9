/* eslint-disable jest/no-export -- a shared test helper: rule tests import testRule, which declares their cases */
import { analyzeWithRules } from '../../analyze';
import { applyFixes } from '../../fix';
import type { AnalyzeOptions, Finding } from '../../types';
import type { Rule } from '../framework/types';

/** A Dockerfile on which the rule must report exactly these findings. */
export interface InvalidCase {
  code: string;
  /** One entry per expected finding, in line order. */
  errors: Array<{
    line: number;
    messageContains?: string;
    severity?: Finding['severity'];
  }>;
  /** The text after applying every fix the rule offered; omit when it offers none. */
  output?: string;
  /** Test title; defaults to the code. */
  name?: string;
}

/** A Dockerfile on which the rule reports nothing. */
export type ValidCase = string | { code: string; name?: string };

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
  });
}

/** Runs one rule alone through the whole pipeline and returns its findings. */
export function findingsOf(
  rule: Rule,
  code: string,
  options: AnalyzeOptions = {},
): Finding[] {
  return analyzeWithRules(
    { path: 'Dockerfile', content: code },
    [rule],
    options,
  ).findings.filter(finding => finding.ruleId === rule.meta.id);
}

/**
 * ESLint-style rule tests: valid cases report nothing; invalid cases report
 * the listed findings; when `output` is given, the rule's fixes produce it
 * and analysing the output again no longer reports what was fixed.
 */
export function testRule(rule: Rule, cases: RuleTestCases): void {
  const { options = {} } = cases;
  describe(`rule ${rule.meta.id}`, () => {
    describe('valid', () => {
      it.each(
        cases.valid.map(c =>
          typeof c === 'string' ? { code: c, name: c } : { name: c.code, ...c },
        ),
      )('$name', ({ code }) => {
        expect(findingsOf(rule, code, options)).toEqual([]);
      });
    });

    describe('invalid', () => {
      it.each(cases.invalid.map(c => ({ ...c, name: c.name ?? c.code })))(
        '$name',
        testCase => {
          const findings = findingsOf(rule, testCase.code, options);
          expect(findings).toEqual(testCase.errors.map(expectedFinding));
          // Without an expected output the rule must offer no fix, so the text stays as it was.
          const fixes = findings.flatMap(f => (f.fix ? [f.fix] : []));
          const { output } = applyFixes(testCase.code, fixes);
          expect(output).toBe(testCase.output ?? testCase.code);
          const remaining = findingsOf(rule, output, options);
          expect(remaining).toHaveLength(findings.filter(f => !f.fix).length);
        },
      );
    });
  });
}
