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
    messageId: 'shellForm',
    data: { keyword: instruction.keyword },
  });
}

export const check: RuleCheck = context => ({
  CMD: (cmd, stage) => reportShellForm(context, cmd, stage),
  ENTRYPOINT: (entrypoint, stage) =>
    reportShellForm(context, entrypoint, stage),
});
