import type { RunInstruction } from '../../../parse';
import type { RuleCheck } from '../../framework/types';
import {
  APK_OPTIONS_WITH_VALUE,
  apkAdds,
  apkCommands,
  commandsNamed,
  hasFlag,
  insertArgument,
  positionalArgs,
} from '../../vocabulary';

const APK_CACHE = /^\/var\/cache\/apk(\/|\/\*)?$/;

export const check: RuleCheck = context => ({
  RUN(run) {
    if (cleansApkCache(run)) return;
    for (const add of apkAdds(run)) {
      if (add.noCache || hasFlag(add.command, '--no-network')) continue;
      const subcommandWord = positionalArgs(
        add.command,
        APK_OPTIONS_WITH_VALUE,
      )[0];
      context.report({
        at: add.command,
        message:
          '`apk add` without `--no-cache` leaves the package index in the layer',
        fix: {
          description: 'Add --no-cache to apk add',
          edits: [insertArgument(run, subcommandWord, '--no-cache')],
        },
      });
    }
  },
});

/** The cache is gone by the end of the RUN, or never lands in the layer. */
function cleansApkCache(run: RunInstruction): boolean {
  const mounted = run.mounts.some(
    mount =>
      (mount.type === 'cache' || mount.type === 'tmpfs') &&
      APK_CACHE.test(mount.target ?? ''),
  );
  const removed = commandsNamed(run, 'rm').some(rm =>
    rm.args.some(arg => APK_CACHE.test(arg.value)),
  );
  const cleaned = apkCommands(run, 'cache').some(cache =>
    /^(clean|purge)$/.test(positionalArgs(cache)[1]?.value ?? ''),
  );
  return mounted || removed || cleaned;
}
