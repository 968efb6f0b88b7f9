import type { RuleCheck } from '../../framework/types';
import { commandsNamed } from '../../vocabulary';

const POSIX_SHELLS = /(^|\/)(sh|ash|bash|dash|zsh|ksh|mksh)$/;

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (run.form === 'exec' || !run.script.hasPipeline) return;
    const shell = stage.shellAt(run.line);
    if (!POSIX_SHELLS.test(shell[0] ?? '')) return;
    if (
      shell.some(
        (arg, index) =>
          arg === 'pipefail' && /^-[a-z]*o$/.test(shell[index - 1] ?? ''),
      )
    )
      return;
    const setsPipefail = commandsNamed(run, 'set').some(set =>
      set.args.some(arg => arg.value === 'pipefail'),
    );
    if (setsPipefail) return;
    const pipe = run.script.commands.find(command => command.inPipeline)!;
    const advice = stage.isAlpine
      ? 'SHELL ["/bin/ash", "-eo", "pipefail", "-c"]'
      : 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]';
    context.report({
      at: pipe,
      message: `a failure before the last command of this pipe is ignored: start the RUN with \`set -o pipefail &&\` or use ${advice}`,
    });
  },
});
