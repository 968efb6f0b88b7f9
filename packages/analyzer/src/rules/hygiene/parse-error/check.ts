import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  file(model) {
    for (const problem of model.syntax.problems) {
      // The parser words its problems (parse/); the rule passes them on.
      context.report({
        at: problem,
        messageId: 'syntax',
        data: { problem: problem.message },
      });
    }
  },
});
