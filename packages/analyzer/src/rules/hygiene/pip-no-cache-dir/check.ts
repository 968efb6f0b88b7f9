import type { ShellCommand } from '../../../shell';
import type { RuleCheck } from '../../framework/types';
import {
  insertArgument,
  isPipCommandName,
  pipSubcommand,
  positionalArgs,
  pipInstalls,
  shippedStages,
  variableForCommand,
} from '../../vocabulary';

const NO_CACHE_DIR = /^--no-cache(-(d(ir?)?)?)?$/;

/** pip's cache folder or a folder holding it: `/root/.cache/pip`, `~/.cache`, `$HOME/.cache/pip/*`. */
const PIP_CACHE = /(^|\/)\.cache(\/pip)?(\/\*?)?$/;

/** `rm -rf /root/.cache/pip` or `pip cache purge` after the install, in the same RUN. */
function cacheRemovedAfter(
  commands: readonly ShellCommand[],
  pip: ShellCommand,
): boolean {
  return commands.some(
    command =>
      command.start > pip.start &&
      ((command.name === 'rm' &&
        command.args.some(arg => PIP_CACHE.test(arg.value))) ||
        (isPipCommandName(command.name) &&
          pipSubcommand(command) === 'cache' &&
          /^(purge|remove)$/.test(positionalArgs(command)[1]?.value ?? ''))),
  );
}

export const check: RuleCheck = context => {
  // Only layers that ship matter: a builder stage's cache is left behind with the stage.
  const shipped = new Set(shippedStages(context.model));
  return {
    RUN(run, stage) {
      if (!shipped.has(stage) && !run.onbuild) return;
      if (
        run.mounts.some(
          mount =>
            (mount.type === 'cache' || mount.type === 'tmpfs') &&
            /\.cache(\/pip)?\/?$/.test(mount.target ?? ''),
        )
      )
        return;
      for (const pip of pipInstalls(run)) {
        // pip (optparse) takes any unambiguous prefix of a long option: `--no-cache` is `--no-cache-dir`.
        if (pip.args.some(arg => NO_CACHE_DIR.test(arg.value))) continue;
        // ENV/ARG, `export` earlier in the RUN or a prefix assignment. pip turns
        // its cache off for any boolean value, "0" and "false" included (see docs.md).
        if (variableForCommand(stage, run, pip, 'PIP_NO_CACHE_DIR')) continue;
        if (cacheRemovedAfter(run.script.commands, pip)) continue;
        const install = pip.args.find(arg => arg.value === 'install')!;
        const tool = isPipCommandName(pip.name)
          ? pip.name
          : `${pip.name} -m pip`;
        context.report({
          at: pip,
          messageId: 'noCacheDir',
          data: { tool },
          fix: {
            description: 'Add --no-cache-dir to pip install',
            edits: [insertArgument(run, install, '--no-cache-dir')],
          },
        });
      }
    },
  };
};
