import { applyConfig } from './config';
import { BuildContextFacts, NO_CONTEXT } from './facts';
import type { BuildContextInput, ContextNote } from './facts';
import { decodeInput } from './input/decodeInput';
import type { InputProblem } from './input/decodeInput';
import { buildModel, stageLabel } from './model';
import type { DockerfileModel } from './model';
import { compileKnowledge } from './knowledge/Knowledge';
import type { Knowledge } from './knowledge/Knowledge';
import { parseDockerfile } from './parse';
import { RULES } from './rules';
import { formatMessage } from './rules/framework/messages';
import { runRules } from './rules/framework/runRules';

import type { Rule } from './rules/framework/types';
import { scoreFile } from './score';
import { applySuppressions } from './suppressions';
import { EnforcedRules } from './enforcement/enforcedRules';
import { applyWaivers, withFingerprints } from './waivers/applyWaivers';
import type {
  AnalyzeOptions,
  AnalyzerConfig,
  FileReport,
  Finding,
  KnowledgeOverrides,
  Report,
  StageSummary,
  SuppressedCounts,
} from './types';
import { REPORT_VERSION } from './version';

const CONTEXT_NOTE_RULE = 'context-file-unreadable';

/** One Dockerfile handed to the analyzer. @public */
export interface DockerfileInput {
  path: string;
  content: string | Uint8Array;
  /**
   * The files of its build context the host read (lockfiles, manifests,
   * `.dockerignore`): musl findings are then confirmed or refuted by them.
   */
  context?: BuildContextInput;
}

/**
 * Analyses one Dockerfile. Never throws: unreadable or unparseable input
 * becomes a finding in the report.
 * @public
 */
export function analyzeDockerfile(
  file: DockerfileInput,
  options: AnalyzeOptions = {},
): FileReport {
  try {
    return analyzeWithRules(file, RULES, options);
  } catch (error) {
    // A bug of ours must still give the caller a report, and say so.
    return report(file.path, [
      engineFinding('parse-error', 'analyzerFailed', {
        error: String(error instanceof Error ? error.message : error),
      }),
    ]);
  }
}

/** Analyses several Dockerfiles into one versioned report. @public */
export function analyzeFiles(
  files: DockerfileInput[],
  options: AnalyzeOptions = {},
): Report {
  return {
    version: REPORT_VERSION,
    files: files.map(file => analyzeDockerfile(file, options)),
  };
}

/**
 * The pipeline with an explicit rule set (the RuleTester runs one rule):
 * decode and guard → parse → model → rules → config → suppressions → sort → score.
 */
export function analyzeWithRules(
  file: DockerfileInput,
  rules: readonly Rule[],
  options: AnalyzeOptions,
): FileReport {
  const decoded = decodeInput(file.content);
  if (decoded.problem)
    return report(file.path, [inputFinding(decoded.problem)]);
  const now = options.now ?? new Date();
  const config = options.config ?? {};
  const knowledge = knowledgeFor(options);
  const model = buildModel(parseDockerfile(decoded.text), {
    classifyImage: ref => knowledge.classifyImage(ref),
  });
  const enforced = new EnforcedRules(options.enforcedRules);
  const facts = file.context
    ? new BuildContextFacts(file.context, baseName(file.path))
    : NO_CONTEXT;
  const baseline = options.suppressionBaseline;
  const enabled = baseline
    ? rulesToCount(rules, config, baseline, enforced)
    : enabledRules(rules, config, enforced);
  let findings = runRules(model, enabled, {
    now,
    knowledge,
    facts,
    path: file.path,
  });
  if (
    facts.available &&
    enabled.some(rule => rule.meta.id === CONTEXT_NOTE_RULE)
  ) {
    findings.push(...facts.allNotes().map(contextNoteFinding));
  }
  const beforeConfig = findings.length;
  findings = applyConfig(findings, config, enforced);
  const beforeComments = findings.length;
  findings = applySuppressions(
    findings,
    decoded.text,
    model.syntax.instructions.map(instruction => ({
      line: instruction.line,
      endLine: instruction.endLine,
    })),
    ruleId => rules.find(rule => rule.meta.id === ruleId)?.meta.aliases ?? [],
    now,
    enforced,
  );
  const suppressed: SuppressedCounts | undefined = baseline
    ? {
        config: beforeConfig - beforeComments,
        comment: beforeComments - findings.length,
      }
    : undefined;
  findings = applyWaivers(
    findings,
    options.waivers,
    file.path,
    decoded.text,
    now,
    enforced,
  );
  if (options.fingerprints) {
    findings = withFingerprints(findings, file.path, decoded.text);
  }
  findings.sort(
    (a, b) =>
      a.line - b.line || a.column - b.column || compareIds(a.ruleId, b.ruleId),
  );
  const result = report(file.path, findings, model, now, knowledge);
  if (suppressed && (suppressed.config > 0 || suppressed.comment > 0)) {
    result.suppressed = suppressed;
  }
  return result;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || 'Dockerfile';
}

/** A context file that could not be used: a note, never a failed analysis. */
function contextNoteFinding(note: ContextNote): Finding {
  return engineFinding(CONTEXT_NOTE_RULE, 'unreadable', {
    path: note.path,
    detail: note.detail,
  });
}

/** Bundled tables, then the host's layers, then the config file's own `knowledge:`. */
export function knowledgeFor(options: AnalyzeOptions): Knowledge {
  const hostLayers = asLayers(options.knowledge);
  const own = options.config?.knowledge;
  return compileKnowledge(own ? [...hostLayers, own] : hostLayers);
}

function asLayers(
  knowledge: AnalyzeOptions['knowledge'],
): readonly KnowledgeOverrides[] {
  if (!knowledge) return [];
  return Array.isArray(knowledge)
    ? knowledge
    : [knowledge as KnowledgeOverrides];
}

/** Rule ids are lowercase ASCII, where plain comparison orders as localeCompare did, without its cost. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Rules turned off or ignored by the config are not run at all, unless enforced. */
function enabledRules(
  rules: readonly Rule[],
  config: AnalyzerConfig,
  enforced: EnforcedRules,
): readonly Rule[] {
  // Most analyses run without a config: skip building every rule's names.
  if (!config.ignore && !config.severity) return rules;
  return rules.filter(rule => isEnabled(rule, config, enforced));
}

/**
 * When counting suppressions: the rules the config or the baseline leaves
 * on. A rule only the config turns off still runs, so that applyConfig drops
 * (and counts) its findings; one the baseline turns off too is not the
 * file's doing and is not run, unless the config turns it back on.
 */
function rulesToCount(
  rules: readonly Rule[],
  config: AnalyzerConfig,
  baseline: AnalyzerConfig,
  enforced: EnforcedRules,
): readonly Rule[] {
  if (!config.ignore && !config.severity) return rules;
  return rules.filter(
    rule =>
      isEnabled(rule, config, enforced) || isEnabled(rule, baseline, enforced),
  );
}

function isEnabled(
  rule: Rule,
  config: AnalyzerConfig,
  enforced: EnforcedRules,
): boolean {
  const names = [rule.meta.id, ...rule.meta.aliases];
  // Its findings stay, and say the config tried (applyConfig).
  if (enforced.covers(names)) return true;
  if (config.ignore?.some(id => names.includes(id))) return false;
  const severity = config.severity;
  return !severity || !names.some(name => severity[name] === 'off');
}

function report(
  path: string,
  findings: Finding[],
  model?: DockerfileModel,
  now = new Date(),
  knowledge?: Knowledge,
): FileReport {
  const usesAlpine = model?.usesAlpine ?? false;
  // Waived findings are reported, marked, but cost nothing while valid.
  const scored = findings.some(finding => finding.waived)
    ? findings.filter(finding => !finding.waived)
    : findings;
  const { score, grade, explanation } = scoreFile(scored, { usesAlpine });
  const result: FileReport = {
    path,
    score,
    grade,
    findings,
    explanation,
    stages: model && knowledge ? summarizeStages(model, now, knowledge) : [],
    usesAlpine,
  };
  if (knowledge) result.knowledge = { ...knowledge.stamp };
  return result;
}

function summarizeStages(
  model: DockerfileModel,
  now: Date,
  knowledge: Knowledge,
): StageSummary[] {
  return model.stages.map(stage => {
    const summary: StageSummary = {
      index: stage.index,
      image: stage.image.text,
      distro: stage.distro,
      libc: stage.libc,
      line: stage.from.line,
      isFinal: stage.isFinal,
      copiesFrom: stage.copyEdges.map(edge => ({
        source: edge.source.stage
          ? stageLabel(edge.source.stage)
          : edge.source.text,
        sourceLibc: edge.source.libc,
        paths: edge.paths,
        line: edge.instruction.line,
        crossesLibc: edge.crossesLibc,
      })),
    };
    if (stage.name) summary.name = stage.name;
    if (stage.parent) summary.parentStage = stageLabel(stage.parent);
    if (stage.alpineRelease) {
      summary.alpineRelease = stage.alpineRelease;
      const pastEndOfLife = knowledge.daysPastEndOfLife(
        stage.alpineRelease,
        now,
      );
      if (pastEndOfLife !== undefined) summary.endOfLife = pastEndOfLife > 0;
    }
    return summary;
  });
}

function inputFinding(problem: InputProblem): Finding {
  if (problem.kind === 'file-too-large') {
    const megabytes = (problem.bytes / (1024 * 1024)).toFixed(1);
    return engineFinding('file-too-large', 'tooLarge', { megabytes });
  }
  return engineFinding('binary-content', 'notText', {
    detail: problem.detail,
  });
}

/** A finding the engine reports itself, from the rule's `meta.messages` like any other. */
function engineFinding(
  ruleId:
    | 'parse-error'
    | 'file-too-large'
    | 'binary-content'
    | 'context-file-unreadable',
  messageId: string,
  data: Readonly<Record<string, string>>,
): Finding {
  const rule = RULES.find(candidate => candidate.meta.id === ruleId)!;
  return {
    ruleId,
    category: rule.meta.category,
    severity: rule.meta.severity,
    line: 1,
    endLine: 1,
    column: 1,
    message: formatMessage(rule.meta, messageId, data),
    remediation: rule.meta.remediation,
    aliases: [...rule.meta.aliases],
  };
}
