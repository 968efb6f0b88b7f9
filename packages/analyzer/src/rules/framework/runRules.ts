import { NO_CONTEXT } from '../../facts';
import type { BuildContextFacts } from '../../facts';
import { bundledKnowledge } from '../../knowledge/Knowledge';
import { problemMessage } from './messages';
import type { Knowledge } from '../../knowledge/Knowledge';
import type { DockerfileModel, Stage } from '../../model';
import type { DockerInstruction, LineIndex } from '../../parse';
import type { Finding, TextEdit } from '../../types';
import type {
  Locatable,
  OffsetEdit,
  Problem,
  Rule,
  RuleVisitors,
} from './types';

type Visit = (
  this: RuleVisitors,
  instruction: DockerInstruction,
  stage: Stage,
) => void;
type StageVisit = (this: RuleVisitors, stage: Stage) => void;
type FileVisit = (this: RuleVisitors, model: DockerfileModel) => void;

/*
 * Visitors are kept with their receiver and called with `.call` rather than
 * bound: binding allocated one function per rule and visitor for every file,
 * and bound calls cost more than direct ones on this hot path.
 */
interface KeywordVisitor {
  visit: Visit;
  visitors: RuleVisitors;
  alpineOnly: boolean;
}

interface StageVisitor {
  visit: StageVisit;
  visitors: RuleVisitors;
  alpineOnly: boolean;
}

interface FileVisitor {
  visit: FileVisit;
  visitors: RuleVisitors;
}

/** What every rule's context holds besides the model. */
export interface RunRulesOptions {
  now: Date;
  knowledge?: Knowledge;
  facts?: BuildContextFacts;
  /** The file's path as the host names it. */
  path?: string;
}

/**
 * Runs rules over a model in one walk: every rule's visitors are created
 * once, then each stage and instruction is dispatched to the rules that
 * asked for it. A rule that throws loses that one visit, not the analysis.
 */
export function runRules(
  model: DockerfileModel,
  rules: readonly Rule[],
  {
    now,
    knowledge = bundledKnowledge(),
    facts = NO_CONTEXT,
    path = 'Dockerfile',
  }: RunRulesOptions,
): Finding[] {
  const findings: Finding[] = [];
  const { text, lines } = model.syntax;
  const fileVisitors: FileVisitor[] = [];
  const stageVisitors: StageVisitor[] = [];
  const byKeyword = new Map<string, KeywordVisitor[]>();
  for (const rule of rules) {
    const alpineOnly = rule.meta.scope === 'alpine';
    if (alpineOnly && !model.usesAlpine) continue;
    const context = {
      model,
      text,
      path,
      now,
      knowledge,
      facts,
      report: (problem: Problem) =>
        findings.push(toFinding(rule, problem, lines)),
    };
    let visitors: RuleVisitors;
    try {
      visitors = rule.check(context);
    } catch {
      continue;
    }
    for (const key of Object.keys(visitors) as Array<keyof RuleVisitors>) {
      const visit = visitors[key];
      if (typeof visit !== 'function') continue;
      if (key === 'file')
        fileVisitors.push({ visit: visit as FileVisit, visitors });
      else if (key === 'stage')
        stageVisitors.push({
          visit: visit as StageVisit,
          visitors,
          alpineOnly,
        });
      else {
        const visitor = { visit: visit as Visit, visitors, alpineOnly };
        const list = byKeyword.get(key);
        if (list) list.push(visitor);
        else byKeyword.set(key, [visitor]);
      }
    }
  }
  for (const { visit, visitors } of fileVisitors) {
    try {
      visit.call(visitors, model);
    } catch {
      // A bug in one rule must not cost the user the rest of the report.
    }
  }
  for (const stage of model.stages) {
    for (const { visit, visitors, alpineOnly } of stageVisitors) {
      if (alpineOnly && !stage.isAlpine) continue;
      try {
        visit.call(visitors, stage);
      } catch {
        // As above: skip the failing visit only.
      }
    }
    visitInstruction(stage.from, stage, byKeyword);
    for (const instruction of stage.instructions)
      visitInstruction(instruction, stage, byKeyword);
  }
  return findings.length > 1 ? mergeRepeats(findings) : findings;
}

/** Whether two findings share rule, line and message: a cheap look before copying anything. */
function hasRepeats(findings: Finding[]): boolean {
  const messagesByPlace = new Map<string, string[]>();
  for (const finding of findings) {
    const place = `${finding.ruleId}\n${finding.line}`;
    const messages = messagesByPlace.get(place);
    if (!messages) messagesByPlace.set(place, [finding.message]);
    else if (messages.includes(finding.message)) return true;
    else messages.push(finding.message);
  }
  return false;
}

/**
 * One finding per rule, line and message: two `pip install`s on one line
 * reported alike read as a duplicate, and fixing one of them leaves a
 * finding that looks like the one just fixed. The merged finding keeps the
 * first one's place and carries every edit, or no fix when one of them had
 * none (applying only some would leave the same finding behind).
 */
function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return (
    a.line === b.line &&
    a.column === b.column &&
    a.endLine === b.endLine &&
    a.endColumn === b.endColumn &&
    a.text === b.text
  );
}

function mergeRepeats(findings: Finding[]): Finding[] {
  if (!hasRepeats(findings)) return findings;
  const byKey = new Map<string, { merged: Finding; fixable: boolean }>();
  const result: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.ruleId}\n${finding.line}\n${finding.message}`;
    const seen = byKey.get(key);
    if (!seen) {
      const merged = { ...finding };
      byKey.set(key, { merged, fixable: finding.fix !== undefined });
      result.push(merged);
      continue;
    }
    if (seen.fixable && finding.fix && seen.merged.fix) {
      seen.merged.fix = {
        description: seen.merged.fix.description,
        // Two findings may carry the same edit (one `dotnet restore -r`
        // fixed for each publish): applied once, not twice over itself.
        edits: [
          ...seen.merged.fix.edits,
          ...finding.fix.edits.filter(
            edit => !seen.merged.fix!.edits.some(same => sameEdit(same, edit)),
          ),
        ],
      };
    } else {
      seen.fixable = false;
      delete seen.merged.fix;
    }
  }
  return result;
}

function visitInstruction(
  instruction: DockerInstruction,
  stage: Stage,
  byKeyword: Map<string, KeywordVisitor[]>,
): void {
  const visitors = byKeyword.get(instruction.keyword);
  if (!visitors) return;
  for (const { visit, visitors: receiver, alpineOnly } of visitors) {
    if (alpineOnly && !stage.isAlpine) continue;
    try {
      visit.call(receiver, instruction, stage);
    } catch {
      // As above: skip the failing visit only.
    }
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
    message: problemMessage(meta, problem),
    remediation: problem.remediation ?? meta.remediation,
    aliases: [...(problem.aliases ?? meta.aliases)],
  };
  if (problem.evidence) finding.evidence = [{ ...problem.evidence }];
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
  return {
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    text: edit.text,
  };
}

/** Offsets of a locatable, for messages that quote the source. */
export function sourceOf(text: string, at: Locatable): string {
  return text.slice(at.start, at.end);
}
