/*
 * npm, yarn and pnpm installs of a stage: where they write node_modules and
 * which packages they name, for the Node.js musl rules.
 */
import type { Stage } from '../../model';
import type { ShellCommand, ShellWord } from '../../shell';
import {
  flagValue,
  positionalArgs,
  resolvePath,
  workdirAt,
} from '../vocabulary';
import { commandsInChain } from './crossLibc';
import type { StageCommand } from './crossLibc';

const OPTIONS_WITH_VALUE = [
  '--prefix',
  '-w',
  '--workspace',
  '--omit',
  '--include',
  '--cache',
  '--registry',
  '--cwd',
  '-C',
  '--dir',
  '--filter',
  '--libc',
  '--os',
  '--cpu',
];

const INSTALL_SUBCOMMANDS: Record<string, RegExp> = {
  npm: /^(ci|install|i|add|isntall|in)$/,
  yarn: /^(install|add)$/,
  pnpm: /^(install|i|add)$/,
};

/** One dependency install: where node_modules lands and the packages named on the command line. */
export interface NodeInstall extends StageCommand {
  directory: string;
  /** Package specs given as arguments (`sharp`, `bcrypt@5`), empty for `npm ci`. */
  packages: ShellWord[];
}

export function isNodeInstall(command: ShellCommand): boolean {
  const pattern = INSTALL_SUBCOMMANDS[command.name];
  if (!pattern) return false;
  const sub = positionalArgs(command, OPTIONS_WITH_VALUE)[0]?.value;
  // A bare `yarn` installs.
  return sub === undefined ? command.name === 'yarn' : pattern.test(sub);
}

/** The installs of a stage and its parents. */
export function nodeInstalls(stage: Stage): NodeInstall[] {
  return commandsInChain(stage, isNodeInstall).map(install =>
    toNodeInstall(install),
  );
}

export function toNodeInstall(install: StageCommand): NodeInstall {
  const { command } = install;
  const workdir = workdirAt(install.stage, install.run.line);
  const prefix = flagValue(command, '--prefix', '--cwd', '--dir', '-C')?.value;
  return {
    ...install,
    directory: prefix ? resolvePath(prefix, workdir) : workdir,
    packages: positionalArgs(command, OPTIONS_WITH_VALUE).slice(1),
  };
}

/** True when a command runs the Prisma CLI (`prisma …`, `npx prisma …`, `pnpm exec prisma …`). */
export function runsPrisma(command: ShellCommand): boolean {
  if (command.name === 'prisma') return true;
  if (!/^(npx|pnpx|bunx|npm|pnpm|yarn)$/.test(command.name)) return false;
  return command.args.some(arg =>
    /^(prisma|@prisma\/cli)(@.*)?$/.test(arg.value),
  );
}
