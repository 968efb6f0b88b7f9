import type { RuleCheck, RuleFix } from '../../framework/types';
import { insertAfter, pathContains, pathsOverlap } from '../../vocabulary';
import {
  cgoSetting,
  goBuildIsLibcFree,
  goBuildOutput,
  goBuilds,
} from '../builders';
import type { GoOutput } from '../builders';
import type { StageCommand } from '../crossLibc';
import {
  couldBeExecutable,
  describeSource,
  glibcCopiesInto,
  isExplainedByRuntimeRule,
  isNativeLocation,
  isNonNativeFile,
  sourceChain,
  sourcePaths,
} from '../crossLibc';

const GO_TOOLCHAIN = /^\/usr\/local\/go(\/|$)/;

export const check: RuleCheck = context => ({
  stage(stage) {
    for (const edge of glibcCopiesInto(stage)) {
      const chain = sourceChain(edge);
      if (chain.length === 0) continue;
      const cgoBuilds = goBuilds(chain[0]).filter(
        build => !goBuildIsLibcFree(build),
      );
      const outputs = cgoBuilds.map(goBuildOutput);
      const binaries = sourcePaths(edge).filter(
        path =>
          !isNonNativeFile(path) &&
          !isExplainedByRuntimeRule(path) &&
          !GO_TOOLCHAIN.test(path) &&
          (isNativeLocation(path) ||
            outputs.some(output => carriesOutput(path, output))),
      );
      if (cgoBuilds.length === 0 || binaries.length === 0) continue;
      const explicitlyOn = cgoBuilds.some(build => cgoSetting(build) === '1');
      const first = cgoBuilds[0];
      context.report({
        at: edge.instruction,
        messageId: explicitlyOn ? 'cgoEnabled' : 'cgoByDefault',
        data: {
          subcommand: first.command.args[0]?.value ?? 'build',
          line: first.run.line,
          source: describeSource(edge),
        },

        fix: explicitlyOn ? undefined : disableCgo(cgoBuilds),
      });
    }
  },
});

/** True when a copied path is, holds or may be the Go binary. */
function carriesOutput(path: string, output: GoOutput): boolean {
  if (output.exact) return pathsOverlap(output.path, path);
  // Only the directory is known: the whole directory, or an executable-looking file in it.
  return (
    pathContains(path, output.path) ||
    (pathContains(output.path, path) && couldBeExecutable(path))
  );
}

/**
 * `ENV CGO_ENABLED=0` right after the FROM of the outermost stage that
 * builds, so every build below inherits it. Several COPY lines from one
 * builder get the same edit; applying fixes keeps one of identical insertions.
 */
function disableCgo(builds: StageCommand[]): RuleFix {
  const outermost = builds[builds.length - 1].stage;
  return {
    description: `Add ENV CGO_ENABLED=0 to the Go build stage (line ${outermost.from.line})`,
    edits: [insertAfter(outermost.from, '\nENV CGO_ENABLED=0')],
  };
}
