import type { RunInstruction } from '../../parse';
import type { ShellCommand } from '../../shell';
import { positionalArgs } from './commands';
import { memoizeByNode } from './memo';

/** A dependency install that reads a manifest: `pip install -r`, `npm ci`, `go mod download`… */
export interface DependencyInstall {
  command: ShellCommand;
  /** Tool family, e.g. `pip`, `npm`. */
  tool: string;
  /** Manifest files the install reads, as a hint for messages. */
  manifests: string[];
}

/**
 * pip's own command names: `pip`, `pip2`, `pip3` and the versioned
 * `pip3.12` that `python:*` images (Alpine ones included) install next to them.
 */
export function isPipCommandName(name: string): boolean {
  return /^pip(\d+(\.\d+)?)?$/.test(name);
}

/** pip options (before or after the subcommand) that take a value. */
export const PIP_OPTIONS_WITH_VALUE = [
  '--trusted-host',
  '-i',
  '--index-url',
  '--extra-index-url',
  '-f',
  '--find-links',
  '--proxy',
  '--cert',
  '--client-cert',
  '--cache-dir',
  '--timeout',
  '--retries',
  '--log',
  '--exists-action',
  '--python',
  '-r',
  '--requirement',
  '-c',
  '--constraint',
  '-e',
  '--editable',
  '-t',
  '--target',
  '--prefix',
  '--root',
  '--platform',
  '--python-version',
  '--implementation',
  '--abi',
  '--only-binary',
  '--no-binary',
];

/** The pip subcommand: `install` in `pip --trusted-host example.org install x`. */
export function pipSubcommand(command: ShellCommand): string | undefined {
  return positionalArgs(command, PIP_OPTIONS_WITH_VALUE)[0]?.value;
}

/** `pip install`, `pip3 install`, `pip3.12 install`, `python -m pip install`… */
export function pipInstalls(run: RunInstruction): ShellCommand[] {
  const direct = run.script.commands.filter(
    c => isPipCommandName(c.name) && pipSubcommand(c) === 'install',
  );
  const viaPython = run.script.commands.filter(
    c =>
      /^python(\d(\.\d+)?)?$/.test(c.name) &&
      c.args[0]?.value === '-m' &&
      /^pip\d?$/.test(c.args[1]?.value ?? '') &&
      c.args.slice(2).some(a => a.value === 'install'),
  );
  return [...direct, ...viaPython];
}

/** Installs whose dependency list comes from manifest files in the build context. */
export const dependencyInstalls: (run: RunInstruction) => DependencyInstall[] =
  memoizeByNode((run: RunInstruction) => {
    const installs: DependencyInstall[] = [];
    for (const command of run.script.commands) {
      const install = classify(command);
      if (install) installs.push(install);
    }
    return installs;
  });

/** The command names classify knows (pip and its versioned names aside). */
const INSTALLERS = new Set([
  'pipenv',
  'poetry',
  'uv',
  'npm',
  'yarn',
  'pnpm',
  'go',
  'bundle',
  'composer',
  'cargo',
  'mvn',
  'dotnet',
]);

function classify(command: ShellCommand): DependencyInstall | undefined {
  const tool = isPipCommandName(command.name) ? 'pip' : command.name;
  // Most commands are not installers: skip building their word lists.
  if (tool !== 'pip' && !INSTALLERS.has(tool)) return undefined;
  const words = command.args.map(a => a.value);
  const first = positionalArgs(command)[0]?.value;
  switch (tool) {
    case 'pip':
      if (
        first === 'install' &&
        (words.includes('-r') || words.some(w => w.startsWith('--requirement')))
      ) {
        return { command, tool: 'pip', manifests: ['requirements.txt'] };
      }
      if (first === 'install' && words.includes('.'))
        return {
          command,
          tool: 'pip',
          manifests: ['pyproject.toml', 'setup.py'],
        };
      return undefined;
    case 'pipenv':
      return first === 'install' || first === 'sync'
        ? { command, tool: 'pipenv', manifests: ['Pipfile', 'Pipfile.lock'] }
        : undefined;
    case 'poetry':
      return first === 'install'
        ? {
            command,
            tool: 'poetry',
            manifests: ['pyproject.toml', 'poetry.lock'],
          }
        : undefined;
    case 'uv':
      return first === 'sync' || (first === 'pip' && words.includes('-r'))
        ? { command, tool: 'uv', manifests: ['pyproject.toml', 'uv.lock'] }
        : undefined;
    case 'npm':
      return first === 'ci' || first === 'install' || first === 'i'
        ? {
            command,
            tool: 'npm',
            manifests: ['package.json', 'package-lock.json'],
          }
        : undefined;
    case 'yarn':
      return first === undefined || first === 'install'
        ? { command, tool: 'yarn', manifests: ['package.json', 'yarn.lock'] }
        : undefined;
    case 'pnpm':
      return first === 'install' || first === 'i' || first === 'fetch'
        ? {
            command,
            tool: 'pnpm',
            manifests: ['package.json', 'pnpm-lock.yaml'],
          }
        : undefined;
    case 'go':
      return first === 'mod' && words.includes('download')
        ? { command, tool: 'go', manifests: ['go.mod', 'go.sum'] }
        : undefined;
    case 'bundle':
      return first === 'install'
        ? { command, tool: 'bundler', manifests: ['Gemfile', 'Gemfile.lock'] }
        : undefined;
    case 'composer':
      return first === 'install'
        ? {
            command,
            tool: 'composer',
            manifests: ['composer.json', 'composer.lock'],
          }
        : undefined;
    case 'cargo':
      // cargo-chef builds the dependencies alone from a recipe of the manifests.
      if (first === 'chef')
        return positionalArgs(command)[1]?.value === 'cook'
          ? { command, tool: 'cargo', manifests: ['recipe.json'] }
          : undefined;
      return first === 'fetch' || first === 'build'
        ? { command, tool: 'cargo', manifests: ['Cargo.toml', 'Cargo.lock'] }
        : undefined;
    case 'mvn':
      return words.some(w => w.startsWith('dependency:')) ||
        first === 'package' ||
        first === 'install'
        ? { command, tool: 'maven', manifests: ['pom.xml'] }
        : undefined;
    case 'dotnet':
      return first === 'restore'
        ? { command, tool: 'dotnet', manifests: ['*.csproj'] }
        : undefined;
    default:
      return undefined;
  }
}
