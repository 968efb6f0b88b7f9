import type { CopyEdge, Stage } from '../../../model';
import type { RunInstruction } from '../../../parse';
import type { Locatable, RuleCheck } from '../../framework/types';
import {
  buildImageOf,
  classifyDownload,
  isStaticallyLinkedTool,
} from '../../../knowledge';
import {
  globBase,
  pathContains,
  pathsOverlap,
  positionalArgs,
  resolvePath,
  downloadUrls,
  stageChain,
  workdirAt,
} from '../../vocabulary';
import {
  cargoBuilds,
  compilerOutputs,
  goBuilds,
  installPrefixes,
  jlinkOutputs,
} from '../builders';
import {
  commandsInChain,
  describeSource,
  glibcCopiesInto,
  isExplainedByRuntimeRule,
  isNativeLocation,
  isNonNativeFile,
  isPortableFileOfImage,
  sourceChain,
  sourcePaths,
} from '../crossLibc';

const BIN_DIRECTORY = /^\/(usr\/(local\/)?)?s?bin(\/|$)/;

export const check: RuleCheck = context => {
  const report = (
    edge: CopyEdge,
    at: Locatable,
    natives: string[],
    verb: string,
  ) => {
    const shown = natives
      .slice(0, 3)
      .map(path => `\`${path}\``)
      .join(', ');
    const files = natives.length > 3 ? `${shown} …` : shown;
    const opaqueGo = builtOpaquelyWithGo(edge);
    // Its ENV turns cgo off for every build in it, scripted or not (syncthing's `go run build.go`).
    if (opaqueGo && sourceChain(edge)[0].env('CGO_ENABLED') === '0') return;
    context.report({
      at,
      // A Go stage that builds through `make` or a script: Go binaries are static when cgo is off,
      // which the Dockerfile does not show. Every such build in the precision corpus was static
      // (Loki's, Woodpecker's and ntfy's Makefiles), so it is a check to make, not a warning.
      severity: opaqueGo ? 'info' : undefined,
      messageId: opaqueGo ? 'opaqueGoBuild' : 'glibcBinary',
      data: {
        files,
        verb,
        source: describeSource(edge),
        build: opaqueGo ?? '',
      },
    });
  };
  return {
    stage(stage) {
      for (const edge of glibcCopiesInto(stage)) {
        const destination = edge.destination
          ? resolvePath(
              edge.destination,
              workdirAt(stage, edge.instruction.line),
            )
          : '';
        const natives = nativeFilesOf(edge, sourcePaths(edge), destination);
        if (natives.length > 0)
          report(edge, edge.instruction, natives, 'copied');
      }
      if (stage.libc !== 'musl') return;
      for (const edge of stage.copyEdges) {
        if (edge.kind !== 'mount' || edge.source.libc !== 'glibc') continue;
        const natives = transfersOutOf(edge, stage).flatMap(transfer =>
          nativeFilesOf(edge, [transfer.source], transfer.destination),
        );
        if (natives.length > 0)
          report(
            edge,
            edge.instruction,
            natives,
            'installed from a bind mount',
          );
      }
    },
  };
};

/** A file a RUN copies out of a `--mount=from=` into the image: its path in the source, and where it goes. */
interface Transfer {
  source: string;
  destination: string;
}

const COPYING_COMMANDS = new Set(['cp', 'install', 'mv', 'rsync']);
const COPY_OPTIONS_WITH_VALUE = [
  '-m',
  '--mode',
  '-o',
  '--owner',
  '-g',
  '--group',
  '-t',
  '--target-directory',
  '-S',
  '--suffix',
];

/** `cp`/`install`/`mv`/`rsync` of files under the mount target, mapped back to the source stage's paths. */
function transfersOutOf(edge: CopyEdge, stage: Stage): Transfer[] {
  const run = edge.instruction as RunInstruction;
  const workdir = workdirAt(stage, run.line);
  const target = resolvePath(edge.destination ?? '/', workdir);
  const source = resolvePath(edge.paths[0] ?? '/');
  const transfers: Transfer[] = [];
  for (const command of run.script.commands) {
    if (!COPYING_COMMANDS.has(command.name)) continue;
    const operands = positionalArgs(command, COPY_OPTIONS_WITH_VALUE);
    if (operands.length < 2) continue;
    const destination = resolvePath(
      operands[operands.length - 1].value,
      workdir,
    );
    for (const operand of operands.slice(0, -1)) {
      const path = resolvePath(globBase(operand.value), workdir);
      if (!pathContains(target, path)) continue;
      transfers.push({
        source: resolvePath(`${source}/${path.slice(target.length)}`),
        destination,
      });
    }
  }
  return transfers;
}

/** The copied paths that hold native glibc code, as far as the Dockerfile tells. */
function nativeFilesOf(
  edge: CopyEdge,
  paths: string[],
  destination: string,
): string[] {
  const chain = sourceChain(edge);
  // Go, Rust, .NET and jlink builders have their own rules with a precise diagnosis.
  if (
    chain.length > 0 &&
    (goBuilds(chain[0]).length > 0 ||
      cargoBuilds(chain[0]).length > 0 ||
      jlinkOutputs(chain[0]).length > 0)
  ) {
    return [];
  }
  if (
    chain.length > 0 &&
    commandsInChain(chain[0], c => c.name === 'dotnet').length > 0
  )
    return [];
  const outputs = chain.length > 0 ? compilerOutputs(chain[0]) : [];
  const prefixes = chain.length > 0 ? installPrefixes(chain[0]) : [];
  const portableDownloads =
    chain.length > 0 ? muslOrStaticDownloads(chain[0]) : [];
  return paths.filter(path => {
    if (
      isExplainedByRuntimeRule(path) ||
      isNonNativeFile(path) ||
      isPortableFileOfImage(edge, path)
    )
      return false;
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (base && portableDownloads.some(url => url.includes(base))) return false;
    // kubectl, helm and friends are static Go binaries whatever image they come from.
    if (isStaticallyLinkedTool(base)) return false;
    const compiled = outputs.filter(output => pathsOverlap(output.path, path));
    if (compiled.length > 0) return compiled.some(output => !output.isStatic);
    return (
      isNativeLocation(path) ||
      prefixes.some(prefix => pathsOverlap(prefix, path)) ||
      BIN_DIRECTORY.test(destination)
    );
  });
}

/**
 * When the source stage is a Go toolchain image (`golang`) whose build is
 * not visible as `go build` (it runs `make` or a script), the command that
 * builds; undefined otherwise.
 */
function builtOpaquelyWithGo(edge: CopyEdge): string | undefined {
  const chain = sourceChain(edge);
  if (chain.length === 0) return undefined;
  const base = chain[chain.length - 1].image;
  if (buildImageOf(base.repository, base.tag)?.repository !== 'golang')
    return undefined;
  const builder = commandsInChain(chain[0], command =>
    /^(make|gmake|mage|task|just)$|\.sh$/.test(command.name),
  )[0];
  return builder ? `\`${builder.command.name}\`` : 'no build command seen';
}

/** URLs the source stage downloaded that are named musl or static builds. */
function muslOrStaticDownloads(stage: Stage): string[] {
  return stageChain(stage)
    .flatMap(current => current.runs.flatMap(run => downloadUrls(current, run)))
    .map(({ url }) => url)
    .filter(
      url => /musl|static/i.test(url) && classifyDownload(url) === undefined,
    );
}
