import type { FileReport, Finding } from '@alpine-advisor/analyzer';
import type { CorpusCase, ExpectedConcept, Grade } from '../src';
import { CONCEPT_RULES } from './concepts';

/**
 * One way the analyzer's report differs from a case's expectations:
 * - `missed`: a concept's rule did not report on any line the concept names;
 * - `unexpected`: a warning or error no concept of the case accounts for;
 * - `grade`: the grade is outside the case's range.
 */
export interface Discrepancy {
  kind: 'missed' | 'unexpected' | 'grade';
  /** missed: the concept's rule ids joined by `|`; unexpected: the finding's rule. */
  ruleId?: string;
  /** missed: the first line the concept names; unexpected: the finding's line. */
  line?: number;
  /** What was expected or found, for the failure message. */
  detail: string;
}

const GRADE_ORDER: readonly Grade[] = ['A', 'B', 'C', 'D', 'F'];

/** Identifies a discrepancy independently of its wording. */
export function discrepancyKey(discrepancy: {
  kind: string;
  ruleId?: string;
  line?: number;
}): string {
  if (discrepancy.kind === 'grade') return 'grade';
  return `${discrepancy.kind} ${discrepancy.ruleId}@${discrepancy.line}`;
}

function coversAnyLine(finding: Finding, lines: readonly number[]): boolean {
  // A concept without line numbers is about the whole file.
  if (lines.length === 0) return true;
  return lines.some(line => finding.line <= line && line <= finding.endLine);
}

function rulesOf(concept: ExpectedConcept): readonly string[] {
  return CONCEPT_RULES[concept.phrase] ?? [];
}

function reportsConcept(finding: Finding, concept: ExpectedConcept): boolean {
  return (
    rulesOf(concept).includes(finding.ruleId) &&
    coversAnyLine(finding, concept.lines)
  );
}

function missedConcepts(
  corpusCase: CorpusCase,
  findings: readonly Finding[],
): Discrepancy[] {
  return corpusCase.expect.concepts
    .filter(concept => rulesOf(concept).length > 0)
    .filter(
      concept => !findings.some(finding => reportsConcept(finding, concept)),
    )
    .map(concept => ({
      kind: 'missed',
      ruleId: rulesOf(concept).join('|'),
      line: concept.lines[0],
      detail: concept.text,
    }));
}

function unexpectedFindings(
  corpusCase: CorpusCase,
  findings: readonly Finding[],
): Discrepancy[] {
  // A clean case allows advice only, whatever its (info) concepts map to.
  const concepts = corpusCase.expect.clean ? [] : corpusCase.expect.concepts;
  return findings
    .filter(finding => finding.severity !== 'info')
    .filter(
      finding => !concepts.some(concept => reportsConcept(finding, concept)),
    )
    .map(finding => ({
      kind: 'unexpected',
      ruleId: finding.ruleId,
      line: finding.line,
      detail: `${finding.severity}: ${finding.message}`,
    }));
}

function gradeOutOfRange(
  corpusCase: CorpusCase,
  report: FileReport,
): Discrepancy[] {
  const [best, worst] = corpusCase.expect.grade;
  const rank = GRADE_ORDER.indexOf(report.grade);
  if (rank >= GRADE_ORDER.indexOf(best) && rank <= GRADE_ORDER.indexOf(worst))
    return [];
  return [
    {
      kind: 'grade',
      detail: `grade ${report.grade} (${report.score}) outside [${best}, ${worst}]`,
    },
  ];
}

/** Every difference between a case's expectations and the analyzer's report. */
export function compareCase(
  corpusCase: CorpusCase,
  report: FileReport,
): Discrepancy[] {
  return [
    ...missedConcepts(corpusCase, report.findings),
    ...unexpectedFindings(corpusCase, report.findings),
    ...gradeOutOfRange(corpusCase, report),
  ];
}
