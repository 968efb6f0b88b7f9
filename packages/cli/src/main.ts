import { EXIT_ERROR } from './cli/exitCodes';
import type { CliIO } from './cli/io';
import { parseArguments } from './cli/program';
import { UsageError } from './cli/UsageError';
import { explainCommand } from './commands/explainCommand';
import { imageCommand } from './commands/imageCommand';
import { lintCommand } from './commands/lint';
import { listRulesCommand } from './commands/listRulesCommand';

/**
 * Runs the CLI on `argv` (without `node` and the script) and resolves to the
 * exit code. Everything goes through `io`, so tests run it in-process.
 * @public
 */
export async function main(argv: string[], io: CliIO): Promise<number> {
  // `image` is a command of its own; a folder named image is still `./image`.
  if (argv[0] === 'image') return imageCommand(argv.slice(1), io);
  const parsed = parseArguments(argv, io);
  if (parsed.kind === 'exit') return parsed.code;
  const { options } = parsed;
  try {
    if (options.listRules || options.explain) {
      if (options.paths.length > 0) {
        throw new UsageError(
          `${options.listRules ? '--rules' : '--explain'} takes no paths`,
        );
      }
      return options.explain
        ? explainCommand(options.explain, options, io)
        : listRulesCommand(options, io);
    }
    return await lintCommand(options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`alpine-advisor: ${error.message}\n`);
      return EXIT_ERROR;
    }
    io.stderr.write(
      `alpine-advisor: internal error, please report it: ${
        error instanceof Error ? error.stack ?? error.message : String(error)
      }\n`,
    );
    return EXIT_ERROR;
  }
}
