import { Command, CommanderError, Option } from 'commander';
import type { CliIO } from './io';
import {
  CliOptions,
  FAIL_ON_LEVELS,
  FailOn,
  OUTPUT_FORMATS,
  OutputFormat,
} from './options';
import { EXIT_ERROR } from './exitCodes';
import { CLI_VERSION } from '../version';

/** Either options to run with, or an exit code because help, version or a usage error already answered. */
export type ParsedArguments =
  | { kind: 'run'; options: CliOptions }
  | { kind: 'exit'; code: number };

const HELP_FOOTER = `
Exit codes:
  0  no finding at or above the --fail-on threshold
  1  at least one finding at or above the threshold
  2  usage, configuration or I/O error (other files are still reported)

Examples:
  alpine-advisor Dockerfile
  alpine-advisor --format sarif --output alpine-advisor.sarif .
  cat Dockerfile | alpine-advisor --stdin-filename services/api/Dockerfile -
  alpine-advisor --fix-dry-run services/
  alpine-advisor --explain hadolint:DL3019
  alpine-advisor image app.tar --dockerfile Dockerfile   (a built image; see image --help)`;

/**
 * Parses argv (without node and script) with commander, writing help, version
 * and usage errors to the given streams instead of exiting the process.
 */
export function parseArguments(argv: string[], io: CliIO): ParsedArguments {
  const program = buildProgram(io);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every parse error is a usage error.
      return { kind: 'exit', code: error.exitCode === 0 ? 0 : EXIT_ERROR };
    }
    throw error;
  }
  const values = program.opts();
  return {
    kind: 'run',
    options: {
      paths: program.args,
      format: values.format as OutputFormat,
      output: values.output,
      config: values.config,
      knowledge: values.knowledge,
      ignore: values.ignore ?? [],
      enforce: values.enforce ?? [],
      failOn: values.failOn as FailOn | undefined,
      fix: Boolean(values.fix),
      fixDryRun: Boolean(values.fixDryRun),
      listRules: Boolean(values.rules),
      explain: values.explain,
      stdinFilename: values.stdinFilename,
      docsUrl: values.docsUrl,
      color: values.color,
    },
  };
}

function buildProgram(io: CliIO): Command {
  return new Command('alpine-advisor')
    .description(
      'Lint Dockerfiles for Alpine best practices and musl libc risks.',
    )
    .argument(
      '[paths...]',
      'Dockerfiles, directories to search, or - for standard input',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(OUTPUT_FORMATS)
        .default('tty'),
    )
    .option('-o, --output <file>', 'write the report to a file, not stdout')
    .option(
      '-c, --config <file>',
      'use this config file instead of the nearest .alpine-advisor.yaml',
    )
    .option(
      '--knowledge <file>',
      'YAML or JSON with Alpine releases and images to add to or correct in the bundled knowledge (each .alpine-advisor.yaml may add its own under knowledge:)',
    )
    .option(
      '--ignore <ids>',
      'rule ids or aliases to ignore, comma-separated (repeatable)',
      collectIds,
    )
    .option(
      '--enforce <ids>',
      "rule ids or aliases the organisation enforces, comma-separated (repeatable): config files, --ignore and suppression comments cannot ignore or downgrade them (the portal's alpineAdvisor.rules.enforce)",
      collectIds,
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        "exit 1 when a finding at or above this severity exists (default: the config's failOn, else error)",
      ).choices(FAIL_ON_LEVELS),
    )
    .addOption(
      new Option(
        '--fix',
        'write mechanical fixes to the files, then report what remains',
      ).conflicts('fixDryRun'),
    )
    .option('--fix-dry-run', 'print the fixes as a unified diff; write nothing')
    .option('--rules', 'list the rules (--format json: the full catalog)')
    .option('--explain <id>', 'print the docs of a rule (id or alias)')
    .option(
      '--stdin-filename <path>',
      'path to report for - and to match config overrides against',
    )
    .option(
      '--docs-url <url>',
      'base URL where this repository is browsable, for rule documentation links (also ALPINE_ADVISOR_DOCS_URL; default: a placeholder)',
    )
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output (NO_COLOR works too)')
    .version(CLI_VERSION, '-v, --version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText('after', HELP_FOOTER)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
    });
}

function collectIds(value: string, previous: string[] = []): string[] {
  const ids = value
    .split(',')
    .map(id => id.trim())
    .filter(id => id.length > 0);
  return [...previous, ...ids];
}
