import type { CopyEdge, Stage } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import { classifyDownload } from '../../../knowledge';
import {
  pathsOverlap,
  resolvePath,
  urlArguments,
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

export const check: RuleCheck = context => ({
  stage(stage) {
    for (const edge of glibcCopiesInto(stage)) {
      const natives = nativeFilesOf(edge, stage);
      if (natives.length === 0) continue;
      const shown = natives
        .slice(0, 3)
        .map(path => `\`${path}\``)
        .join(', ');
      context.report({
        at: edge.instruction,
        message: `${shown}${
          natives.length > 3 ? ' …' : ''
        } copied from glibc ${describeSource(
          edge,
        )} into this Alpine stage: a dynamically linked glibc binary or library fails here ("not found": no ld-linux loader, no libc.so.6)`,
      });
    }
  },
});

/** The copied paths that hold native glibc code, as far as the Dockerfile tells. */
function nativeFilesOf(edge: CopyEdge, into: Stage): string[] {
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
  const destination = edge.destination
    ? resolvePath(edge.destination, workdirAt(into, edge.instruction.line))
    : '';
  return sourcePaths(edge).filter(path => {
    if (
      isExplainedByRuntimeRule(path) ||
      isNonNativeFile(path) ||
      isPortableFileOfImage(edge, path)
    )
      return false;
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (base && portableDownloads.some(url => url.includes(base))) return false;
    const compiled = outputs.filter(output => pathsOverlap(output.path, path));
    if (compiled.length > 0) return compiled.some(output => !output.isStatic);
    return (
      isNativeLocation(path) ||
      prefixes.some(prefix => pathsOverlap(prefix, path)) ||
      BIN_DIRECTORY.test(destination)
    );
  });
}

/** URLs the source stage downloaded that are named musl or static builds. */
function muslOrStaticDownloads(stage: Stage): string[] {
  return commandsInChain(stage, () => true)
    .flatMap(({ run }) => urlArguments(run))
    .map(word => word.value)
    .filter(
      url => /musl|static/i.test(url) && classifyDownload(url) === undefined,
    );
}
