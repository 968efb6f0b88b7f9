import type { RuleCheck } from '../../framework/types';
import { cargoBuildIsMuslOrStatic, cargoBuilds } from '../builders';
import {
  describeSource,
  glibcCopiesInto,
  isExplainedByRuntimeRule,
  isNonNativeFile,
  sourceChain,
  sourcePaths,
} from '../crossLibc';

const GNU_TARGET_DIRECTORY = /(^|\/)[\w]+-unknown-linux-gnu[\w]*(\/|$)/;

export const check: RuleCheck = context => ({
  stage(stage) {
    for (const edge of glibcCopiesInto(stage)) {
      const binaries = sourcePaths(edge).filter(
        path => !isNonNativeFile(path) && !isExplainedByRuntimeRule(path),
      );
      if (binaries.length === 0) continue;
      const gnuPath = binaries.find(path => GNU_TARGET_DIRECTORY.test(path));
      const chain = sourceChain(edge);
      const gnuBuild =
        chain.length > 0
          ? cargoBuilds(chain[0]).find(
              build => !cargoBuildIsMuslOrStatic(build),
            )
          : undefined;
      if (!gnuPath && !gnuBuild) continue;
      const what = gnuPath
        ? `\`${gnuPath}\` is a gnu-target build`
        : `\`cargo ${gnuBuild!.command.args[0]?.value}\` (line ${
            gnuBuild!.run.line
          }) builds for the default *-unknown-linux-gnu target`;
      context.report({
        at: edge.instruction,
        messageId: 'gnuTarget',
        data: { what, source: describeSource(edge) },
      });
    }
  },
});
