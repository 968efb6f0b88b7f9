import type { RuleCheck } from '../../framework/types';
import { stageChain } from '../../vocabulary';
import { pipInstallCommands } from '../pythonInstalls';

const PYTHON_IMAGES = /^(python|pypy)$/;

export const check: RuleCheck = context => ({
  FROM(from, stage) {
    if (from.onbuild || stage.parent || !PYTHON_IMAGES.test(stage.image.name))
      return;
    // The advice is about installing packages: stages that only run scripts are fine.
    const installs = context.model.stages
      .filter(candidate => stageChain(candidate).includes(stage))
      .some(candidate =>
        candidate.runs.some(
          run =>
            pipInstallCommands(run).length > 0 ||
            run.script.commands.some(
              c =>
                /^(poetry|pipenv)$/.test(c.name) ||
                (c.name === 'uv' && c.args[0]?.value === 'sync'),
            ),
        ),
      );
    if (!installs) return;
    context.report({
      at: from.imageToken ?? from,
      messageId: 'pythonOnMusl',
      data: { image: stage.image.text },
    });
  },
});
