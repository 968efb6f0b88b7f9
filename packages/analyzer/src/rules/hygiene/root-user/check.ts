import type { Stage } from '../../../model';
import type { RuleCheck } from '../../framework/types';
import { stageChain } from '../../vocabulary';

const ROOT = /^(root|0)(:.*)?$/;

/** Base images that already run as an unprivileged user. */
function baseRunsUnprivileged(stage: Stage): boolean {
  const root = stageChain(stage).pop()!;
  return (
    /nonroot/.test(root.image.tag ?? '') ||
    (root.image.registry === 'cgr.dev' && !/-dev$/.test(root.image.tag ?? ''))
  );
}

export const check: RuleCheck = context => ({
  file(model) {
    const stage = model.finalStage;
    // On a file that does not parse, a missing USER may just be swallowed (e.g. by an open heredoc).
    if (
      !stage ||
      stage.distro === 'scratch' ||
      model.syntax.problems.length > 0
    )
      return;
    const users = stageChain(stage).flatMap(s =>
      s.instructions.filter(i => i.keyword === 'USER' && !i.onbuild),
    );
    const lastUser = users.reduce<(typeof users)[number] | undefined>(
      (last, user) => (!last || user.start > last.start ? user : last),
      undefined,
    );
    if (lastUser) {
      const name = lastUser.args.map(arg => arg.value).join(' ');
      if (ROOT.test(name)) {
        context.report({
          at: lastUser,
          message: `the last USER of the final stage is ${name}: the container runs as root`,
        });
      }
      return;
    }
    if (baseRunsUnprivileged(stage)) return;
    context.report({
      at: stage.from,
      message: 'the final stage sets no USER: the container runs as root',
    });
  },
});
