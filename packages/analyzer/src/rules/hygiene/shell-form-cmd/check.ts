import type { CommandInstruction } from '../../../parse';
import type { Stage } from '../../../model';
import type { RuleContext, RuleCheck } from '../../framework/types';

function reportShellForm(
  context: RuleContext,
  instruction: CommandInstruction,
  stage: Stage,
): void {
  if (
    !stage.isFinal ||
    instruction.onbuild ||
    instruction.form !== 'shell' ||
    instruction.argv.length === 0
  )
    return;
  context.report({
    at: instruction,
    message: `${instruction.keyword} in shell form runs under /bin/sh -c, which does not pass SIGTERM on: use the JSON exec form`,
  });
}

export const check: RuleCheck = context => ({
  CMD: (cmd, stage) => reportShellForm(context, cmd, stage),
  ENTRYPOINT: (entrypoint, stage) =>
    reportShellForm(context, entrypoint, stage),
});
