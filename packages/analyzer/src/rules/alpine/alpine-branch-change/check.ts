import { BRANCH_CHANGES } from '../../../knowledge/branchChanges';
import { compareVersions } from '../../../model';
import type { Stage } from '../../../model';
import type { RuleCheck, RuleContext } from '../../framework/types';
import { sourceOf } from '../../framework/runRules';
import { apkAdds } from '../../vocabulary';
import { followsNewestBranch } from '../releaseTags';

/** The branch a stage runs on: named in its tag, or what a known floating tag resolves to now. */
function branchOf(
  stage: Stage,
  context: RuleContext,
): { version: string; floating: boolean } | undefined {
  let root = stage;
  while (root.parent) root = root.parent;
  if (root.alpineRelease)
    return { version: root.alpineRelease, floating: false };
  return followsNewestBranch(root)
    ? {
        version: context.knowledge.current(context.now).version,
        floating: true,
      }
    : undefined;
}

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (run.onbuild) return;
    const branch = branchOf(stage, context);
    if (!branch) return;
    const text = sourceOf(context.text, run);
    for (const change of BRANCH_CHANGES) {
      if (compareVersions(branch.version, change.since) < 0) continue;
      const on = branch.floating
        ? `${stage.image.text} resolves to Alpine ${branch.version} as of this knowledge`
        : `this stage is on Alpine ${branch.version}`;
      if (change.usage.test(text)) {
        context.report({
          at: run,
          severity: 'warning',
          messageId: 'failsHere',
          data: { what: change.what, on, instead: change.instead },
        });
        continue;
      }
      const install = apkAdds(run).find(add =>
        add.packages.some(pkg => pkg.name === change.apkPackage),
      );
      if (install) {
        context.report({
          at: install.command,
          messageId: 'failsAtRunTime',
          data: { what: change.what, on, instead: change.instead },
        });
      }
    }
  },
});
