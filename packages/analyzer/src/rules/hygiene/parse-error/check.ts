import type { RuleCheck } from '../../framework/types';

export const check: RuleCheck = context => ({
  file(model) {
    for (const problem of model.syntax.problems) {
      context.report({ at: problem, message: problem.message });
    }
  },
});
