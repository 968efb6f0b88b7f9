import { buildImageOf } from '../../../knowledge';
import type { Stage } from '../../../model';
import type { ShellCommand } from '../../../shell';
import type { RuleCheck } from '../../framework/types';
import {
  apkAdds,
  apkDeletedNames,
  shippedStages,
  stageChain,
  startProgram,
  startsNoServiceOfItsOwn,
} from '../../vocabulary';

/** Packages that compile: without one of them nothing is built in the image. */
const COMPILERS = new Set([
  'build-base',
  'gcc',
  'g++',
  'clang',
  'gfortran',
  'go',
  'rust',
  'cargo',
  'tcc',
  'zig',
]);

/** Build tools and headers: part of a toolchain, but no toolchain on their own. */
const BUILD_TOOLS = new Set([
  'make',
  'cmake',
  'musl-dev',
  'libc-dev',
  'autoconf',
  'automake',
  'libtool',
  'linux-headers',
  'binutils',
  'pkgconf',
  'pkgconfig',
]);

function isCompiler(name: string): boolean {
  return COMPILERS.has(name);
}

/** Header packages (`openssl-dev`) are build inputs; `-dev` runtime helpers are rare enough to accept. */
function isToolchain(name: string): boolean {
  return isCompiler(name) || BUILD_TOOLS.has(name) || /-dev$/.test(name);
}

/** Parts of a stage name that say the image is for building (`builder`, `go-build`, `ci`, `codegen`). */
const BUILDING_STAGE_WORDS = new Set([
  'build',
  'builder',
  'buildenv',
  'compile',
  'compiler',
  'toolchain',
  'sdk',
  'dev',
  'devel',
  'devcontainer',
  'ci',
  'codegen',
  'genproto',
  'protoc',
]);

/** Programs whose ENTRYPOINT (or CMD) makes the image a build tool. */
const BUILD_PROGRAMS = new Set([
  'make',
  'gcc',
  'g++',
  'cc',
  'c++',
  'clang',
  'cmake',
  'ninja',
  'meson',
  'go',
  'cargo',
  'rustc',
  'protoc',
  'buf',
  'bazel',
  'bazelisk',
  'tinygo',
  'zig',
]);

/** Build scripts as ENTRYPOINT: `/usr/bin/build`, `compile.sh`. */
const BUILD_SCRIPT = /^(build|compile)(\.sh)?$/;

/** ENV that language toolchain images set (the official golang and rust images, the .NET SDK). */
const TOOLCHAIN_ENV = [
  'GOLANG_VERSION',
  'GOROOT',
  'GOPATH',
  'GOTOOLCHAIN',
  'RUSTUP_HOME',
  'CARGO_HOME',
  'DOTNET_SDK_VERSION',
];

/** Where the Go, Rust and .NET toolchains live when copied into an image. */
const TOOLCHAIN_PATH =
  /^\/usr\/(local\/(go|cargo|rustup)|share\/dotnet\/sdk)(\/|$)/;

/**
 * Why the image that ships is there to build, if it is: its base image is
 * a compiler image, it installs or copies in a language toolchain, its
 * final stage is named for building, or it starts a compiler, build tool or
 * build script. Its toolchain is then its product.
 */
function buildingPurpose(finalStage: Stage): string | undefined {
  const chain = stageChain(finalStage);
  const base = chain[chain.length - 1].image;
  if (buildImageOf(base.repository, base.tag))
    return `${base.text} is a build image`;
  const toolchainEnv = TOOLCHAIN_ENV.find(
    name => finalStage.env(name) !== undefined,
  );
  if (toolchainEnv) return `the image sets ${toolchainEnv}`;
  const copiedToolchain = chain.some(stage =>
    stage.copyEdges.some(
      edge =>
        edge.paths.some(path => TOOLCHAIN_PATH.test(path)) ||
        TOOLCHAIN_PATH.test(edge.destination ?? ''),
    ),
  );
  if (copiedToolchain) return 'the image copies in a language toolchain';
  const nameParts = (finalStage.name ?? '').toLowerCase().split(/[-_.]+/);
  if (nameParts.some(part => BUILDING_STAGE_WORDS.has(part)))
    return `the final stage is named ${finalStage.name}`;
  const program = startProgram(chain);
  if (program && (BUILD_PROGRAMS.has(program) || BUILD_SCRIPT.test(program)))
    return `the image starts ${program}`;
  return undefined;
}

export const check: RuleCheck = context => ({
  file(model) {
    const shipped = shippedStages(model).filter(stage => stage.isAlpine);
    if (shipped.length === 0 || !model.finalStage) return;
    const runs = shipped.flatMap(stage => stage.runs);
    const deletedAnywhere = new Set(
      runs.flatMap(run => [...apkDeletedNames(run)]),
    );
    const leftovers: Array<{ at: ShellCommand; left: string[] }> = [];
    for (const stage of shipped) {
      for (const run of stage.runs) {
        const deletedHere = apkDeletedNames(run);
        for (const add of apkAdds(run)) {
          if (
            add.virtual &&
            (deletedHere.has(add.virtual.value) ||
              deletedAnywhere.has(add.virtual.value))
          )
            continue;
          // Package lists are expanded by the vocabulary ($PHPIZE_DEPS, $BUILD_DEPS).
          const left = add.packages
            .filter(pkg => !pkg.unresolved)
            .map(pkg => pkg.name)
            .filter(
              name =>
                isToolchain(name) &&
                !deletedHere.has(name) &&
                !deletedAnywhere.has(name),
            );
          if (left.length > 0) leftovers.push({ at: add.command, left });
        }
      }
    }
    // Headers and build tools without a compiler build nothing: `postgresql-dev` alone is no toolchain.
    if (!leftovers.some(({ left }) => left.some(isCompiler))) return;
    if (buildingPurpose(model.finalStage)) return;
    // No service of its own (no command, a shell, an idle loop, a dev server):
    // a base or a toolbox, whose toolchain may be the point.
    const base = startsNoServiceOfItsOwn(stageChain(model.finalStage));
    for (const { at, left } of leftovers) {
      context.report({
        at,
        messageId: base ? 'toolchainShipsInBase' : 'toolchainShips',
        severity: base ? 'info' : undefined,
        data: { packages: left.join(', ') },
      });
    }
  },
});
