/*
 * What an Alpine stage can compile with: rules that predict a source build
 * (pip without musllinux wheels, node-gyp, cgo) ask whether the compiler and
 * the musl headers are installed.
 */
import type { Stage } from '../../model';
import {
  apkSubcommand,
  commandsNamed,
  installsPackage,
  packagesOf,
  stageChain,
} from '../vocabulary';

/** apk packages that bring what a name stands for: `build-base` brings gcc, g++, make and musl-dev. */
const PROVIDERS: Record<string, string[]> = {
  gcc: ['gcc', 'build-base', 'clang'],
  'g++': ['g++', 'build-base', 'clang'],
  make: ['make', 'build-base'],
  'musl-dev': ['musl-dev', 'libc-dev', 'build-base'],
  python3: ['python3', 'python3-dev', 'python2', 'python'],
  pkgconf: ['pkgconf', 'pkgconfig'],
};

/** True when the stage or its parents install the package, or one that brings it. */
export function hasBuildPackage(stage: Stage, name: string): boolean {
  const providers = PROVIDERS[name] ?? [name];
  return (
    installsPackage(stage, installed => providers.includes(installed)) ||
    crossInstallsPackage(stage, installed => providers.includes(installed))
  );
}

/**
 * Whether `xx-apk add` (tonistiigi/xx, Docker's cross-compilation helpers)
 * installs a matching package, or a list we cannot read, in the stage or its
 * parents: it installs the target platform's packages (`gcc musl-dev` for
 * the target's libraries and headers) into the sysroot a cross build uses,
 * while the host compiler is clang (navidrome).
 */
function crossInstallsPackage(
  stage: Stage,
  matches: (name: string) => boolean,
): boolean {
  return stageChain(stage).some(current =>
    current.runs.some(run =>
      commandsNamed(run, 'xx-apk').some(
        command =>
          apkSubcommand(command) === 'add' &&
          packagesOf(command, run).some(
            pkg => pkg.unresolved || matches(pkg.name),
          ),
      ),
    ),
  );
}

/** The packages of `needed` the stage does not install. */
export function missingBuildPackages(
  stage: Stage,
  needed: readonly string[],
): string[] {
  return needed.filter(name => !hasBuildPackage(stage, name));
}

/** gcc and the musl headers: what any C extension build needs at least. */
export const C_TOOLCHAIN = ['gcc', 'musl-dev'] as const;

const COMPILER_PACKAGES =
  /^(build-base|build-essential|gcc|g\+\+|gcc-c\+\+|clang|make)$/;
const SYSTEM_PACKAGE_MANAGERS = /^(apt-get|apt|yum|dnf|microdnf|zypper)$/;

/**
 * True when a stage of any distribution installs a C/C++ compiler (apk, apt,
 * yum, dnf): evidence that native code is compiled there.
 */
export function installsCompiler(stage: Stage): boolean {
  if (installsPackage(stage, name => COMPILER_PACKAGES.test(name))) return true;
  return stageChain(stage).some(current =>
    current.runs.some(run =>
      run.script.commands.some(
        command =>
          SYSTEM_PACKAGE_MANAGERS.test(command.name) &&
          command.args.some(arg =>
            COMPILER_PACKAGES.test(arg.value.replace(/=.*$/, '')),
          ),
      ),
    ),
  );
}
