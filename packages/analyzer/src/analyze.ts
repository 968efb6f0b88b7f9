import { applyConfig } from './config';
import { decodeInput } from './input/decodeInput';
import type { InputProblem } from './input/decodeInput';
import { buildModel, stageLabel } from './model';
import type { DockerfileModel } from './model';
import { daysPastEndOfLife } from './model/alpineReleases';
import { parseDockerfile } from './parse';
import { RULES } from './rules';
import { runRules } from './rules/framework/runRules';
import type { Rule } from './rules/framework/types';
import { scoreFile } from './score';
import { applySuppressions } from './suppressions';
import type {
  AnalyzeOptions,
  AnalyzerConfig,
  FileReport,
  Finding,
  Report,
  StageSummary,
} from './types';
import { REPORT_VERSION } from './version';

/** One Dockerfile handed to the analyzer. @public */
export interface DockerfileInput {
  path: string;
  content: string | Uint8Array;
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
      engineFinding(
        'parse-error',
        `the analyzer failed on this file (${String(
          error instanceof Error ? error.message : error,
        )}); please report it`,
      ),
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
  const model = buildModel(parseDockerfile(decoded.text));
  let findings = runRules(model, enabledRules(rules, config), now);
  findings = applyConfig(findings, config);
  findings = applySuppressions(
    findings,
    decoded.text,
    model.syntax.instructions.map(instruction => ({
      line: instruction.line,
      endLine: instruction.endLine,
    })),
    ruleId => rules.find(rule => rule.meta.id === ruleId)?.meta.aliases ?? [],
    now,
  );
  findings.sort(
    (a, b) =>
      a.line - b.line || a.column - b.column || compareIds(a.ruleId, b.ruleId),
  );
  return report(file.path, findings, model, now);
}

/** Rule ids are lowercase ASCII, where plain comparison orders as localeCompare did, without its cost. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Rules turned off or ignored by the config are not run at all. */
function enabledRules(
  rules: readonly Rule[],
  config: AnalyzerConfig,
): readonly Rule[] {
  // Most analyses run without a config: skip building every rule's names.
  if (!config.ignore && !config.severity) return rules;
  return rules.filter(rule => isEnabled(rule, config));
}

function isEnabled(rule: Rule, config: AnalyzerConfig): boolean {
  const names = [rule.meta.id, ...rule.meta.aliases];
  if (config.ignore?.some(id => names.includes(id))) return false;
  const severity = config.severity;
  return !severity || !names.some(name => severity[name] === 'off');
}

function report(
  path: string,
  findings: Finding[],
  model?: DockerfileModel,
  now = new Date(),
): FileReport {
  const usesAlpine = model?.usesAlpine ?? false;
  const { score, grade, explanation } = scoreFile(findings, { usesAlpine });
  return {
    path,
    score,
    grade,
    findings,
    explanation,
    stages: model ? summarizeStages(model, now) : [],
    usesAlpine,
  };
}

function summarizeStages(model: DockerfileModel, now: Date): StageSummary[] {
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
      const pastEndOfLife = daysPastEndOfLife(stage.alpineRelease, now);
      if (pastEndOfLife !== undefined) summary.endOfLife = pastEndOfLife > 0;
    }
    return summary;
  });
}

function inputFinding(problem: InputProblem): Finding {
  if (problem.kind === 'file-too-large') {
    const megabytes = (problem.bytes / (1024 * 1024)).toFixed(1);
    return engineFinding(
      'file-too-large',
      `the file is ${megabytes} MB; files over 1 MB are not analysed`,
    );
  }
  return engineFinding(
    'binary-content',
    `this does not look like a Dockerfile: ${problem.detail}`,
  );
}

function engineFinding(
  ruleId: 'parse-error' | 'file-too-large' | 'binary-content',
  message: string,
): Finding {
  const rule = RULES.find(candidate => candidate.meta.id === ruleId)!;
  return {
    ruleId,
    category: rule.meta.category,
    severity: rule.meta.severity,
    line: 1,
    endLine: 1,
    column: 1,
    message,
    remediation: rule.meta.remediation,
    aliases: [...rule.meta.aliases],
  };
}
