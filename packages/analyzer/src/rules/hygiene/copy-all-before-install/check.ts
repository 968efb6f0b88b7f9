import type { CopyInstruction } from '../../../parse';
import type { RuleCheck } from '../../framework/types';
import { dependencyInstalls } from '../../vocabulary';
import type { DependencyInstall } from '../../vocabulary';

const WHOLE_CONTEXT = /^(\.|\.\/|\.\/\*|\*)$/;

export const check: RuleCheck = context => ({
  stage(stage) {
    let copyAll: CopyInstruction | undefined;
    const installedBefore = new Set<string>();
    for (const instruction of stage.instructions) {
      if (instruction.onbuild) continue;
      if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && !instruction.from) {
        if (!copyAll && instruction.sources.some(source => WHOLE_CONTEXT.test(source.value))) copyAll = instruction;
      } else if (instruction.keyword === 'RUN') {
        for (const install of dependencyInstalls(instruction)) {
          if (copyAll && !installedBefore.has(install.tool)) {
            context.report({ at: copyAll, message: messageFor(copyAll, install) });
            return;
          }
          installedBefore.add(install.tool);
        }
      }
    }
  },
});

function messageFor(copy: CopyInstruction, install: DependencyInstall): string {
  const what = [install.command.name, install.command.args[0]?.value].filter(Boolean).join(' ');
  return `${copy.keyword} of the whole build context before \`${what}\` re-runs the install on every source change: copy ${install.manifests.join(', ')} first, install, then copy the rest`;
}
