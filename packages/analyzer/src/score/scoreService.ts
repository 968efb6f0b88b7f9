import type { FileReport, ScoreDeduction } from '../types';
import { gradeFor } from './grade';
import { ScoreResult } from './scoreFile';
import {
  BREAKING_CAP,
  SERVICE_WORST_FILE_WEIGHT,
  UNANALYSABLE_RULE_IDS,
} from './weights';

/**
 * Scores a service from its Dockerfiles' reports: half the worst file, half
 * the mean of all files, so one bad image cannot hide behind many good ones,
 * yet fixing the others still shows. A breaking finding in any file caps the
 * service at C as it would the file. See docs/scoring.md.
 * @public
 */
export function scoreService(files: FileReport[]): ScoreResult {
  if (files.length === 0) {
    return {
      score: 100,
      grade: 'A',
      explanation: {
        summary: 'No Dockerfiles: nothing to score.',
        deductions: [],
      },
    };
  }
  const worst = files.reduce((lowest, file) =>
    file.score < lowest.score ? file : lowest,
  );
  const mean = files.reduce((sum, file) => sum + file.score, 0) / files.length;
  const weighted =
    SERVICE_WORST_FILE_WEIGHT * worst.score +
    (1 - SERVICE_WORST_FILE_WEIGHT) * mean;
  const uncapped = Math.round(weighted);
  const breakingFile = files.find(file =>
    file.findings.some(
      finding =>
        !finding.waived &&
        (finding.severity === 'error' ||
          UNANALYSABLE_RULE_IDS.has(finding.ruleId)),
    ),
  );
  const score = breakingFile ? Math.min(uncapped, BREAKING_CAP) : uncapped;
  const grade = gradeFor(score);
  const summary =
    files.length === 1
      ? `One Dockerfile (${worst.path}): ${score} (${grade}).`
      : `½ × worst file (${worst.path}: ${worst.score}) + ½ × mean of ${
          files.length
        } files (${round(mean)}) = ${uncapped}${
          score === uncapped ? ` (${grade})` : ''
        }.`;
  const cap = breakingFile
    ? `${breakingFile.path} has a breaking finding: the service grade is C at best.`
    : undefined;
  return {
    score,
    grade,
    explanation: {
      summary:
        score === uncapped || !cap
          ? summary
          : `${summary} ${cap} Score ${score} (${grade}).`,
      deductions: attributeDeductions(files, worst),
      ...(cap ? { cap } : {}),
    },
  };
}

/**
 * Each file deduction reaches the service score through the mean (1/n of its
 * points) and, for the worst file, through the worst-file term too. Summed per
 * rule, that is how many service points each rule costs.
 */
function attributeDeductions(
  files: FileReport[],
  worst: FileReport,
): ScoreDeduction[] {
  const merged = new Map<string, ScoreDeduction>();
  for (const file of files) {
    const weight =
      (1 - SERVICE_WORST_FILE_WEIGHT) / files.length +
      (file === worst ? SERVICE_WORST_FILE_WEIGHT : 0);
    for (const deduction of file.explanation?.deductions ?? []) {
      const key = `${deduction.ruleId}\u0000${deduction.severity}`;
      const entry = merged.get(key) ?? {
        ruleId: deduction.ruleId,
        severity: deduction.severity,
        category: deduction.category,
        count: 0,
        points: 0,
      };
      entry.count += deduction.count;
      entry.points += deduction.points * weight;
      merged.set(key, entry);
    }
  }
  return [...merged.values()]
    .map(entry => ({ ...entry, points: round(entry.points) }))
    .sort((a, b) => b.points - a.points || a.ruleId.localeCompare(b.ruleId));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
