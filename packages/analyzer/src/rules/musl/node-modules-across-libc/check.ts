import {
  NODE_PACKAGES_WITH_NATIVE_CODE,
  splitPackageSpec,
} from '../../../knowledge';
import type { RuleCheck } from '../../framework/types';
import { pathContains } from '../../vocabulary';
import {
  commandsInChain,
  crossingDirection,
  describeSource,
  isNodeModulesPath,
  isPrismaClientPath,
  libcCrossingCopies,
  sourceChain,
  sourcePaths,
} from '../crossLibc';
import { nodeInstalls, runsPrisma } from '../nodeInstalls';

export const check: RuleCheck = context => ({
  stage(stage) {
    for (const edge of libcCrossingCopies(stage)) {
      const chain = sourceChain(edge);
      const installs = chain.length > 0 ? nodeInstalls(chain[0]) : [];
      const carried = sourcePaths(edge).filter(
        path =>
          // The Prisma rule explains copies of the generated client.
          (isNodeModulesPath(path) && !isPrismaClientPath(path)) ||
          installs.some(install => pathContains(path, install.directory)),
      );
      if (carried.length === 0) continue;
      const natives = installs
        .flatMap(install =>
          install.packages.map(word => splitPackageSpec(word.value).name),
        )
        .filter(name => NODE_PACKAGES_WITH_NATIVE_CODE.has(name));
      if (chain.length > 0 && commandsInChain(chain[0], runsPrisma).length > 0)
        natives.push('Prisma engines');
      context.report({
        at: edge.instruction,
        severity: natives.length > 0 ? 'error' : undefined,
        message: `node_modules (\`${carried[0]}\`) copied ${crossingDirection(
          edge,
        )} from ${describeSource(
          edge,
        )}: native addons are built for the source libc and fail to load here${
          natives.length > 0
            ? ` (${[...new Set(natives)].join(', ')})`
            : '; run npm ci in a stage with the runtime libc'
        }`,
      });
    }
  },
});
