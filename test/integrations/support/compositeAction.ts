import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/*
 * Runs a composite action's steps the way a GitHub Actions runner does, for
 * want of a runner: `${{ }}` expressions over the inputs, github, runner and
 * steps contexts; `if:` with the status functions (an `if:` without one is
 * `success() && …`); `run:` steps as `bash --noprofile --norc -eo pipefail
 * {0}` with GITHUB_OUTPUT, GITHUB_ENV, GITHUB_PATH, RUNNER_TEMP… set and step
 * outputs read back from GITHUB_OUTPUT (name=value and name<<DELIMITER
 * forms), and problem matchers (`::add-matcher::`) turning log lines into
 * annotations. `uses:` steps cannot run here: each is recorded with its evaluated
 * `with:` and handed to `onUses`, which plays the action.
 */

interface ActionStep {
  id?: string;
  name?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}

export interface ActionDefinition {
  name: string;
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export interface StepRecord {
  name: string;
  kind: 'run' | 'uses';
  /** skipped: its `if:` was false. */
  outcome: 'success' | 'failure' | 'skipped';
  uses?: string;
  with?: Record<string, string>;
  exitCode?: number;
  /** The script exactly as the action file has it. */
  script?: string;
  stdout?: string;
  stderr?: string;
}

/** What a problem matcher made of a log line, as the runner would annotate it. */
export interface Annotation {
  owner: string;
  file?: string;
  line?: number;
  column?: number;
  severity?: string;
  message?: string;
  code?: string;
}

interface ProblemPattern {
  regexp: string;
  file?: number;
  line?: number;
  column?: number;
  severity?: number;
  message?: number;
  code?: number;
}

/** Applies problem matchers as the runner does, for one-line patterns. */
function matchProblems(
  output: string,
  active: Map<string, ProblemPattern>,
): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of output.split('\n')) {
    const add = /^::add-matcher::(.+)$/.exec(line);
    const remove = /^::remove-matcher owner=([^:]+)::$/.exec(line);
    if (add) {
      const definition = JSON.parse(fs.readFileSync(add[1], 'utf8')) as {
        problemMatcher: Array<{ owner: string; pattern: ProblemPattern[] }>;
      };
      for (const matcher of definition.problemMatcher) {
        if (matcher.pattern.length !== 1) {
          throw new Error('only one-line problem patterns are played');
        }
        active.set(matcher.owner, matcher.pattern[0]);
      }
      continue;
    }
    if (remove) {
      active.delete(remove[1]);
      continue;
    }
    for (const [owner, pattern] of active) {
      const match = new RegExp(pattern.regexp).exec(line);
      if (!match) continue;
      const group = (index?: number) =>
        index === undefined ? undefined : match[index];
      annotations.push({
        owner,
        file: group(pattern.file),
        line: pattern.line ? Number(match[pattern.line]) : undefined,
        column: pattern.column ? Number(match[pattern.column]) : undefined,
        severity: group(pattern.severity),
        message: group(pattern.message),
        code: group(pattern.code),
      });
    }
  }
  return annotations;
}

export interface ActionRun {
  /** failure when any step failed, as the job would show it. */
  conclusion: 'success' | 'failure';
  steps: StepRecord[];
  outputs: Record<string, string>;
  /** Everything the run steps printed, in order. */
  log: string;
  /** Annotations the problem matchers made of the log. */
  annotations: Annotation[];
}

export interface ActionRunOptions {
  actionFile: string;
  inputs: Record<string, string>;
  /** GITHUB_WORKSPACE: the checked-out repository. */
  workspace: string;
  /** RUNNER_TEMP. */
  runnerTemp: string;
  /** Environment of the runner (PATH, HOME…). */
  env: NodeJS.ProcessEnv;
  github?: Record<string, string>;
  /** Plays a `uses:` step; returns whether it succeeded. */
  onUses?: (uses: string, inputs: Record<string, string>) => boolean;
}

export function readAction(actionFile: string): ActionDefinition {
  return parse(fs.readFileSync(actionFile, 'utf8')) as ActionDefinition;
}

type Contexts = Record<string, unknown>;

function lookup(contexts: Contexts, reference: string): string {
  let value: unknown = contexts;
  for (const part of reference.split('.')) {
    if (value === null || typeof value !== 'object') {
      throw new Error(`unknown context ${reference}`);
    }
    if (!(part in value)) {
      // Actions evaluates a missing property as null, shown as ''; a
      // missing context or input is a mistake in the action file.
      if (value === contexts || reference.startsWith('inputs.')) {
        throw new Error(`unknown context ${reference}`);
      }
      return '';
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value === undefined || value === null ? '' : String(value);
}

/**
 * Evaluates an expression of the subset this action uses: context
 * references, string literals, == != && || ! ( ), and the status functions.
 */
export function evaluate(
  expression: string,
  contexts: Contexts,
  status: { failed: boolean },
): string | boolean {
  const token =
    /\s*(?:('(?:[^']|'')*')|(always|success|failure|cancelled)\(\)|([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)|(==|!=|&&|\|\||!|\(|\)))/y;
  let js = '';
  let position = 0;
  while (position < expression.length) {
    if (/^\s*$/.test(expression.slice(position))) break;
    token.lastIndex = position;
    const match = token.exec(expression);
    if (!match) {
      throw new Error(
        `cannot evaluate ${JSON.stringify(expression)} at ${position}`,
      );
    }
    position = token.lastIndex;
    const [, literal, statusFunction, reference, operator] = match;
    if (literal !== undefined) {
      js += JSON.stringify(literal.slice(1, -1).replace(/''/g, "'"));
    } else if (statusFunction !== undefined) {
      js += String(
        {
          always: true,
          success: !status.failed,
          failure: status.failed,
          cancelled: false,
        }[statusFunction],
      );
    } else if (reference !== undefined) {
      if (reference === 'true' || reference === 'false') js += reference;
      else js += JSON.stringify(lookup(contexts, reference));
    } else {
      js += { '==': '===', '!=': '!==' }[operator] ?? operator;
    }
    js += ' ';
  }
  // eslint-disable-next-line no-new-func
  return new Function(`return (${js});`)() as string | boolean;
}

/** Replaces every `${{ … }}` in a value with its result. */
export function interpolate(
  text: string,
  contexts: Contexts,
  status: { failed: boolean },
): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, expression: string) =>
    String(evaluate(expression, contexts, status)),
  );
}

function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], index + 1);
      outputs[heredoc[1]] = lines.slice(index + 1, end).join('\n');
      index = end;
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(
        line.indexOf('=') + 1,
      );
    }
  }
  return outputs;
}

export function runCompositeAction(options: ActionRunOptions): ActionRun {
  const action = readAction(options.actionFile);
  if (action.runs.using !== 'composite') {
    throw new Error(`not a composite action: ${action.runs.using}`);
  }
  for (const name of Object.keys(options.inputs)) {
    if (!(name in action.inputs)) throw new Error(`unknown input ${name}`);
  }
  const inputs = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      name,
      options.inputs[name] ?? input.default ?? '',
    ]),
  );
  const actionPath = path.dirname(options.actionFile);
  const stepsContext: Record<string, { outputs: Record<string, string> }> = {};
  const contexts: Contexts = {
    inputs,
    github: {
      action_path: actionPath,
      workspace: options.workspace,
      server_url: 'https://github.com',
      action_repository: '',
      action_ref: '',
      ...options.github,
    },
    runner: { temp: options.runnerTemp, os: 'Linux' },
    steps: stepsContext,
  };
  const status = { failed: false };
  const records: StepRecord[] = [];
  let log = '';
  const annotations: Annotation[] = [];
  const matchers = new Map<string, ProblemPattern>();

  action.runs.steps.forEach((step, index) => {
    const name = step.name ?? step.id ?? `step ${index + 1}`;
    const condition = step.if ?? 'success()';
    const guarded = /\b(always|success|failure|cancelled)\(\)/.test(condition)
      ? condition
      : `success() && (${condition})`;
    const record: StepRecord = {
      name,
      kind: step.run !== undefined ? 'run' : 'uses',
      outcome: 'skipped',
      uses: step.uses,
      script: step.run,
    };
    records.push(record);
    if (step.id) stepsContext[step.id] = { outputs: {} };
    if (!evaluate(guarded, contexts, status)) return;

    if (step.uses !== undefined) {
      record.with = Object.fromEntries(
        Object.entries(step.with ?? {}).map(([key, value]) => [
          key,
          interpolate(String(value), contexts, status),
        ]),
      );
      const ok = options.onUses?.(step.uses, record.with) ?? true;
      record.outcome = ok ? 'success' : 'failure';
      if (!ok) status.failed = true;
      return;
    }

    if (step.shell !== 'bash') {
      throw new Error(`${name}: only shell: bash is played, not ${step.shell}`);
    }
    const files = {
      GITHUB_OUTPUT: path.join(options.runnerTemp, `_output_${index}`),
      GITHUB_ENV: path.join(options.runnerTemp, `_env_${index}`),
      GITHUB_PATH: path.join(options.runnerTemp, `_path_${index}`),
      GITHUB_STEP_SUMMARY: path.join(options.runnerTemp, `_summary_${index}`),
    };
    Object.values(files).forEach(file => fs.writeFileSync(file, ''));
    const scriptFile = path.join(options.runnerTemp, `_step_${index}.sh`);
    fs.writeFileSync(scriptFile, step.run!);
    const stepEnv = Object.fromEntries(
      Object.entries(step.env ?? {}).map(([key, value]) => [
        key,
        interpolate(String(value), contexts, status),
      ]),
    );
    const workingDirectory = step['working-directory']
      ? path.resolve(
          options.workspace,
          interpolate(step['working-directory'], contexts, status),
        )
      : options.workspace;
    const result = spawnSync(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', scriptFile],
      {
        cwd: workingDirectory,
        encoding: 'utf8',
        timeout: 120_000,
        env: {
          ...options.env,
          ...files,
          CI: 'true',
          GITHUB_ACTIONS: 'true',
          GITHUB_WORKSPACE: options.workspace,
          GITHUB_ACTION_PATH: actionPath,
          RUNNER_TEMP: options.runnerTemp,
          RUNNER_OS: 'Linux',
          ...stepEnv,
        },
      },
    );
    if (result.error) throw result.error;
    record.exitCode = result.status ?? 1;
    record.stdout = result.stdout;
    record.stderr = result.stderr;
    record.outcome = record.exitCode === 0 ? 'success' : 'failure';
    log += result.stdout + result.stderr;
    annotations.push(...matchProblems(result.stdout, matchers));
    if (step.id)
      stepsContext[step.id].outputs = readOutputs(files.GITHUB_OUTPUT);
    if (record.outcome === 'failure') status.failed = true;
  });

  const outputs = Object.fromEntries(
    Object.entries(action.outputs ?? {}).map(([name, output]) => [
      name,
      interpolate(output.value, contexts, status),
    ]),
  );
  return {
    conclusion: status.failed ? 'failure' : 'success',
    steps: records,
    outputs,
    log,
    annotations,
  };
}
