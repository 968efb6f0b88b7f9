/*
 * What build commands in a stage produce, and whether the result depends on
 * the build stage's C library: Go with or without cgo, Cargo targets, .NET
 * runtime identifiers, jlink runtimes, C compilers.
 */
import type { Stage } from '../../model';
import type { ShellCommand } from '../../shell';
import {
  flagValue,
  positionalArgs,
  resolvePath,
  variableForCommand,
  workdirAt,
} from '../vocabulary';
import { commandsInChain } from './crossLibc';
import type { StageCommand } from './crossLibc';

const GO_OPTIONS_WITH_VALUE = [
  '-o',
  '-ldflags',
  '-gcflags',
  '-tags',
  '-mod',
  '-p',
  '-buildmode',
  '-trimpath',
  '-C',
  '-pkgdir',
  '-modfile',
  '-overlay',
  '-asmflags',
];

/** A Go flag's value: Go accepts `-name value`, `-name=value` and the same with `--`. */
export function goFlagValue(
  command: ShellCommand,
  name: string,
): string | undefined {
  const { args } = command;
  for (let i = 0; i < args.length; i++) {
    const match = /^--?([\w.-]+)(?:=(.*))?$/.exec(args[i].value);
    if (!match || match[1] !== name) continue;
    return match[2] ?? args[i + 1]?.value;
  }
  return undefined;
}

/** `go build` and `go install` (which builds too) in a stage and its parents. */
export function goBuilds(stage: Stage): StageCommand[] {
  return commandsInChain(stage, command => {
    if (command.name !== 'go') return false;
    const sub = positionalArgs(command, GO_OPTIONS_WITH_VALUE)[0]?.value;
    return sub === 'build' || sub === 'install';
  });
}

/** The value of CGO_ENABLED for a Go command, counting `go env -w` in earlier RUNs of the chain. */
export function cgoSetting(build: StageCommand): string | undefined {
  const direct = variableForCommand(
    build.stage,
    build.run,
    build.command,
    'CGO_ENABLED',
  );
  if (direct !== undefined) return direct;
  const goEnvWrites = commandsInChain(
    build.stage,
    command => command.name === 'go' && command.args[0]?.value === 'env',
  )
    .filter(({ run }) => run.start < build.run.start)
    .flatMap(({ command }) =>
      command.args
        .map(arg => /^CGO_ENABLED=(.*)$/.exec(arg.value)?.[1])
        .filter(Boolean),
    );
  return goEnvWrites.at(-1);
}

/** True when the Go build cannot depend on the build stage's libc: cgo off, or linked statically. */
export function goBuildIsLibcFree(build: StageCommand): boolean {
  if (cgoSetting(build) === '0') return true;
  const text = build.command.args.map(arg => arg.value).join(' ');
  if (/-extldflags[=\s]+['"]?[^'"]*-static/.test(text)) return true;
  const tags = goFlagValue(build.command, 'tags') ?? '';
  return (
    /\bnetgo\b/.test(tags) &&
    /\bosusergo\b/.test(tags) &&
    cgoSetting(build) !== '1'
  );
}

/** Where a Go build writes its binary; `exact` is false when only the directory is known. */
export interface GoOutput {
  path: string;
  exact: boolean;
}

/**
 * `-o` (a file or a directory), `$GOBIN` or `$GOPATH/bin` for `go install`;
 * without `-o`, `go build` writes into the working directory under the
 * package's name, which the Dockerfile does not tell.
 */
export function goBuildOutput(build: StageCommand): GoOutput {
  const workdir = workdirAt(build.stage, build.run.line);
  const output = goFlagValue(build.command, 'o');
  if (output) return { path: resolvePath(output, workdir), exact: true };
  const sub = positionalArgs(build.command, GO_OPTIONS_WITH_VALUE)[0]?.value;
  if (sub === 'install') {
    const variable = (name: string) =>
      variableForCommand(build.stage, build.run, build.command, name);
    const gobin = variable('GOBIN') ?? `${variable('GOPATH') ?? '/go'}/bin`;
    return { path: resolvePath(gobin), exact: true };
  }
  return { path: workdir, exact: false };
}

const CARGO_BUILD = /^(build|install|auditable|zigbuild|chef)$/;

/** `cargo build` / `cargo install` (and wrappers) in a stage and its parents. */
export function cargoBuilds(stage: Stage): StageCommand[] {
  return commandsInChain(stage, command => {
    if (command.name !== 'cargo') return false;
    const sub =
      positionalArgs(command, [
        '--target',
        '--features',
        '-p',
        '--package',
        '--bin',
        '--manifest-path',
        '-j',
        '--jobs',
        '--profile',
        '--target-dir',
        '--root',
      ])[0]?.value ?? '';
    return (
      CARGO_BUILD.test(sub) &&
      !command.args.some(arg => arg.value === 'prepare')
    );
  });
}

/** The target triple a Cargo build compiles for, when it names one (flag or CARGO_BUILD_TARGET). */
export function cargoTarget(build: StageCommand): string | undefined {
  return (
    flagValue(build.command, '--target')?.value ??
    variableForCommand(
      build.stage,
      build.run,
      build.command,
      'CARGO_BUILD_TARGET',
    )
  );
}

/** True when a Cargo build's output does not need glibc: a musl target or a static CRT. */
export function cargoBuildIsMuslOrStatic(build: StageCommand): boolean {
  if (/musl/.test(cargoTarget(build) ?? '')) return true;
  const rustflags =
    variableForCommand(build.stage, build.run, build.command, 'RUSTFLAGS') ??
    '';
  return /crt-static/.test(rustflags);
}

/** Output paths of compiler invocations (`gcc -o /out/app`), absolute, with whether they link statically. */
export function compilerOutputs(
  stage: Stage,
): Array<{ path: string; isStatic: boolean }> {
  const compilers = new Set(['gcc', 'g++', 'cc', 'c++', 'clang', 'clang++']);
  return commandsInChain(
    stage,
    command =>
      compilers.has(command.name) || /^(gcc|g\+\+)-\d+$/.test(command.name),
  )
    .map(build => {
      const output = flagValue(build.command, '-o')?.value;
      return output
        ? {
            path: resolvePath(output, workdirAt(build.stage, build.run.line)),
            isStatic: build.command.args.some(arg => arg.value === '-static'),
          }
        : undefined;
    })
    .filter(
      (output): output is { path: string; isStatic: boolean } =>
        output !== undefined,
    );
}

/** Directories `make install` / `cmake --install` install into (`/usr/local` unless a prefix is given). */
export function installPrefixes(stage: Stage): string[] {
  return commandsInChain(stage, isInstallStep).map(({ command }) => {
    const words = command.args.map(arg => arg.value);
    const prefix =
      words
        .find(word => /^(PREFIX|DESTDIR|prefix)=/.test(word))
        ?.split('=')[1] ?? flagValue(command, '--prefix')?.value;
    return resolvePath(prefix || '/usr/local');
  });
}

function isInstallStep(command: ShellCommand): boolean {
  const words = command.args.map(arg => arg.value);
  if (command.name === 'make' || command.name === 'ninja')
    return words.includes('install');
  return command.name === 'cmake' && words.includes('--install');
}

/** `jlink --output DIR` outputs, absolute. */
export function jlinkOutputs(stage: Stage): string[] {
  return commandsInChain(stage, command => command.name === 'jlink').flatMap(
    ({ stage: owner, run, command }) => {
      const output = flagValue(command, '--output');
      return output
        ? [resolvePath(output.value, workdirAt(owner, run.line))]
        : [];
    },
  );
}
