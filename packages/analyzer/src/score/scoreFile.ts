import type {
  Category,
  Finding,
  Grade,
  ScoreDeduction,
  ScoreExplanation,
  Severity,
} from '../types';
import { gradeFor } from './grade';
import {
  BREAKING_CAP,
  FIRST_FINDING_POINTS,
  INFO_BUDGET,
  REPEAT_FACTOR,
  UNANALYSABLE_CAP,
  UNANALYSABLE_RULE_IDS,
} from './weights';

/** A score, its grade and how they came about. @public */
export interface ScoreResult {
  score: number;
  grade: Grade;
  explanation: ScoreExplanation;
}

/** What the score needs to know about the file beyond its findings. @public */
export interface ScoreContext {
  /** False when no stage is Alpine-based: said in the summary. */
  usesAlpine: boolean;
}

/**
 * Scores one Dockerfile from its final findings (after suppressions and
 * config). Formula and rationale: packages/analyzer/docs/scoring.md.
 * @public
 */
export function scoreFile(
  findings: Finding[],
  context: ScoreContext,
): ScoreResult {
  const deductions = deductionsFor(findings);
  const deducted = deductions.reduce(
    (sum, deduction) => sum + deduction.points,
    0,
  );
  const uncapped = Math.round(Math.min(100, Math.max(0, 100 - deducted)));
  const cap = capFor(findings);
  const score = cap && uncapped > cap.limit ? cap.limit : uncapped;
  const grade = gradeFor(score);
  const explanation: ScoreExplanation = {
    summary: summarize(
      findings,
      deductions,
      deducted,
      uncapped,
      score,
      grade,
      context,
      cap,
    ),
    deductions,
  };
  if (cap) explanation.cap = cap.reason;
  return { score, grade, explanation };
}

/** One deduction per rule and severity, repeats diminishing, info within its budget. */
export function deductionsFor(findings: Finding[]): ScoreDeduction[] {
  const byRule = new Map<string, Finding[]>();
  for (const finding of findings) {
    const group = byRule.get(finding.ruleId);
    if (group) group.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  const deductions: ScoreDeduction[] = [];
  for (const [ruleId, group] of byRule) {
    // The costliest occurrence counts in full; the cheaper ones diminish.
    const ordered = group
      .map(finding => ({ finding, points: firstFindingPoints(finding) }))
      .sort((a, b) => b.points - a.points);
    const bySeverity = new Map<Severity, ScoreDeduction>();
    ordered.forEach(({ finding, points }, repeat) => {
      const severity = knownSeverity(finding.severity);
      let deduction = bySeverity.get(severity);
      if (!deduction) {
        deduction = {
          ruleId,
          severity,
          category: knownCategory(finding.category),
          count: 0,
          points: 0,
        };
        bySeverity.set(severity, deduction);
        deductions.push(deduction);
      }
      deduction.count++;
      deduction.points += points * REPEAT_FACTOR ** repeat;
    });
  }
  fitInfoIntoBudget(deductions);
  for (const deduction of deductions)
    deduction.points = roundPoints(deduction.points);
  return deductions.sort(
    (a, b) => b.points - a.points || a.ruleId.localeCompare(b.ruleId),
  );
}

function fitInfoIntoBudget(deductions: ScoreDeduction[]): void {
  const info = deductions.filter(deduction => deduction.severity === 'info');
  const infoTotal = info.reduce((sum, deduction) => sum + deduction.points, 0);
  if (infoTotal <= INFO_BUDGET) return;
  for (const deduction of info) deduction.points *= INFO_BUDGET / infoTotal;
}

function firstFindingPoints(finding: Finding): number {
  return FIRST_FINDING_POINTS[knownSeverity(finding.severity)][
    knownCategory(finding.category)
  ];
}

/** Findings come from our engine, but a score must survive hand-made input too. */
function knownSeverity(severity: Severity): Severity {
  return severity in FIRST_FINDING_POINTS ? severity : 'warning';
}

function knownCategory(category: Category): Category {
  return category === 'musl' || category === 'alpine' ? category : 'hygiene';
}

function roundPoints(points: number): number {
  return Math.round(points * 100) / 100;
}

interface Cap {
  limit: number;
  reason: string;
}

function capFor(findings: Finding[]): Cap | undefined {
  const unreadable = findings.find(finding =>
    UNANALYSABLE_RULE_IDS.has(finding.ruleId),
  );
  if (unreadable) {
    return {
      limit: UNANALYSABLE_CAP,
      reason: `The file could not be fully analysed (${unreadable.ruleId}): grade F at best.`,
    };
  }
  const breaking =
    findings.find(
      finding => finding.severity === 'error' && finding.category === 'musl',
    ) ?? findings.find(finding => finding.severity === 'error');
  if (breaking) {
    const what =
      breaking.category === 'musl'
        ? 'A breaking musl risk'
        : 'A breaking finding';
    return {
      limit: BREAKING_CAP,
      reason: `${what} (${breaking.ruleId}) caps the grade at C.`,
    };
  }
  return undefined;
}

function summarize(
  findings: Finding[],
  deductions: ScoreDeduction[],
  deducted: number,
  uncapped: number,
  score: number,
  grade: Grade,
  context: ScoreContext,
  cap: Cap | undefined,
): string {
  const parts: string[] = [];
  if (findings.length === 0) {
    parts.push(`No findings: ${score} (${grade}).`);
  } else {
    const rules = new Set(deductions.map(deduction => deduction.ruleId)).size;
    parts.push(
      `100 − ${roundPoints(deducted)} for ${plural(
        findings.length,
        'finding',
      )} of ${plural(rules, 'rule')} = ${uncapped}${
        score === uncapped ? ` (${grade})` : ''
      }.`,
    );
    if (score !== uncapped && cap)
      parts.push(`${cap.reason} Score ${score} (${grade}).`);
  }
  if (!context.usesAlpine)
    parts.push('No Alpine stage: only generic hygiene rules apply.');
  return parts.join(' ');
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
