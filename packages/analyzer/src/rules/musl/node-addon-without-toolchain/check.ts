import { addonWithoutMuslPrebuild } from '../../../knowledge';
import type { ShellCommand } from '../../../shell';
import type { RuleCheck } from '../../framework/types';
import {
  hasFlag,
  mentions,
  positionalArgs,
  variableForCommand,
} from '../../vocabulary';
import { isNodeInstall, toNodeInstall } from '../nodeInstalls';
import { missingBuildPackages } from '../toolchain';

const NODE_GYP_TOOLCHAIN = ['python3', 'make', 'g++'];

/** `npm rebuild x --build-from-source` or `npm_config_build_from_source=true`: an explicit source build. */
function buildsFromSource(
  command: ShellCommand,
  fromEnvironment: string | undefined,
): boolean {
  return hasFlag(command, '--build-from-source') || fromEnvironment === 'true';
}

export const check: RuleCheck = context => ({
  RUN(run, stage) {
    if (!mentions(context.text, run, /npm|yarn|pnpm/)) return;
    for (const command of run.script.commands) {
      const fromEnvironment = variableForCommand(
        stage,
        run,
        command,
        'npm_config_build_from_source',
      );
      const needs = new Map<string, string[]>();
      if (isNodeInstall(command)) {
        const install = toNodeInstall({ stage, run, command });
        for (const word of install.packages) {
          const addon = addonWithoutMuslPrebuild(word.value);
          if (addon) needs.set(word.value, addon.buildNeeds);
        }
      }
      const rebuild =
        command.name === 'npm' &&
        positionalArgs(command)[0]?.value === 'rebuild';
      if (
        (rebuild || isNodeInstall(command)) &&
        buildsFromSource(command, fromEnvironment) &&
        needs.size === 0
      ) {
        needs.set(
          rebuild
            ? positionalArgs(command)
                .slice(1)
                .map(arg => arg.value)
                .join(' ') || 'native addons'
            : 'native addons',
          NODE_GYP_TOOLCHAIN,
        );
      }
      for (const [what, packages] of needs) {
        const missing = missingBuildPackages(stage, packages);
        if (missing.length === 0) continue;
        context.report({
          at: command,
          messageId: 'noToolchain',
          data: { addon: what, missing: missing.join(', ') },
        });
      }
    }
  },
});
