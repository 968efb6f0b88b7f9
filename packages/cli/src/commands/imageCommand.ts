import fs from 'node:fs';
import path from 'node:path';
import {
  analyzeDockerfile,
  joinImageFindings,
  REPORT_VERSION,
  Report,
} from '@alpine-advisor/analyzer';
import type { DockerfileInstruction } from '@alpine-advisor/analyzer';
import {
  ImageFinding,
  ImageReadError,
  inspectImage,
} from '@alpine-advisor/image-inspector';
import { Command, CommanderError, Option } from 'commander';
import { failsThreshold } from '../analysis/failThreshold';
import { displayPathOf } from '../analysis/lintTarget';
import { colorEnabled } from '../cli/colorEnabled';
import { describeError } from '../cli/describeError';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../cli/exitCodes';
import type { CliIO } from '../cli/io';
import {
  CliOptions,
  FAIL_ON_LEVELS,
  FailOn,
  OUTPUT_FORMATS,
  OutputFormat,
} from '../cli/options';
import { formatterFor } from '../formats';
import { PLACEHOLDER_DOCS_BASE_URL } from '../formats/ruleDocsUrl';
import { CLI_VERSION } from '../version';
import { imageFileReport } from '../image/imageFileReport';

interface ImageOptions {
  archive: string;
  dockerfile?: string;
  format: OutputFormat;
  output?: string;
  failOn: FailOn;
  docsUrl?: string;
  color?: boolean;
}

/**
 * `alpine-advisor image ARCHIVE`: inspects a built image and reports its
 * findings in the same formats and with the same exit codes as Dockerfile
 * analysis (0 clean, 1 findings at the threshold, 2 unreadable input).
 * `--dockerfile` analyses the Dockerfile too, maps image findings to its
 * instructions through the layer history and marks the Dockerfile's musl
 * findings on those lines "confirmed in image sha256:…".
 */
export async function imageCommand(argv: string[], io: CliIO): Promise<number> {
  const parsed = parseImageArguments(argv, io);
  if (typeof parsed === 'number') return parsed;
  const options = parsed;
  const label =
    options.archive === '-'
      ? '-'
      : displayPathOf(path.resolve(io.cwd, options.archive), io.cwd);
  let image;
  try {
    image = await inspectImage(
      options.archive === '-'
        ? stdinChunks(io)
        : path.resolve(io.cwd, options.archive),
      { label },
    );
  } catch (error) {
    if (!(error instanceof ImageReadError)) throw error;
    io.stderr.write(`alpine-advisor: ${error.message}\n`);
    return EXIT_ERROR;
  }
  const report: Report = { version: REPORT_VERSION, files: [] };
  const sources = new Map<string, string>();
  const mapped = new Map<
    ImageFinding,
    { dockerfile: string; instruction: DockerfileInstruction }
  >();
  if (options.dockerfile) {
    const file = path.resolve(io.cwd, options.dockerfile);
    const shown = displayPathOf(file, io.cwd);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      io.stderr.write(`alpine-advisor: ${shown}: ${describeError(error)}\n`);
      return EXIT_ERROR;
    }
    const dockerfileReport = analyzeDockerfile({ path: shown, content: text });
    const join = joinImageFindings(dockerfileReport.findings, text, image);
    for (const [finding, instruction] of join.instructions) {
      mapped.set(finding, { dockerfile: shown, instruction });
    }
    dockerfileReport.findings.forEach((finding, index) => {
      const evidence = join.evidence[index];
      if (!evidence) return;
      finding.evidence = [...(finding.evidence ?? []), evidence];
      if (evidence.verdict === 'confirmed') {
        finding.message += ` — confirmed in image ${evidence.detail}`;
      }
    });
    report.files.push(dockerfileReport);
    sources.set(shown, text);
  }
  report.files.unshift(imageFileReport(label, image, mapped));
  const output = formatterFor(options.format)({
    report:
      options.format === 'json' ? ({ ...report, image } as Report) : report,
    sources,
    problems: image.notes,
    failOn: new Map(report.files.map(file => [file.path, options.failOn])),
    color: colorEnabled(
      { color: options.color, output: options.output } as unknown as CliOptions,
      io,
    ),
    docsBaseUrl:
      options.docsUrl ??
      io.env.ALPINE_ADVISOR_DOCS_URL ??
      PLACEHOLDER_DOCS_BASE_URL,
    cwd: io.cwd,
    toolVersion: CLI_VERSION,
  });
  if (options.output)
    fs.writeFileSync(path.resolve(io.cwd, options.output), output);
  else io.stdout.write(output);
  return report.files.some(file =>
    failsThreshold(file.findings, options.failOn),
  )
    ? EXIT_FINDINGS
    : EXIT_OK;
}

async function* stdinChunks(io: CliIO): AsyncIterable<Buffer> {
  if (io.stdinStream) {
    for await (const chunk of io.stdinStream()) yield Buffer.from(chunk);
    return;
  }
  yield Buffer.from(await io.readStdin());
}

function parseImageArguments(argv: string[], io: CliIO): ImageOptions | number {
  const program = new Command('alpine-advisor image')
    .description(
      'Inspect a built image for musl/glibc mismatches: a docker save archive (.tar, .tar.gz), an OCI layout folder, or - for stdin.',
    )
    .argument('<archive>', 'docker save archive, OCI image layout folder, or -')
    .option(
      '--dockerfile <file>',
      'the Dockerfile the image was built from: map findings to its lines and confirm its musl findings',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(OUTPUT_FORMATS)
        .default('tty'),
    )
    .option('-o, --output <file>', 'write the report to a file, not stdout')
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 1 when a finding at or above this severity exists',
      )
        .choices(FAIL_ON_LEVELS)
        .default('error'),
    )
    .option('--docs-url <url>', 'base URL for rule documentation links')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({
      writeOut: text => io.stdout.write(text),
      writeErr: text => io.stderr.write(text),
    });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError)
      return error.exitCode === 0 ? 0 : EXIT_ERROR;
    throw error;
  }
  const values = program.opts();
  return {
    archive: program.args[0],
    dockerfile: values.dockerfile,
    format: values.format,
    output: values.output,
    failOn: values.failOn,
    docsUrl: values.docsUrl,
    color: values.color,
  };
}
