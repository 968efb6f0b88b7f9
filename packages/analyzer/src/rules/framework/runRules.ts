import type { DockerfileModel, Stage } from '../../model';
import type { DockerInstruction, LineIndex } from '../../parse';
import type { Finding, TextEdit } from '../../types';
import type { Locatable, OffsetEdit, Problem, Rule, RuleVisitors } from './types';

interface ActiveVisitors {
  rule: Rule;
  visitors: RuleVisitors;
}

/**
 * Runs rules over a model in one walk: every rule's visitors are created
 * once, then each stage and instruction is dispatched to the rules that
 * asked for it. A rule that throws loses its findings for this file, not
 * the whole analysis.
 */
export function runRules(
  model: DockerfileModel,
  rules: readonly Rule[],
  now: Date,
): Finding[] {
  const findings: Finding[] = [];
  const { text, lines } = model.syntax;
  const active: ActiveVisitors[] = [];
  for (const rule of rules) {
    if (rule.meta.scope === 'alpine' && !model.usesAlpine) continue;
    const context = {
      model,
      text,
      now,
      report: (problem: Problem) => findings.push(toFinding(rule, problem, lines)),
    };
    const visitors = guard(() => rule.check(context));
    if (visitors) active.push({ rule, visitors });
  }
  for (const { visitors } of active) {
    if (visitors.file) guard(() => visitors.file!(model));
  }
  for (const stage of model.stages) {
    const forStage = active.filter(({ rule }) => rule.meta.scope !== 'alpine' || stage.isAlpine);
    for (const { visitors } of forStage) {
      if (visitors.stage) guard(() => visitors.stage!(stage));
    }
    const byKeyword = visitorsByKeyword(forStage);
    visitInstruction(stage.from, stage, byKeyword);
    for (const instruction of stage.instructions) visitInstruction(instruction, stage, byKeyword);
  }
  return findings;
}

type Visit = (instruction: DockerInstruction, stage: Stage) => void;

function visitorsByKeyword(active: ActiveVisitors[]): Map<string, Visit[]> {
  const byKeyword = new Map<string, Visit[]>();
  for (const { visitors } of active) {
    for (const [key, visit] of Object.entries(visitors)) {
      if (key === 'file' || key === 'stage' || typeof visit !== 'function') continue;
      const list = byKeyword.get(key) ?? [];
      list.push(visit as Visit);
      byKeyword.set(key, list);
    }
  }
  return byKeyword;
}

function visitInstruction(instruction: DockerInstruction, stage: Stage, byKeyword: Map<string, Visit[]>): void {
  const visits = byKeyword.get(instruction.keyword);
  if (!visits) return;
  for (const visit of visits) guard(() => visit(instruction, stage));
}

/** Rules are our code, but a bug in one must not cost the user the report. */
function guard<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch {
    return undefined;
  }
}

function toFinding(rule: Rule, problem: Problem, lines: LineIndex): Finding {
  const { meta } = rule;
  const start = lines.positionAt(problem.at.start);
  const end = lines.positionAt(Math.max(problem.at.start, problem.at.end - 1));
  const finding: Finding = {
    ruleId: meta.id,
    category: meta.category,
    severity: problem.severity ?? meta.severity,
    line: start.line,
    endLine: end.line,
    column: start.column,
    message: problem.message,
    remediation: meta.remediation,
    aliases: [...meta.aliases],
  };
  if (problem.fix && problem.fix.edits.length > 0) {
    finding.fix = {
      description: problem.fix.description,
      edits: problem.fix.edits.map(edit => toTextEdit(edit, lines)),
    };
  }
  return finding;
}

export function toTextEdit(edit: OffsetEdit, lines: LineIndex): TextEdit {
  const start = lines.positionAt(edit.start);
  const end = lines.positionAt(edit.end);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, text: edit.text };
}

/** Offsets of a locatable, for messages that quote the source. */
export function sourceOf(text: string, at: Locatable): string {
  return text.slice(at.start, at.end);
}
