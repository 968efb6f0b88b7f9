/*
 * pip, venv, uv and poetry commands of a stage: the requirements they name
 * and where they put packages, for the Python musl rules.
 */
import type { Stage } from '../../model';
import type { RunInstruction } from '../../parse';
import type { ShellCommand, ShellWord } from '../../shell';
import {
  flagValue,
  hasFlag,
  pipInstalls,
  positionalArgs,
  resolvePath,
  workdirAt,
} from '../vocabulary';
import { memoizeByNode } from '../vocabulary/memo';
import { commandsInChain } from './crossLibc';

export const PIP_OPTIONS_WITH_VALUE = [
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--src',
  '--upgrade-strategy',
  '--progress-bar',
  '--cache-dir',
  '--log',
  '--trusted-host',
  '--proxy',
  '--timeout',
  '--retries',
  '-C',
  '--config-settings',
  '--report',
  '--python',
  '-p',
  '--no-binary',
  '--only-binary',
  '--global-option',
  '--install-option',
  '-w',
  '--wheel-dir',
  '-m',
];

/** pip install commands of a RUN, `uv pip install` included. */
export function pipInstallCommands(run: RunInstruction): ShellCommand[] {
  const uv = run.script.commands.filter(
    command =>
      command.name === 'uv' &&
      command.args[0]?.value === 'pip' &&
      command.args[1]?.value === 'install',
  );
  return [...pipInstalls(run), ...uv];
}

/** The requirement arguments of a pip install (`numpy==1.24.4`, `.`, `pkg.whl`). */
export function requirementWords(command: ShellCommand): ShellWord[] {
  const positional = positionalArgs(command, PIP_OPTIONS_WITH_VALUE);
  const install = positional.findIndex(word => word.value === 'install');
  return install === -1 ? [] : positional.slice(install + 1);
}

/** Whether `--only-binary` / `--no-binary` covers a package (`:all:` or listed by name). */
export function binaryPolicyCovers(
  command: ShellCommand,
  flag: '--only-binary' | '--no-binary',
  name: string,
): boolean {
  const value = flagValue(command, flag)?.value;
  if (!value) return false;
  return value
    .split(',')
    .some(
      entry =>
        entry === ':all:' ||
        entry.toLowerCase().replace(/[-_.]+/g, '-') === name,
    );
}

/**
 * Directories a stage installs Python packages into: virtualenvs, pip
 * targets and prefixes, wheel directories, the user site, and the global
 * site-packages of a plain `pip install`.
 */
export const pythonPackageLocations: (stage: Stage) => readonly string[] =
  memoizeByNode(collectPythonPackageLocations);

function collectPythonPackageLocations(stage: Stage): string[] {
  const locations: string[] = [];
  for (const { stage: owner, run, command } of commandsInChain(
    stage,
    () => true,
  )) {
    // The WORKDIR walk is asked for only by the commands that name a path.
    let workdir: string | undefined;
    const at = (path: string) =>
      locations.push(
        resolvePath(path, (workdir ??= workdirAt(owner, run.line))),
      );
    const words = command.args.map(arg => arg.value);
    if (
      /^python[\d.]*$/.test(command.name) &&
      words[0] === '-m' &&
      words[1] === 'venv'
    ) {
      const target = positionalArgs(command, ['-m', '--prompt']).find(
        word => word.value !== 'venv',
      );
      if (target) at(target.value);
    } else if (command.name === 'virtualenv') {
      const target = positionalArgs(command, ['-p', '--python', '--prompt'])[0];
      if (target) at(target.value);
    } else if (command.name === 'uv' && words[0] === 'venv') {
      at(
        positionalArgs(command, ['-p', '--python', '--prompt'])[1]?.value ??
          '.venv',
      );
    } else if (
      (command.name === 'uv' && words[0] === 'sync') ||
      (command.name === 'poetry' && words[0] === 'install')
    ) {
      at('.venv');
    }
    if (
      pipInstalls(run).includes(command) ||
      (command.name === 'uv' && words[0] === 'pip')
    ) {
      const target = flagValue(
        command,
        '-t',
        '--target',
        '--prefix',
        '--root',
      )?.value;
      if (target) at(target);
      else if (hasFlag(command, '--user')) at('/root/.local');
      else locations.push('/usr/local/lib/python3', '/usr/lib/python3');
    }
    if (
      /^pip\d?$/.test(command.name) &&
      positionalArgs(command, PIP_OPTIONS_WITH_VALUE)[0]?.value === 'wheel'
    ) {
      at(flagValue(command, '-w', '--wheel-dir')?.value ?? '.');
    }
  }
  const virtualEnv = stage.env('VIRTUAL_ENV');
  if (virtualEnv) locations.push(resolvePath(virtualEnv));
  return locations;
}

/**
 * The CPython an official `python:X.Y…` base image runs, through the stages
 * a stage builds FROM; undefined for other images, for an unresolved tag,
 * and when the RUN picks its own interpreter (`uv python install`,
 * `--python`, `UV_PYTHON`), since wheels are then chosen for that one.
 */
export function imagePython(
  stage: Stage,
  run: RunInstruction,
): { major: number; minor: number } | undefined {
  const ownInterpreter = run.script.commands.some(
    command =>
      (command.name === 'uv' && command.args[0]?.value === 'python') ||
      command.args.some(arg => /^--python(=|$)|^-p$/.test(arg.value)),
  );
  if (ownInterpreter || stage.env('UV_PYTHON') !== undefined) return undefined;
  for (
    let current: Stage | undefined = stage;
    current;
    current = current.parent
  ) {
    const { image } = current;
    if (image.repository !== 'python' || image.unresolved) continue;
    const version = /^(\d+)\.(\d+)/.exec(image.tag ?? '');
    return version
      ? { major: Number(version[1]), minor: Number(version[2]) }
      : undefined;
  }
  return undefined;
}
