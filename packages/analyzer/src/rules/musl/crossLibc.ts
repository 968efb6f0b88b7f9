/*
 * Shared vocabulary of the cross-stage musl rules: which COPY edges carry
 * files from a glibc world into a musl one (or back), what the copied
 * paths are, and which of them another musl rule explains better.
 */
import type { CopyEdge, Stage } from '../../model';
import { imagePath, stageLabel } from '../../model';
import type { RunInstruction } from '../../parse';
import type { ShellCommand } from '../../shell';
import { isJdkPath } from '../../knowledge';
import { globBase, resolvePath, stageChain } from '../vocabulary';

/** A command of a RUN in some stage: what cross-stage rules collect from source stages. */
export interface StageCommand {
  stage: Stage;
  run: RunInstruction;
  command: ShellCommand;
}

/** Commands of a stage and the stages it builds FROM (ONBUILD triggers excluded: they run elsewhere). */
export function commandsInChain(
  stage: Stage,
  matches: (command: ShellCommand) => boolean,
): StageCommand[] {
  const found: StageCommand[] = [];
  for (const current of stageChain(stage)) {
    for (const run of current.runs) {
      for (const command of run.script.commands)
        if (matches(command)) found.push({ stage: current, run, command });
    }
  }
  return found;
}

/** `COPY --from` edges (not mounts) that bring glibc-built files into a musl stage. */
export function glibcCopiesInto(stage: Stage): CopyEdge[] {
  return stage.libc === 'musl'
    ? stage.copyEdges.filter(
        edge => edge.kind === 'copy' && edge.source.libc === 'glibc',
      )
    : [];
}

/** `COPY --from` edges crossing from glibc to musl or from musl to glibc. */
export function libcCrossingCopies(stage: Stage): CopyEdge[] {
  return stage.copyEdges.filter(
    edge => edge.kind === 'copy' && edge.crossesLibc,
  );
}

/** The stages of the source of an edge (the stage and its parents), empty for an external image. */
export function sourceChain(edge: CopyEdge): Stage[] {
  return edge.source.stage ? stageChain(edge.source.stage) : [];
}

/** Source paths of a COPY --from, absolute: they are relative to the source's root, globs cut off. */
export function sourcePaths(edge: CopyEdge): string[] {
  return edge.paths.map(path => resolvePath(globBase(path), '/'));
}

/** `stage build (golang:1.22, debian)` or `image python:3.12 (debian)`, for messages. */
export function describeSource(edge: CopyEdge): string {
  const { source } = edge;
  if (source.stage)
    return `stage \`${stageLabel(source.stage)}\` (${
      source.stage.image.text
    }, ${source.distro}/${source.libc})`;
  return `image \`${source.text}\` (${source.distro}/${source.libc})`;
}

/** `Alpine` or `musl`, and the other side, for messages about a crossing edge. */
export function crossingDirection(edge: CopyEdge): string {
  return edge.source.libc === 'glibc'
    ? 'from glibc into musl (Alpine)'
    : 'from musl (Alpine) into glibc';
}

const NODE_MODULES = /(^|\/)node_modules(\/|$)/;
const PRISMA_CLIENT = /(^|\/)node_modules\/(\.prisma|@prisma)(\/|$)/;
const PYTHON_LOCATIONS =
  /(^|\/)(site-packages|dist-packages|\.?venv|virtualenv|wheels?|wheelhouse)(\/|$)|^\/usr(\/local)?\/lib\/python\d|^\/root\/\.local(\/|$)/;

export function isNodeModulesPath(path: string): boolean {
  return NODE_MODULES.test(path);
}

export function isPrismaClientPath(path: string): boolean {
  return PRISMA_CLIENT.test(path);
}

export function isPythonPackagesPath(path: string): boolean {
  return PYTHON_LOCATIONS.test(path);
}

/** Paths the node_modules, Python, JDK and Prisma rules report: the binary rule leaves them to them. */
export function isExplainedByRuntimeRule(path: string): boolean {
  return (
    isNodeModulesPath(path) || isPythonPackagesPath(path) || isJdkPath(path)
  );
}

const NATIVE_LOCATION =
  /(^|\/)(s?bin|lib|lib64|libexec)(\/|$)|\.so(\.\d+)*$|(^|\/)target\/([\w.-]+\/)?(release|debug)(\/|$)/;

/** Paths where native code lives: bin and lib directories, shared objects, Cargo's release/debug output. */
export function isNativeLocation(path: string): boolean {
  return NATIVE_LOCATION.test(path);
}

/** Directories of data rather than programs, by the names projects give them. */
const DATA_DIRECTORY =
  /(^|\/)(configs?|conf|static|templates?|assets|public|web|www|html|views|migrations?|docs?|data|i18n|locales?|translations|fixtures|schemas?|certs?|keys)$/i;

/** A file name that can be an executable: no data extension, not a data directory's name. */
export function couldBeExecutable(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return (
    !isNonNativeFile(path) &&
    !DATA_DIRECTORY.test(path) &&
    !/\.[A-Za-z0-9]{1,5}$/.test(base)
  );
}

const NOT_EXECUTABLE =
  /\.(sh|bash|py|pyc|rb|pl|php|phar|js|mjs|cjs|ts|map|json|ya?ml|toml|ini|conf|cfg|txt|md|html?|css|svg|png|jpe?g|gif|ico|woff2?|ttf|jar|war|ear|class|properties|xml|csv|sql|pem|crt|key|tar|tgz|gz|zip|xz|whl|lock|env|dll|pdb)$/i;

/** Files that are data, scripts or bytecode: the loader never maps them. */
export function isNonNativeFile(path: string): boolean {
  return NOT_EXECUTABLE.test(path);
}

/**
 * Files of external images that run anywhere although the image is glibc:
 * statically linked tools and non-ELF files. Keyed by image path.
 */
const PORTABLE_IMAGE_FILES: Array<{ image: RegExp; path: RegExp }> = [
  // The Go toolchain's own binaries are statically linked.
  { image: /(^|\/)golang$/, path: /^\/usr\/local\/go(\/|$)/ },
  // BusyBox images ship a static busybox in every variant.
  { image: /(^|\/)busybox$/, path: /^\/bin(\/|$)/ },
];

export function isPortableFileOfImage(edge: CopyEdge, path: string): boolean {
  const image = edge.source.image;
  if (!image) return false;
  const key = imagePath(image);
  return PORTABLE_IMAGE_FILES.some(
    entry => entry.image.test(key) && entry.path.test(path),
  );
}
