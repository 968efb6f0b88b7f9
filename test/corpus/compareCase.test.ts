import type { FileReport, Finding } from '@alpine-advisor/analyzer';
import type { CorpusCase, Grade } from '../src';
import { parseConcept } from '../src';
import { compareCase, discrepancyKey } from './compareCase';

function corpusCase(
  concepts: string[],
  grade: [Grade, Grade] = ['A', 'B'],
): CorpusCase {
  return {
    id: '999-synthetic',
    description: 'a synthetic case for the comparison logic',
    file: 'Dockerfile',
    content: Buffer.from(''),
    tags: ['bad'],
    expect: {
      clean: concepts.length === 0,
      grade,
      concepts: concepts.map(parseConcept),
    },
  };
}

function finding(
  ruleId: string,
  line: number,
  endLine = line,
  severity: Finding['severity'] = 'warning',
): Finding {
  return {
    ruleId,
    category: 'alpine',
    severity,
    line,
    endLine,
    column: 1,
    message: `${ruleId} message`,
    remediation: '',
    aliases: [],
  };
}

function report(
  findings: Finding[],
  grade: Grade = 'B',
  score = 88,
): FileReport {
  return {
    path: 'Dockerfile',
    score,
    grade,
    findings,
    explanation: { summary: '', deductions: [] },
    stages: [],
    usesAlpine: true,
  };
}

const APK_CACHE =
  'apk cache kept: apk add without --no-cache on line 4 (RUN starting on line 3)';

describe('compareCase', () => {
  it('accepts a mapped rule reporting on any line the concept names, including a multi-line range', () => {
    expect(
      compareCase(
        corpusCase([APK_CACHE]),
        report([finding('apk-no-cache', 3, 5)]),
      ),
    ).toEqual([]);
  });

  it('reports a concept whose rule fired on another line as missed, and that finding as unexpected', () => {
    const keys = compareCase(
      corpusCase([APK_CACHE]),
      report([finding('apk-no-cache', 7)]),
    ).map(discrepancyKey);
    expect(keys).toEqual([
      'missed apk-no-cache@4',
      'unexpected apk-no-cache@7',
    ]);
  });

  it('does not let another rule satisfy a concept', () => {
    const keys = compareCase(
      corpusCase([APK_CACHE]),
      report([finding('apk-update-alone', 4)]),
    ).map(discrepancyKey);
    expect(keys).toEqual([
      'missed apk-no-cache@4',
      'unexpected apk-update-alone@4',
    ]);
  });

  it('allows unexpected info findings but no warning or error in a clean case', () => {
    const clean = corpusCase([], ['A', 'A']);
    expect(
      compareCase(
        clean,
        report([finding('apk-unpinned', 2, 2, 'info')], 'A', 99),
      ),
    ).toEqual([]);
    expect(
      compareCase(
        clean,
        report([finding('root-user', 1, 1, 'warning')], 'A', 94),
      ).map(discrepancyKey),
    ).toEqual(['unexpected root-user@1']);
  });

  it('reports a grade outside the range, on either side', () => {
    const within = corpusCase([APK_CACHE], ['B', 'C']);
    const apkFinding = [finding('apk-no-cache', 4)];
    expect(compareCase(within, report(apkFinding, 'C', 75))).toEqual([]);
    expect(
      compareCase(within, report(apkFinding, 'A', 94)).map(discrepancyKey),
    ).toEqual(['grade']);
    expect(
      compareCase(within, report(apkFinding, 'D', 65)).map(discrepancyKey),
    ).toEqual(['grade']);
  });
});
