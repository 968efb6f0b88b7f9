import fc from 'fast-check';
import type { Category, Finding, Severity } from '../types';
import { gradeFor } from './grade';
import { scoreFile } from './scoreFile';
import { findingOf } from './__testUtils__/findingOf';

const alpine = { usesAlpine: true };

describe('scoreFile', () => {
  it('gives a file without findings 100 and an A', () => {
    const result = scoreFile([], alpine);
    expect(result).toEqual({
      score: 100,
      grade: 'A',
      explanation: { summary: 'No findings: 100 (A).', deductions: [] },
    });
  });

  it('keeps a clean Alpine file with only advice at A', () => {
    const advice = [
      findingOf('apk-unpinned', 'info', 'alpine', 3),
      findingOf('apk-unpinned', 'info', 'alpine', 5),
      findingOf('healthcheck-missing', 'info', 'hygiene'),
      findingOf('musl-dns-note', 'info', 'musl'),
    ];
    expect(scoreFile(advice, alpine).grade).toBe('A');
  });

  it('charges one warning by category: musl > alpine > hygiene', () => {
    const cost = (category: Category) =>
      100 - scoreFile([findingOf('r', 'warning', category)], alpine).score;
    expect(cost('musl')).toBe(15);
    expect(cost('alpine')).toBe(12);
    expect(cost('hygiene')).toBe(6);
  });

  it('halves the cost of each repeat of one rule', () => {
    const repeated = [1, 2, 3].map(line =>
      findingOf('apk-no-cache', 'warning', 'alpine', line),
    );
    const result = scoreFile(repeated, alpine);
    expect(result.explanation.deductions).toEqual([
      {
        ruleId: 'apk-no-cache',
        severity: 'warning',
        category: 'alpine',
        count: 3,
        points: 21,
      },
    ]);
    expect(result.score).toBe(79);
  });

  it('charges the costliest occurrence of a rule in full when severities differ', () => {
    const mixed = [
      findingOf('r', 'info', 'alpine', 1),
      findingOf('r', 'warning', 'alpine', 2),
    ];
    expect(scoreFile(mixed, alpine).explanation.deductions).toEqual([
      {
        ruleId: 'r',
        severity: 'warning',
        category: 'alpine',
        count: 1,
        points: 12,
      },
      {
        ruleId: 'r',
        severity: 'info',
        category: 'alpine',
        count: 1,
        points: 0.5,
      },
    ]);
  });

  it('caps all info findings together at 5 points', () => {
    const manyInfos = Array.from({ length: 20 }, (_, index) =>
      findingOf(`advice-${index}`, 'info', 'hygiene'),
    );
    const result = scoreFile(manyInfos, alpine);
    expect(result.score).toBe(95);
    const infoPoints = result.explanation.deductions.reduce(
      (sum, d) => sum + d.points,
      0,
    );
    expect(infoPoints).toBeCloseTo(5, 1);
  });

  it('never grades a file with a breaking musl risk above C', () => {
    const result = scoreFile(
      [findingOf('glibc-binary-in-alpine', 'error', 'musl')],
      alpine,
    );
    expect(result.score).toBe(70);
    expect(result.grade).toBe('C');
    expect(result.explanation.cap).toBe(
      'A breaking musl risk (glibc-binary-in-alpine) caps the grade at C.',
    );
  });

  it('caps a file with any breaking finding at 79 even when the points alone would give B', () => {
    const result = scoreFile([findingOf('custom', 'error', 'hygiene')], alpine);
    expect(result.score).toBe(79);
    expect(result.grade).toBe('C');
    expect(result.explanation.summary).toBe(
      '100 − 20 for 1 finding of 1 rule = 80. A breaking finding (custom) caps the grade at C. Score 79 (C).',
    );
  });

  it.each(['parse-error', 'file-too-large', 'binary-content'])(
    'gives F to a file that could not be analysed (%s)',
    ruleId => {
      const result = scoreFile([findingOf(ruleId, 'error', 'hygiene')], alpine);
      expect(result.grade).toBe('F');
      expect(result.score).toBe(59);
      expect(result.explanation.cap).toContain(ruleId);
    },
  );

  it('never goes below 0', () => {
    const disaster = Array.from({ length: 10 }, (_, index) =>
      findingOf(`musl-${index}`, 'error', 'musl'),
    );
    expect(scoreFile(disaster, alpine)).toMatchObject({ score: 0, grade: 'F' });
  });

  it('explains which findings cost how much, costliest first', () => {
    const result = scoreFile(
      [
        findingOf('no-root-user', 'warning', 'hygiene'),
        findingOf('apk-no-cache', 'warning', 'alpine'),
        findingOf('apk-unpinned', 'info', 'alpine'),
      ],
      alpine,
    );
    expect(
      result.explanation.deductions.map(d => [d.ruleId, d.points]),
    ).toEqual([
      ['apk-no-cache', 12],
      ['no-root-user', 6],
      ['apk-unpinned', 1],
    ]);
    expect(result.explanation.summary).toBe(
      '100 − 19 for 3 findings of 3 rules = 81 (B).',
    );
  });

  it('says when the file has no Alpine stage', () => {
    expect(scoreFile([], { usesAlpine: false }).explanation.summary).toBe(
      'No findings: 100 (A). No Alpine stage: only generic hygiene rules apply.',
    );
  });

  it('survives findings with an unexpected severity or category', () => {
    const odd = {
      ...findingOf('odd', 'warning', 'alpine'),
      severity: 'fatal',
      category: 'misc',
    };
    const result = scoreFile([odd as unknown as Finding], alpine);
    expect(result.score).toBe(94);
  });

  describe('invariants over any set of findings', () => {
    const severity = fc.constantFrom<Severity>('error', 'warning', 'info');
    const category = fc.constantFrom<Category>('musl', 'alpine', 'hygiene');
    const ruleId = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'parse-error');
    const finding = fc
      .tuple(ruleId, severity, category, fc.integer({ min: 1, max: 50 }))
      .map(([id, sev, cat, line]) => findingOf(id, sev, cat, line));
    const findings = fc.array(finding, { maxLength: 30 });

    it('scores an integer 0–100 whose grade matches the thresholds', () => {
      fc.assert(
        fc.property(findings, fc.boolean(), (list, usesAlpine) => {
          const { score, grade } = scoreFile(list, { usesAlpine });
          expect(Number.isInteger(score)).toBe(true);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(100);
          expect(grade).toBe(gradeFor(score));
        }),
      );
    });

    it('never scores higher after adding a finding', () => {
      fc.assert(
        fc.property(findings, finding, (list, extra) => {
          const before = scoreFile(list, alpine).score;
          expect(scoreFile([...list, extra], alpine).score).toBeLessThanOrEqual(
            before,
          );
        }),
      );
    });

    it('does not depend on the order of the findings', () => {
      fc.assert(
        fc.property(findings, list => {
          expect(scoreFile([...list].reverse(), alpine).score).toBe(
            scoreFile(list, alpine).score,
          );
        }),
      );
    });

    it('grades C or worse with any error, F with parse-error, A with only info', () => {
      fc.assert(
        fc.property(findings, list => {
          const { grade } = scoreFile(list, alpine);
          const unreadable = list.some(f => f.ruleId === 'parse-error');
          const breaking = list.some(f => f.severity === 'error');
          const adviceOnly =
            !unreadable && list.every(f => f.severity === 'info');
          expect(!unreadable || grade === 'F').toBe(true);
          expect(!breaking || ['C', 'D', 'F'].includes(grade)).toBe(true);
          expect(!adviceOnly || grade === 'A').toBe(true);
        }),
      );
    });

    it('accounts for every point deducted before caps', () => {
      fc.assert(
        fc.property(findings, list => {
          const { score, explanation } = scoreFile(list, alpine);
          const deducted = explanation.deductions.reduce(
            (sum, d) => sum + d.points,
            0,
          );
          const counted = explanation.deductions.reduce(
            (sum, d) => sum + d.count,
            0,
          );
          expect(counted).toBe(list.length);
          const uncapped = Math.max(0, Math.round(100 - deducted));
          expect(score).toBeLessThanOrEqual(uncapped);
          expect(explanation.cap !== undefined || score === uncapped).toBe(
            true,
          );
        }),
      );
    });
  });
});
