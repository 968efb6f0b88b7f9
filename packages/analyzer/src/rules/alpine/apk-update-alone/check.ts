import type { Stage } from '../../../model';
import type { RunInstruction } from '../../../parse';
import type { OffsetEdit, RuleCheck, RuleFix } from '../../framework/types';
import {
  APK_OPTIONS_WITH_VALUE,
  apkCommands,
  apkSubcommand,
  hasFlag,
  insertArgument,
  nextApkAdd,
  positionalArgs,
  removeInstruction,
} from '../../vocabulary';

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    // `apk update --no-cache` fetches the index into memory only: nothing stays.
    const updates = apkCommands(run, 'update').filter(
      update => !hasFlag(update, '--no-cache'),
    );
    if (updates.length === 0) return;
    const installsHere = run.script.commands.some(
      command =>
        command.name === 'apk' &&
        ['add', 'upgrade', 'fix'].includes(apkSubcommand(command) ?? ''),
    );
    if (installsHere) return;
    context.report({
      at: updates[0],
      messageId: 'updateAlone',
      fix: foldIntoNextAdd(run, stage, context.text),
    });
  },
});

/** Deletes a RUN that only updates, and makes the next `apk add` fetch its own index. */
function foldIntoNextAdd(
  run: RunInstruction,
  stage: Stage,
  text: string,
): RuleFix | undefined {
  const onlyUpdates = run.script.commands.every(
    command =>
      (command.name === 'apk' && apkSubcommand(command) === 'update') ||
      command.name === 'set',
  );
  if (!onlyUpdates || run.form === 'heredoc') return undefined;
  const edits: OffsetEdit[] = [removeInstruction(run, text)];
  const nextAdd = nextApkAdd(stage, run);
  if (nextAdd && !nextAdd.noCache) {
    const addWord = positionalArgs(nextAdd.command, APK_OPTIONS_WITH_VALUE)[0];
    edits.push(insertArgument(nextAdd.run, addWord, '--no-cache'));
  }
  return {
    description:
      'Remove the apk update layer; apk add --no-cache fetches a fresh index',
    edits,
  };
}
