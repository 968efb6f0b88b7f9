import type { RuleCheck } from '../../framework/types';
import { apkCommands, flagWord } from '../../vocabulary';

export const check: RuleCheck = context => ({
  RUN(run) {
    for (const command of apkCommands(run)) {
      const flag = flagWord(command, '--allow-untrusted');
      if (flag) {
        context.report({
          at: flag,
          messageId: 'allowUntrusted',
        });
      }
    }
  },
});
