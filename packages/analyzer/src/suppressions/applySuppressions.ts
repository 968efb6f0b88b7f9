import type { Finding } from '../types';
import { parseSuppressions, Suppression } from './parseSuppressions';
import { normalizeRuleReference } from './ruleReference';
import { EnforcedRules, withAttempt } from '../enforcement/enforcedRules';

/** Where an instruction sits in the file, 1-based and inclusive. @public */
export interface InstructionLines {
  line: number;
  endLine: number;
}

/**
 * Drops the findings that suppression comments silence. A comment suppresses
 * by our rule id or by any of the finding's aliases (the rule's aliases for a
 * finding without any), so hadolint's and Trivy's comments keep working for
 * the rules that share their ids; a finding that narrowed its aliases to one
 * peer check (a rule covering several) answers to that check only. A non-global
 * comment covers the next instruction (other comments and blank lines may sit
 * between); a `#` line inside an instruction (a heredoc body, a comment in a
 * continuation) is part of that instruction, not a suppression. A finding
 * of an `enforced` rule stays: each comment that would have silenced it is
 * recorded on it as a suppression attempt.
 * @public
 */
export function applySuppressions(
  findings: Finding[],
  text: string,
  instructionLines: InstructionLines[],
  ruleAliases: (ruleId: string) => string[],
  now: Date = new Date(),
  enforced: EnforcedRules = new EnforcedRules(),
): Finding[] {
  if (findings.length === 0) return findings;
  const suppressions = parseSuppressions(text).filter(
    suppression => !suppression.expiresAt || suppression.expiresAt >= now,
  );
  if (suppressions.length === 0) return findings;
  const bound = bindSuppressions(suppressions, instructionLines);
  if (bound.length === 0) return findings;
  const referencesOf = memoizedReferences(ruleAliases);
  const result: Finding[] = [];
  for (const finding of findings) {
    const references = referencesOf(finding);
    const silencing = bound.filter(
      ({ suppression, target }) =>
        (!target ||
          (target.line <= finding.line && finding.line <= target.endLine)) &&
        suppression.ruleReferences.some(reference => references.has(reference)),
    );
    if (silencing.length === 0) result.push(finding);
    else if (enforced.coversFinding(finding)) {
      result.push(
        silencing.reduce(
          (marked, { suppression }) =>
            withAttempt(marked, {
              via: 'comment',
              line: suppression.line,
              syntax: suppression.syntax,
            }),
          finding,
        ),
      );
    }
  }
  return result;
}

/** A suppression and the instruction it covers (none: the whole file). */
export interface BoundSuppression {
  suppression: Suppression;
  target?: InstructionLines;
}

/**
 * Attaches each suppression to the instruction it covers, dropping comment
 * lines that belong to an instruction and comments with nothing after them.
 */
export function bindSuppressions(
  suppressions: Suppression[],
  instructionLines: InstructionLines[],
): BoundSuppression[] {
  const instructions = [...instructionLines].sort((a, b) => a.line - b.line);
  const bound: BoundSuppression[] = [];
  for (const suppression of suppressions) {
    const position = firstInstructionEndingAtOrAfter(
      instructions,
      suppression.line,
    );
    const containing = instructions[position];
    if (containing && containing.line <= suppression.line) continue;
    if (suppression.scope === 'file') {
      bound.push({ suppression });
    } else if (containing) {
      bound.push({ suppression, target: containing });
    }
  }
  return bound;
}

/** Binary search: instructions do not overlap, so end lines are sorted too. */
function firstInstructionEndingAtOrAfter(
  instructions: InstructionLines[],
  line: number,
): number {
  let low = 0;
  let high = instructions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (instructions[middle].endLine < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

function memoizedReferences(ruleAliases: (ruleId: string) => string[]) {
  const aliasesByRule = new Map<string, string[]>();
  return (finding: Finding): Set<string> => {
    // A finding that names its peer checks is suppressed by those only (a rule
    // covering several checkov checks: CKV2_DOCKER_3 silences wget, not curl).
    let aliases = finding.aliases ?? aliasesByRule.get(finding.ruleId);
    if (!aliases) {
      aliases = safeAliases(ruleAliases, finding.ruleId);
      aliasesByRule.set(finding.ruleId, aliases);
    }
    return new Set([finding.ruleId, ...aliases].map(normalizeRuleReference));
  };
}

function safeAliases(
  ruleAliases: (ruleId: string) => string[],
  ruleId: string,
): string[] {
  try {
    return ruleAliases(ruleId) ?? [];
  } catch {
    // Suppressing must never break an analysis: an unknown rule has no aliases.
    return [];
  }
}
