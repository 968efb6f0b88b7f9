import type { RunInstruction } from '../../parse';
import type { ShellCommand, ShellScript, ShellWord } from '../../shell';

/** Where commands are read from: a RUN, a parsed script or a list of commands. */
export type CommandSource =
  | RunInstruction
  | ShellScript
  | readonly ShellCommand[];

function commandList(source: CommandSource): readonly ShellCommand[] {
  if (Array.isArray(source)) return source;
  if ('script' in source) return source.script.commands;
  return (source as ShellScript).commands;
}

/** The commands of a RUN (or script) whose name is one of `names` (`apk`, `/sbin/apk` → `apk`). */
export function commandsNamed(
  source: CommandSource,
  ...names: string[]
): ShellCommand[] {
  return commandList(source).filter(command => names.includes(command.name));
}

/** True when the word is an option (`-x`, `--name`, `--name=value`), not `-` alone. */
export function isOption(word: ShellWord): boolean {
  return word.value.length > 1 && word.value.startsWith('-');
}

/**
 * Whether a command has one of the flags: `--no-cache`, `--name=value`
 * forms, and single letters inside combined short flags (`-U` in `-Uv`).
 */
export function hasFlag(command: ShellCommand, ...flags: string[]): boolean {
  return command.args.some(arg =>
    flags.some(flag => matchesFlag(arg.value, flag)),
  );
}

function matchesFlag(value: string, flag: string): boolean {
  if (value === flag) return true;
  // A word that is no option (a package, a path) matches no option: most
  // words, asked of every flag, skip the template and the regex below.
  if (value.charCodeAt(0) !== 45 /* - */ && flag.charCodeAt(0) === 45)
    return false;
  if (flag.startsWith('--')) return value.startsWith(`${flag}=`);
  if (
    flag.length === 2 &&
    /^-[A-Za-z]+$/.test(value) &&
    !value.startsWith('--')
  ) {
    return value.includes(flag[1]);
  }
  return false;
}

/** The word carrying a flag (`--virtual`, `-t`), if present. */
export function flagWord(
  command: ShellCommand,
  ...flags: string[]
): ShellWord | undefined {
  return command.args.find(arg =>
    flags.some(flag => matchesFlag(arg.value, flag)),
  );
}

/** The value of `--flag=value`, `--flag value` or `-f value`. */
export function flagValue(
  command: ShellCommand,
  ...flags: string[]
): ShellWord | undefined {
  const { args } = command;
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    for (const flag of flags) {
      if (value === flag) return args[i + 1];
      // As in matchesFlag: a word that is no option is no `--flag=value`.
      if (value.charCodeAt(0) !== 45 /* - */) continue;
      if (flag.startsWith('--') && value.startsWith(`${flag}=`)) {
        const offset = args[i].text.indexOf('=') + 1;
        return {
          ...args[i],
          text: args[i].text.slice(offset),
          value: value.slice(flag.length + 1),
          start: args[i].start + offset,
        };
      }
    }
  }
  return undefined;
}

/**
 * Positional arguments: words that are not options nor values of options
 * listed in `optionsWithValue` (`-t NAME`, `--repository URL`).
 */
export function positionalArgs(
  command: ShellCommand,
  optionsWithValue: readonly string[] = [],
): ShellWord[] {
  const result: ShellWord[] = [];
  const { args } = command;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.value === '--') {
      result.push(...args.slice(i + 1));
      break;
    }
    if (isOption(arg)) {
      if (optionsWithValue.includes(arg.value)) i++;
      continue;
    }
    result.push(arg);
  }
  return result;
}

/** The first positional argument: `add` in `apk --no-cache add curl`. */
export function subcommand(
  command: ShellCommand,
  optionsWithValue: readonly string[] = [],
): string | undefined {
  return positionalArgs(command, optionsWithValue)[0]?.value;
}

/** The arguments after the subcommand word. */
export function argsAfterSubcommand(
  command: ShellCommand,
  optionsWithValue: readonly string[] = [],
): ShellWord[] {
  const first = positionalArgs(command, optionsWithValue)[0];
  if (!first) return [];
  return command.args.slice(command.args.indexOf(first) + 1);
}
