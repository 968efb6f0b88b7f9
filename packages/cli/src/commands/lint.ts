import fs from 'node:fs';
import path from 'node:path';
import {
  ConfigError,
  describeKnowledge,
  KnowledgeOverrides,
  parseKnowledge,
  REPORT_VERSION,
  Report,
  unifiedDiff,
} from '@alpine-advisor/analyzer';
import { colorEnabled } from '../cli/colorEnabled';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../cli/exitCodes';
import type { CliIO } from '../cli/io';
import type { CliOptions } from '../cli/options';
import { UsageError } from '../cli/UsageError';
import { ConfigResolver } from '../config/ConfigResolver';
import { failsThreshold } from '../analysis/failThreshold';
import { LintedFile, lintTarget } from '../analysis/lintTarget';
import { collectTargets } from '../discovery/collectTargets';
import { describeError } from '../cli/describeError';
import { formatterFor } from '../formats';
import { PLACEHOLDER_DOCS_BASE_URL } from '../formats/ruleDocsUrl';
import { CLI_VERSION } from '../version';
import { resolveRuleIds } from './resolveRuleIds';

/**
 * The default command: analyse the given Dockerfiles, optionally fix them,
 * print the report and return the exit code. Files that cannot be read or
 * whose config is broken are reported on stderr (and in the report's
 * problems) while every other file is still analysed; the exit code is then 2.
 */
export async function lintCommand(
  options: CliOptions,
  io: CliIO,
): Promise<number> {
  if (options.paths.length === 0) {
    throw new UsageError(
      'no input: pass Dockerfiles, directories to search, or - for standard input (see --help)',
    );
  }
  if (options.fix && options.paths.includes('-')) {
    throw new UsageError(
      '--fix cannot write back to standard input; use --fix-dry-run to see the changes',
    );
  }
  const ignore = resolveRuleIds(options.ignore);
  const enforce = resolveRuleIds(options.enforce, '--enforce');
  const knowledge = options.knowledge
    ? readKnowledge(options.knowledge, io.cwd)
    : undefined;
  const problems: string[] = [];
  const reportProblem = (message: string) => {
    // A broken config fails every Dockerfile it governs: say so once.
    if (problems.includes(message)) return;
    problems.push(message);
    io.stderr.write(`alpine-advisor: ${message}\n`);
  };

  const collection = await collectTargets(options.paths, io.cwd);
  collection.errors.forEach(reportProblem);
  for (const skipped of collection.notDockerfiles) {
    io.stderr.write(
      `alpine-advisor: skipped ${skipped.path}: ${skipped.why.message} (name the file to analyse it anyway)\n`,
    );
  }
  for (const directory of collection.emptyDirectories) {
    io.stderr.write(`alpine-advisor: no Dockerfile found in ${directory}\n`);
  }

  const settings = {
    cwd: io.cwd,
    configs: new ConfigResolver(io.cwd, options.config),
    ignore,
    enforce,
    failOn: options.failOn,
    fix: options.fix || options.fixDryRun,
    stdinFilename: options.stdinFilename,
    readStdin: () => io.readStdin(),
    knowledge,
  };
  const linted: LintedFile[] = [];
  for (const target of collection.targets) {
    const outcome = await lintTarget(target, settings);
    if (outcome.ok) linted.push(outcome.file);
    else reportProblem(outcome.message);
  }
  if (collection.targets.length === 0 && collection.errors.length === 0) {
    reportProblem('no Dockerfile to analyse');
  }

  if (options.fix) writeFixes(linted, reportProblem, io);
  const output = options.fixDryRun
    ? dryRunDiff(linted)
    : formatReport(linted, problems, options, io, knowledge);
  writeOutput(output, options, io, reportProblem);

  if (problems.length > 0) return EXIT_ERROR;
  return linted.some(file => failsThreshold(file.report.findings, file.failOn))
    ? EXIT_FINDINGS
    : EXIT_OK;
}

function formatReport(
  linted: LintedFile[],
  problems: string[],
  options: CliOptions,
  io: CliIO,
  knowledge: KnowledgeOverrides | undefined,
): string {
  const { version, asOf, origin, releasesAsOf } = describeKnowledge(
    knowledge ? [knowledge] : [],
  );
  const report: Report = {
    version: REPORT_VERSION,
    files: linted.map(file => file.report),
    knowledge: { version, asOf, origin, releasesAsOf },
  };
  const sources = new Map<string, string>();
  for (const file of linted) {
    if (file.text !== undefined) sources.set(file.report.path, file.text);
  }
  return formatterFor(options.format)({
    report,
    sources,
    problems,
    failOn: new Map(linted.map(file => [file.report.path, file.failOn])),
    color: colorEnabled(options, io),
    docsBaseUrl:
      options.docsUrl ??
      io.env.ALPINE_ADVISOR_DOCS_URL ??
      PLACEHOLDER_DOCS_BASE_URL,
    cwd: io.cwd,
    toolVersion: CLI_VERSION,
  });
}

/**
 * Reads and validates `--knowledge FILE`. A broken file stops the run
 * (exit 2): analysing without it would give verdicts the user did not ask for.
 */
function readKnowledge(file: string, cwd: string): KnowledgeOverrides {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `${file}: cannot read knowledge file: ${describeError(error)}`,
    );
  }
  try {
    const overrides = parseKnowledge(text, file);
    return { source: file, ...overrides };
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}

function dryRunDiff(linted: LintedFile[]): string {
  return linted
    .map(file =>
      file.fixed
        ? unifiedDiff(file.report.path, file.fixed.before, file.fixed.after)
        : '',
    )
    .join('');
}

function writeFixes(
  linted: LintedFile[],
  reportProblem: (message: string) => void,
  io: CliIO,
): void {
  for (const file of linted) {
    const fixed = file.fixed;
    if (!fixed?.absolutePath) continue;
    try {
      fs.writeFileSync(fixed.absolutePath, fixed.after);
      io.stderr.write(
        `alpine-advisor: fixed ${fixed.applied} problem${
          fixed.applied === 1 ? '' : 's'
        } in ${file.report.path}\n`,
      );
    } catch (error) {
      reportProblem(
        `${file.report.path}: cannot write fixes: ${describeError(error)}`,
      );
    }
  }
}

function writeOutput(
  output: string,
  options: CliOptions,
  io: CliIO,
  reportProblem: (message: string) => void,
): void {
  if (!options.output) {
    io.stdout.write(output);
    return;
  }
  const target = path.resolve(io.cwd, options.output);
  try {
    fs.writeFileSync(target, output);
  } catch (error) {
    reportProblem(
      `${options.output}: cannot write report: ${describeError(error)}`,
    );
    // The report must not be lost: it goes to stdout instead.
    io.stdout.write(output);
  }
}
