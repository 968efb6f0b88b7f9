import {
  NODE_PACKAGES_WITH_NATIVE_CODE,
  splitPackageSpec,
} from '../../../knowledge';
import type { RuleCheck } from '../../framework/types';
import { flagValue, pathContains, variableForCommand } from '../../vocabulary';
import type { Libc } from '../../../types';
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
import type { NodeInstall } from '../nodeInstalls';
import { installsCompiler } from '../toolchain';

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
      // `npm install --libc=musl …` in the source stage is the documented cross-install.
      if (installs.some(install => installsForLibc(install, stage.libc)))
        continue;
      const natives = installs
        .flatMap(install =>
          install.packages.map(word => splitPackageSpec(word.value).name),
        )
        .filter(name => NODE_PACKAGES_WITH_NATIVE_CODE.has(name));
      if (chain.length > 0 && commandsInChain(chain[0], runsPrisma).length > 0)
        natives.push('Prisma engines');
      if (chain.length > 0 && installsCompiler(chain[0]))
        natives.push(
          'addons compiled by node-gyp with the toolchain installed there',
        );
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

/** An install that picks the platform packages of the given libc (`--libc=musl`, `npm_config_libc=musl`). */
function installsForLibc(install: NodeInstall, libc: Libc): boolean {
  const wanted = libc === 'musl' ? /^musl$/ : /^(glibc|gnu)$/;
  const flag = flagValue(install.command, '--libc')?.value;
  const configured = variableForCommand(
    install.stage,
    install.run,
    install.command,
    'npm_config_libc',
  );
  return wanted.test(flag ?? configured ?? '');
}
