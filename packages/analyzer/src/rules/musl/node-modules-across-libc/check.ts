import {
  NODE_PACKAGES_WITH_NATIVE_CODE,
  splitPackageSpec,
} from '../../../knowledge';
import { nativePackages } from '../../../facts';
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
      // The lockfile the source stage installed from says what is really there.
      const lock =
        context.facts.available &&
        installs.length > 0 &&
        installs.every(install => install.packages.length === 0)
          ? context.facts.nodeLock()
          : undefined;
      if (lock) {
        const locked = nativePackages(lock, NODE_PACKAGES_WITH_NATIVE_CODE);
        if (locked.length > 0 || lock.recordsInstallScripts) {
          context.report({
            at: edge.instruction,
            severity: locked.length > 0 ? 'error' : 'info',
            messageId: locked.length > 0 ? 'confirmedNatives' : 'refutedPure',
            evidence:
              locked.length > 0
                ? {
                    source: lock.file,
                    verdict: 'confirmed',
                    detail: `locks native code: ${summarize(locked)}`,
                  }
                : {
                    source: lock.file,
                    verdict: 'refuted',
                    detail:
                      'locks no native addon, install script or platform package',
                  },
            data: {
              path: carried[0],
              direction: crossingDirection(edge),
              source: describeSource(edge),
              lockfile: lock.file,
              natives: summarize(locked),
            },
          });
          continue;
        }
      }
      context.report({
        at: edge.instruction,
        severity: natives.length > 0 ? 'error' : undefined,
        messageId: natives.length > 0 ? 'nativeAddons' : 'mayHaveAddons',
        data: {
          path: carried[0],
          direction: crossingDirection(edge),
          source: describeSource(edge),
          natives: [...new Set(natives)].join(', '),
        },
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

function summarize(items: string[]): string {
  return items.length > 4
    ? `${items.slice(0, 4).join(', ')} and ${items.length - 4} more`
    : items.join(', ');
}
