import { messageIssues } from '../rules/framework/messages';
import type { Problem, Rule, RuleContext } from '../rules/framework/types';

/**
 * The rule with every problem it reports checked by `messageIssues` (a
 * literal message, an unknown messageId, an unfilled placeholder) into
 * `issues`. A bad messageId makes the engine drop the finding (a rule bug
 * costs that finding, not the report), so the check happens at `report`,
 * before the engine sees the problem.
 */
export function auditMessages(rule: Rule, issues: string[]): Rule {
  return {
    meta: rule.meta,
    check: context => {
      // The engine's context with only `report` replaced, whatever its shape.
      const audited: RuleContext = Object.create(context, {
        report: {
          value: (problem: Problem) => {
            issues.push(...messageIssues(rule.meta, problem));
            context.report(problem);
          },
        },
      });
      return rule.check(audited);
    },
  };
}
