import type { RunInstruction } from '../../parse';
import type { ShellCommand } from '../../shell';
import { commandsNamed, positionalArgs } from './commands';
import { memoizeByNode } from './memo';

/** A dependency install that reads a manifest: `pip install -r`, `npm ci`, `go mod download`… */
export interface DependencyInstall {
  command: ShellCommand;
  /** Tool family, e.g. `pip`, `npm`. */
  tool: string;
  /** Manifest files the install reads, as a hint for messages. */
  manifests: string[];
}

/** `pip install`, `python -m pip install`, `pip3 install`… */
export function pipInstalls(run: RunInstruction): ShellCommand[] {
  const direct = commandsNamed(run, 'pip', 'pip3').filter(
    c => positionalArgs(c)[0]?.value === 'install',
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

function classify(command: ShellCommand): DependencyInstall | undefined {
  const words = command.args.map(a => a.value);
  const first = positionalArgs(command)[0]?.value;
  switch (command.name) {
    case 'pip':
    case 'pip3':
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
