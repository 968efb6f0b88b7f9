import type { RunInstruction } from '../../../parse';
import type { ShellCommand } from '../../../shell';
import type { RuleCheck } from '../../framework/types';
import { commandsNamed, positionalArgs, shippedStages } from '../../vocabulary';

type Tool = 'npm' | 'yarn';

/** Where each tool keeps its cache: `~/.npm`, `/usr/local/share/.cache/yarn`, yarn berry's `~/.yarn/berry/cache`… */
const CACHE_DIR: Record<Tool, RegExp> = {
  npm: /(^|\/)(\.npm|npm-cache|\.npm-cache)(\/|$)/,
  yarn: /(^|\/)(\.cache(\/yarn)?|\.yarn|yarn-cache|\.yarn-cache)(\/|$)/,
};

function installs(tool: Tool, command: ShellCommand): boolean {
  const sub = positionalArgs(command)[0]?.value;
  return tool === 'npm'
    ? sub === 'ci' || sub === 'install' || sub === 'i'
    : sub === undefined || sub === 'install';
}

/** `npm cache clean --force`, `yarn cache clean`, or `rm -rf` of the cache folder. */
function cleans(tool: Tool, command: ShellCommand): boolean {
  if (command.name === tool) {
    const [first, second] = positionalArgs(command);
    return (
      first?.value === 'cache' && /^(clean|rm|purge)$/.test(second?.value ?? '')
    );
  }
  return (
    command.name === 'rm' &&
    command.args.some(arg => CACHE_DIR[tool].test(arg.value))
  );
}

/** A cache or tmpfs mount on the tool's cache folder keeps the cache out of the layer. */
function mountsCache(run: RunInstruction, tool: Tool): boolean {
  return run.mounts.some(
    mount =>
      (mount.type === 'cache' || mount.type === 'tmpfs') &&
      CACHE_DIR[tool].test(mount.target ?? ''),
  );
}

export const check: RuleCheck = context => {
  const shipped = new Set(shippedStages(context.model));
  return {
    RUN(run, stage) {
      if (!shipped.has(stage)) return;
      for (const tool of ['npm', 'yarn'] as const) {
        if (mountsCache(run, tool)) continue;
        const commands = run.script.commands;
        for (const install of commandsNamed(run, tool)) {
          if (!installs(tool, install)) continue;
          // Only a clean that runs after the install empties what it downloaded.
          if (commands.some(c => c.start > install.start && cleans(tool, c)))
            continue;
          context.report({
            at: install,
            messageId: tool === 'npm' ? 'npmCache' : 'yarnCache',
            data: { command: positionalArgs(install)[0]?.value ?? '' },
          });
        }
      }
    },
  };
};
