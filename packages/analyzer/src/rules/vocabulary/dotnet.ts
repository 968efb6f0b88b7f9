/*
 * Reading `dotnet` command lines: the subcommand, the runtime identifier
 * (RID) a build or publish targets and how it was written (`-r linux-x64`,
 * `--runtime=linux-x64`, `-p:RuntimeIdentifier=linux-x64`, `--os linux`),
 * located to its characters so that a fix can replace exactly the RID.
 */
import type { ShellCommand, ShellWord } from '../../shell';
import type { Locatable } from '../framework/types';
import { positionalArgs } from './commands';

/** dotnet options that take the next word as their value. */
export const DOTNET_OPTIONS_WITH_VALUE: readonly string[] = [
  '-r',
  '--runtime',
  '-c',
  '--configuration',
  '-o',
  '--output',
  '--os',
  '-a',
  '--arch',
  '-f',
  '--framework',
];

const RUNTIME_FLAG =
  /^(-r|--runtime|--os)([=:].*)?$|^[-/](p|property):RuntimeIdentifier=/i;
const RUNTIME_ATTACHED = /^(-r|--runtime)[=:]/;
const RUNTIME_PROPERTY = /^[-/](p|property):RuntimeIdentifier=(.+)$/i;

/** The subcommand word of a `dotnet` command (`publish` in `dotnet publish -c Release`); undefined for other commands. */
export function dotnetSubcommand(command: ShellCommand): ShellWord | undefined {
  if (command.name !== 'dotnet') return undefined;
  return positionalArgs(command, DOTNET_OPTIONS_WITH_VALUE)[0];
}

/** A runtime identifier written in a dotnet command. */
export interface DotnetRuntimeIdentifier {
  /** As written: `linux-x64`; for `--os`, the OS (`linux`). */
  rid: string;
  /** `runtime`: `-r`/`--runtime`; `property`: `-p:RuntimeIdentifier=`; `os`: `--os` (the OS part only). */
  via: 'runtime' | 'property' | 'os';
  /** Exactly the characters of the RID in the Dockerfile. */
  at: Locatable;
}

/** Every RID a dotnet command names, in order: `-r X`, `--runtime=X`, `-p:RuntimeIdentifier=X`, `--os X`. */
export function dotnetRuntimeIdentifiers(
  command: ShellCommand,
): DotnetRuntimeIdentifier[] {
  const found: DotnetRuntimeIdentifier[] = [];
  const { args } = command;
  const add = (
    word: ShellWord,
    rid: string,
    via: DotnetRuntimeIdentifier['via'],
  ) => {
    const offset = word.text.lastIndexOf(rid);
    if (offset === -1) return;
    found.push({
      rid,
      via,
      at: { start: word.start + offset, end: word.start + offset + rid.length },
    });
  };
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    const next = args[i + 1];
    if ((value === '-r' || value === '--runtime') && next) {
      add(next, next.value, 'runtime');
    } else if (RUNTIME_ATTACHED.test(value)) {
      add(args[i], value.replace(RUNTIME_ATTACHED, ''), 'runtime');
    } else if (RUNTIME_PROPERTY.test(value)) {
      add(args[i], RUNTIME_PROPERTY.exec(value)![2], 'property');
    } else if (value === '--os' && next) {
      add(next, next.value, 'os');
    }
  }
  return found;
}

/** True when the command chooses its target runtime in any form, including ones `dotnetRuntimeIdentifiers` does not locate (`--os=linux`). */
export function dotnetSetsRuntime(command: ShellCommand): boolean {
  return command.args.some(arg => RUNTIME_FLAG.test(arg.value));
}

/** The value word of `-a`/`--arch` (`x64` in `dotnet publish -a x64`). */
export function dotnetArch(command: ShellCommand): ShellWord | undefined {
  const index = command.args.findIndex(
    arg => arg.value === '-a' || arg.value === '--arch',
  );
  return index === -1 ? undefined : command.args[index + 1];
}
