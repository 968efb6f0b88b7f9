import type { RunInstruction } from '../../../parse';
import type { RuleCheck, RuleFix } from '../../framework/types';
import {
  apkAdds,
  apkCommands,
  apkDeletedNames,
  appendCommand,
  imageStages,
  laterApkDelete,
  packagesOf,
  removeInstruction,
  virtualGroupPurpose,
} from '../../vocabulary';

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    // In a builder stage that later stages only copy from, the packages never ship.
    if (!imageStages(context.model).has(stage)) return;
    for (const add of apkAdds(run)) {
      if (!add.virtual || !add.virtual.literal) continue;
      const group = add.virtual.value;
      if (apkDeletedNames(run).has(group)) continue;
      const laterRun = laterApkDelete(stage, run, group);
      if (laterRun) {
        context.report({
          at: add.virtual,
          messageId: 'deletedLater',
          data: { group, line: laterRun.line },
          fix: moveDelete(run, laterRun, group, context.text),
        });
      } else {
        const purpose = virtualGroupPurpose(group);
        // `.python-rundeps`, `.otp-run-deps`: a group named for run time is meant to ship.
        if (purpose === 'runtime') continue;
        context.report({
          at: add.virtual,
          messageId: purpose === 'build' ? 'buildGroupKept' : 'groupKept',
          data: { group },
        });
      }
    }
  },
});

/** Moves `apk del GROUP` into the adding RUN, when the later RUN does nothing else. */
function moveDelete(
  run: RunInstruction,
  laterRun: RunInstruction,
  group: string,
  text: string,
): RuleFix | undefined {
  if (run.form !== 'shell' || laterRun.form === 'heredoc') return undefined;
  const deletesOnlyGroup =
    laterRun.script.commands.length === 1 &&
    apkCommands(laterRun, 'del').length === 1 &&
    packagesOf(laterRun.script.commands[0]).every(pkg => pkg.name === group);
  if (!deletesOnlyGroup) return undefined;
  const command = text.slice(
    laterRun.script.commands[0].start,
    laterRun.script.commands[0].end,
  );
  return {
    description: `Move "apk del ${group}" into the RUN that adds it`,
    edits: [
      appendCommand(run, text, command),
      removeInstruction(laterRun, text),
    ],
  };
}
