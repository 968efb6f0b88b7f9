import type { RuleCheck } from '../../framework/types';
import { apkCommands, imageStages } from '../../vocabulary';

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    // Upgraded packages of a builder stage that is only copied from do not ship.
    if (!imageStages(context.model).has(stage)) return;
    for (const upgrade of apkCommands(run, 'upgrade')) {
      context.report({
        at: upgrade,
        messageId: 'upgrade',
      });
    }
  },
});
