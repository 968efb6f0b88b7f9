import type { FileReport, Finding } from '../types';
import { scoreFile } from './scoreFile';
import { scoreService } from './scoreService';
import { findingOf } from './__testUtils__/findingOf';

function report(path: string, findings: Finding[]): FileReport {
  const { score, grade, explanation } = scoreFile(findings, {
    usesAlpine: true,
  });
  return {
    path,
    score,
    grade,
    explanation,
    findings,
    stages: [],
    usesAlpine: true,
  };
}

const clean = report('web/Dockerfile', []);
const sloppy = report('api/Dockerfile', [
  findingOf('apk-no-cache', 'warning', 'alpine'),
  findingOf('apk-no-cache', 'warning', 'alpine', 2),
  findingOf('no-root-user', 'warning', 'hygiene'),
]); // 100 − 18 − 6 = 76

describe('scoreService', () => {
  it('scores a service with no Dockerfile as A with a note', () => {
    expect(scoreService([])).toEqual({
      score: 100,
      grade: 'A',
      explanation: {
        summary: 'No Dockerfiles: nothing to score.',
        deductions: [],
      },
    });
  });

  it('takes a single file score as is', () => {
    const result = scoreService([sloppy]);
    expect(result.score).toBe(76);
    expect(result.grade).toBe('C');
    expect(result.explanation.summary).toBe(
      'One Dockerfile (api/Dockerfile): 76 (C).',
    );
  });

  it('weighs the worst file with the mean of all files', () => {
    // ½ × 76 + ½ × (100 + 100 + 76) / 3 = 38 + 46 = 84
    const result = scoreService([
      clean,
      report('worker/Dockerfile', []),
      sloppy,
    ]);
    expect(result.score).toBe(84);
    expect(result.grade).toBe('B');
    expect(result.explanation.summary).toBe(
      '½ × worst file (api/Dockerfile: 76) + ½ × mean of 3 files (92) = 84 (B).',
    );
  });

  it('attributes the service deduction to rules', () => {
    const result = scoreService([
      clean,
      report('worker/Dockerfile', []),
      sloppy,
    ]);
    // api's deductions count ½ (worst) + ½ / 3 (mean) = 2/3.
    expect(result.explanation.deductions).toEqual([
      {
        ruleId: 'apk-no-cache',
        severity: 'warning',
        category: 'alpine',
        count: 2,
        points: 12,
      },
      {
        ruleId: 'no-root-user',
        severity: 'warning',
        category: 'hygiene',
        count: 1,
        points: 4,
      },
    ]);
    const total = result.explanation.deductions.reduce(
      (sum, d) => sum + d.points,
      0,
    );
    expect(100 - total).toBe(result.score);
  });

  it('caps the service at C when any file has a breaking finding', () => {
    const breaking = report('musl/Dockerfile', [
      findingOf('custom', 'error', 'hygiene'),
    ]); // 79
    const files = [clean, clean, clean, clean, breaking].map((file, index) => ({
      ...file,
      path: `${index}/Dockerfile`,
    }));
    const result = scoreService(files);
    expect(result.score).toBe(79);
    expect(result.grade).toBe('C');
    expect(result.explanation.cap).toBe(
      '4/Dockerfile has a breaking finding: the service grade is C at best.',
    );
  });

  it('is never better than its best file nor worse than its worst', () => {
    const files = [
      clean,
      sloppy,
      report('x/Dockerfile', [findingOf('m', 'error', 'musl')]),
    ];
    const { score } = scoreService(files);
    expect(score).toBeGreaterThanOrEqual(Math.min(...files.map(f => f.score)));
    expect(score).toBeLessThanOrEqual(Math.max(...files.map(f => f.score)));
  });
});
