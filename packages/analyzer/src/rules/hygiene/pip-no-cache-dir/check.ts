import type { RuleCheck } from '../../framework/types';
import {
  hasFlag,
  insertArgument,
  pipInstalls,
  shippedStages,
} from '../../vocabulary';

export const check: RuleCheck = context => {
  // Only layers that ship matter: a builder stage's cache is left behind with the stage.
  const shipped = new Set(shippedStages(context.model));
  return {
    RUN(run, stage) {
      if (!shipped.has(stage) && !run.onbuild) return;
      if (stage.env('PIP_NO_CACHE_DIR', run.line) !== undefined) return;
      if (
        run.mounts.some(
          mount =>
            (mount.type === 'cache' || mount.type === 'tmpfs') &&
            /\.cache(\/pip)?\/?$/.test(mount.target ?? ''),
        )
      )
        return;
      for (const pip of pipInstalls(run)) {
        if (hasFlag(pip, '--no-cache-dir')) continue;
        const install = pip.args.find(arg => arg.value === 'install')!;
        context.report({
          at: pip,
          message:
            '`pip install` without `--no-cache-dir` leaves its download cache in the image',
          fix: {
            description: 'Add --no-cache-dir to pip install',
            edits: [insertArgument(run, install, '--no-cache-dir')],
          },
        });
      }
    },
  };
};
