import type { RuleCheck } from '../../framework/types';
import { apkCommands } from '../../vocabulary';

export const check: RuleCheck = context => ({
  RUN(run) {
    for (const upgrade of apkCommands(run, 'upgrade')) {
      context.report({
        at: upgrade,
        message:
          '`apk upgrade` makes the image depend on the build date: update the base image tag instead',
      });
    }
  },
});
